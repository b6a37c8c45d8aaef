/**
 * Dev-only checks for mistakes the runtime can see but that are not errors: a signal written while a
 * component renders, an event prop that is not a function, duplicate keys in a list. Off in
 * production (one boolean read on the paths that check); the dev server turns them on and routes the
 * warnings to the terminal and the browser console.
 */
import { setRenderWriteHook } from '../reactive/graph.ts';
import { handlerOf, isEventProp } from '../vdom/attrs.ts';
import { Kind, type VNode } from '../vdom/vnode.ts';

export interface DevWarning {
  message: string;
  /** The component it happened in, when known. */
  component?: string;
}

/** Read by the checked paths; `on` is false unless the dev server enabled the checks. */
export const devChecks: { on: boolean } = { on: false };

let sink: ((w: DevWarning) => void) | undefined;
/** Messages already reported, so a warning in a render that runs on every event is shown once. */
const seen = new Set<string>();
const MAX_SEEN = 500;

/** Turn the checks on and send warnings to `onWarn` (undefined turns them off). */
export function enableDevChecks(onWarn: ((w: DevWarning) => void) | undefined): void {
  sink = onWarn;
  devChecks.on = onWarn !== undefined;
  seen.clear();
  setRenderWriteHook(
    onWarn === undefined
      ? undefined
      : (signal, owner) => {
          const name = (owner as { name?: string }).name;
          devWarn(
            `${name ? `<${name}>` : 'A component'} wrote signal "${signal}" while rendering. Renders must only read: ` +
              'move the write into an event handler or an effect, or derive the value with memo().',
            name,
          );
        },
  );
}

/** Report a likely mistake once (per message). */
export function devWarn(message: string, component?: string): void {
  if (sink === undefined || seen.has(message)) return;
  if (seen.size >= MAX_SEEN) seen.clear();
  seen.add(message);
  sink(component === undefined ? { message } : { message, component });
}

/** A key seen twice among siblings (the list's diff would pair the wrong rows). */
export function warnDuplicateKey(key: unknown, where: string, component: string | undefined): void {
  devWarn(
    `Duplicate key ${JSON.stringify(key)} among the children of <${where}>${component ? ` in <${component}>` : ''}. ` +
      'Keys must be unique among siblings: use a stable id of the item (key={item.id}), not a value two rows can share.',
    component,
  );
}

/** An `on*` prop whose value is not a function (nor a handler spec). */
export function warnBadHandler(prop: string, tag: string, value: unknown, component: string | undefined): void {
  const what = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
  devWarn(
    `${prop} of <${tag}>${component ? ` in <${component}>` : ''} is ${what}, not a function, so the event does nothing. ` +
      `Pass the function itself (${prop}={() => save()} or ${prop}={save}), not the result of calling it (${prop}={save()}).`,
    component,
  );
}

/** Elements the HTML parser closes an open `<p>` before (so a `<p>` can't hold them). */
const CLOSES_P = new Set(['address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'ul']);
/** Elements that may not contain themselves: the parser closes the outer one first. */
const NO_SELF_NESTING = new Set(['a', 'button', 'form', 'label', 'option']);

/**
 * Markup the browser's parser rewrites (so the DOM differs from what the server rendered and
 * patches would land on the wrong nodes). Returns the problem, or undefined.
 */
export function nestingProblem(tag: string, ancestors: readonly string[]): string | undefined {
  const parent = ancestors[ancestors.length - 1];
  if (parent === 'p' && CLOSES_P.has(tag)) return `<${tag}> inside <p>: the browser closes the <p> before it. Use a <div> instead of the <p> (or a <span> instead of the <${tag}>).`;
  if (NO_SELF_NESTING.has(tag) && ancestors.includes(tag)) return `<${tag}> inside another <${tag}>: the browser closes the outer one first. Move it out.`;
  if (parent === 'table' && (tag === 'tr' || tag === 'td' || tag === 'th')) return `<${tag}> directly inside <table>: the browser wraps it in a <tbody>. Write the <tbody> (or <thead>) yourself.`;
  if ((parent === 'tbody' || parent === 'thead' || parent === 'tfoot') && tag !== 'tr') return `<${tag}> directly inside <${parent}>: only <tr> belongs there; the browser moves it out of the table.`;
  if (parent === 'tr' && tag !== 'td' && tag !== 'th') return `<${tag}> directly inside <tr>: only <td>/<th> belong there; the browser moves it out of the table.`;
  return undefined;
}

/**
 * Check one component's fresh output (not its child components' output: they check their own):
 * duplicate keys among siblings, event props that are not functions, and nesting the HTML parser
 * rewrites (the hydration mistake: the client's DOM would not be the server's tree).
 */
export function checkOutput(node: VNode, component: string): void {
  const ancestors: string[] = [];
  const visit = (n: VNode, parentTag: string): void => {
    if (n.kind === Kind.Element) {
      const nesting = nestingProblem(n.tag, ancestors);
      if (nesting) devWarn(`${nesting} (in <${component}>)`, component);
      for (const p in n.props) {
        if (!isEventProp(p)) continue;
        const v = n.props[p];
        if (v !== undefined && v !== null && v !== false && handlerOf(v) === undefined) warnBadHandler(p, n.tag, v, component);
      }
    } else if (n.kind !== Kind.Fragment) return;
    const tag = n.kind === Kind.Element ? n.tag : parentTag;
    let keys: Set<unknown> | undefined;
    for (const c of n.children) {
      if (c.key !== undefined && c.key !== null) {
        keys ??= new Set();
        if (keys.has(c.key)) warnDuplicateKey(c.key, tag, component);
        else keys.add(c.key);
      }
      if (n.kind === Kind.Element) ancestors.push(n.tag);
      visit(c, tag);
      if (n.kind === Kind.Element) ancestors.pop();
    }
  };
  visit(node, component);
}
