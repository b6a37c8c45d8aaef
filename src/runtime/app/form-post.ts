/**
 * Progressive enhancement for forms: without JavaScript a form with a submit handler posts to its page
 * (h() gives it `method="post"`); the server mounts the page, runs that handler with the posted fields
 * and answers with the full render.
 */
import { eventName, isEventProp } from '../vdom/attrs.ts';
import type { Root } from '../vdom/root.ts';
import { Kind, type VElement, type VNode } from '../vdom/vnode.ts';
import { formData } from './payload.ts';

function hasSubmit(el: VElement): boolean {
  for (const p in el.props) if (isEventProp(p) && eventName(p) === 'submit') return true;
  return false;
}

function names(v: VNode, out: Set<string>): Set<string> {
  if (v.kind === Kind.Element) {
    if (typeof v.props.name === 'string') out.add(v.props.name);
    for (const c of v.children) names(c, out);
  } else if (v.kind === Kind.Fragment) for (const c of v.children) names(c, out);
  else if (v.kind === Kind.Component && v.instance) names(v.instance.out, out);
  return out;
}

/**
 * The form a post came from: among forms with a submit handler, the first whose named controls
 * include every posted field name (a page with one such form needs no further evidence).
 */
export function postedForm(root: Root, fields: Array<[string, string]>): VElement | undefined {
  const forms = [...root.interactive.values()].filter((el) => el.tag === 'form' && hasSubmit(el));
  if (forms.length <= 1) return forms[0];
  return forms.find((f) => {
    const have = names(f, new Set());
    return fields.every(([n]) => have.has(n));
  });
}

/**
 * Run the posted form's submit handler and re-render, without producing frames (the response is the
 * new render, which the client later connects to as its starting point). Returns false when no form
 * of the page matches the post.
 */
export async function submitPost(root: Root, fields: Array<[string, string]>): Promise<boolean> {
  const form = postedForm(root, fields);
  if (!form) return false;
  const { result } = root.dispatch(form.hid!, 'submit', { type: 'submit', hid: form.hid, fields, data: formData(fields) });
  if (result instanceof Promise) await result;
  // The handler may have changed data outside signals (a database): render everything afresh.
  root.invalidateAll();
  root.flush();
  return true;
}

/** The text fields of a posted form body (urlencoded or multipart; files are skipped). */
export async function postedFields(request: Request): Promise<Array<[string, string]> | undefined> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(type)) return undefined;
  const data = await request.formData();
  const out: Array<[string, string]> = [];
  data.forEach((v, k) => {
    if (typeof v === 'string') out.push([k, v]);
  });
  return out;
}
