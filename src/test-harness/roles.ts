/** ARIA roles and accessible names of vnodes, enough for `getByRole(role, { name })`. */
import type { VElement } from '../runtime/vdom/vnode.ts';
import { textOf } from './tree.ts';

const INPUT_ROLES: Record<string, string> = {
  button: 'button', submit: 'button', reset: 'button', image: 'button',
  checkbox: 'checkbox', radio: 'radio', range: 'slider', number: 'spinbutton', search: 'searchbox',
  text: 'textbox', email: 'textbox', tel: 'textbox', url: 'textbox', password: 'textbox',
};

const TAG_ROLES: Record<string, string> = {
  button: 'button', textarea: 'textbox', select: 'combobox', form: 'form', nav: 'navigation', main: 'main',
  header: 'banner', footer: 'contentinfo', aside: 'complementary', article: 'article', ul: 'list', ol: 'list',
  li: 'listitem', table: 'table', tr: 'row', td: 'cell', th: 'columnheader', dialog: 'dialog', option: 'option',
  h1: 'heading', h2: 'heading', h3: 'heading', h4: 'heading', h5: 'heading', h6: 'heading', progress: 'progressbar',
  hr: 'separator', section: 'region', fieldset: 'group', output: 'status',
};

/** The element's role: its `role` attribute, else the implicit role of its tag. */
export function roleOf(el: VElement): string | undefined {
  const explicit = el.props.role;
  if (typeof explicit === 'string' && explicit) return explicit.split(/\s+/)[0];
  const tag = el.tag.toLowerCase();
  if (tag === 'a') return el.props.href !== undefined ? 'link' : undefined;
  if (tag === 'img') return el.props.alt === '' ? 'presentation' : 'img';
  if (tag === 'input') {
    const type = typeof el.props.type === 'string' ? el.props.type.toLowerCase() : 'text';
    return type === 'hidden' ? undefined : (INPUT_ROLES[type] ?? 'textbox');
  }
  return TAG_ROLES[tag];
}

/**
 * The accessible name, simplified: `aria-label`, then `<label for>` / a wrapping `<label>`, then `alt`,
 * the value of input buttons, `title`, `placeholder`; else the text content for roles named by content.
 */
export function nameOf(el: VElement, labels: (el: VElement) => string | undefined): string {
  const p = el.props;
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const role = roleOf(el);
  const fromContent = role === 'button' || role === 'link' || role === 'heading' || role === 'listitem' || role === 'cell' || role === 'option' || role === 'columnheader' || role === 'checkbox' || role === 'radio';
  return (
    str(p['aria-label']) ??
    labels(el) ??
    str(p.alt) ??
    (el.tag === 'input' && (p.type === 'submit' || p.type === 'button' || p.type === 'reset') ? str(p.value) : undefined) ??
    (fromContent && el.tag !== 'input' ? textOf(el).trim().replace(/\s+/g, ' ') : undefined) ??
    str(p.title) ??
    str(p.placeholder) ??
    ''
  );
}
