import { describe, expect, it } from 'vitest';
import { Fragment, h, raw, text } from '../../../src/runtime/vdom/h.ts';
import { styleToString } from '../../../src/runtime/vdom/attrs.ts';
import { Kind, type Child, type VNode } from '../../../src/runtime/vdom/vnode.ts';
import { renderMounted, renderToString } from '../../../src/runtime/render/index.ts';
import { attrsOf, isElement, parse, testMount } from './helpers.ts';

const noop = (): void => {};
const both = (c: () => Child): [string, string] => [renderToString(c()), renderMounted(testMount(c()))];

describe('elements and attributes', () => {
  it('writes attributes in prop order, escaped, with aliases', () => {
    expect(renderToString(h('label', { htmlFor: 'x', className: 'a b', title: 'say "hi" & <bye>' }, 'L'))).toBe(
      '<label for="x" class="a b" title="say &quot;hi&quot; &amp; &lt;bye&gt;">L</label>',
    );
  });

  it('skips null, undefined, false and framework props', () => {
    const ref = { current: null };
    expect(renderToString(h('div', { id: null, title: undefined, hidden: false, key: 'k', ref, hook: undefined }))).toBe('<div></div>');
  });

  it('writes boolean attributes bare and spells out aria-/data- booleans', () => {
    expect(renderToString(h('input', { disabled: true, checked: true, 'aria-hidden': true, 'data-on-sale': false }))).toBe(
      '<input disabled checked aria-hidden="true" data-on-sale="false">',
    );
  });

  it('writes an empty string as a bare attribute, but drops an empty class', () => {
    expect(renderToString(h('option', { value: '', class: '' }))).toBe('<option value></option>');
    expect(parse('<option value></option>').childNodes.length).toBe(1);
    const el = parse(renderToString(h('input', { value: '' }))).childNodes[0]!;
    expect(isElement(el) && attrsOf(el)).toEqual({ value: '' });
  });

  it('serializes class objects and arrays', () => {
    expect(renderToString(h('p', { class: ['a', false, null, { b: true, c: false }, ['d', 0 && 'e']] }))).toBe('<p class="a b d"></p>');
    expect(renderToString(h('p', { class: { on: false } }))).toBe('<p></p>');
  });

  it('serializes style objects like styleToString (px, unitless, custom properties)', () => {
    const style = { fontSize: 12, lineHeight: 1.5, zIndex: 3, marginTop: 0, '--gap': 4, color: 'red', display: null, width: '' };
    const html = renderToString(h('div', { style }));
    expect(html).toBe(`<div style="${styleToString(style)}"></div>`);
    expect(html).toBe('<div style="font-size:12px;line-height:1.5;z-index:3;margin-top:0;--gap:4;color:red"></div>');
    expect(renderToString(h('div', { style: 'color: red' }))).toBe('<div style="color: red"></div>');
    expect(renderToString(h('div', { style: {} }))).toBe('<div></div>');
  });

  it('writes numbers and JSON for objects', () => {
    expect(renderToString(h('td', { colspan: 2, 'data-x': { a: '"' } }))).toBe('<td colspan="2" data-x="{&quot;a&quot;:&quot;\\&quot;&quot;}"></td>');
  });

  it('drops props whose names are not valid attribute names', () => {
    const props: Record<string, unknown> = {
      'a b': 1,
      'x"y': 1,
      "x'y": 1,
      'x>y': 1,
      'x/y': 1,
      'x=y': 1,
      '': 1,
      '1abc': 1,
      'data-ok': 'yes',
      'xlink:href': '#a',
      'x\u0000y': 1,
      'é': 1,
    };
    expect(renderToString(h('div', props))).toBe('<div data-ok="yes" xlink:href="#a"></div>');
  });

  it('refuses inline handlers and framework-owned attribute names, in any case', () => {
    const html = renderToString(h('div', { onclick: 'alert(1)', ONMOUSEOVER: 'x', 'data-hid': '9', 'Data-Hid': '9', 'DATA-ON': 'click', 'data-hook': 'x', 'data-hook-config': '{}' }));
    expect(html).toBe('<div></div>');
  });

  it('throws on invalid or refused tag names', () => {
    expect(() => renderToString(h('div onclick=alert(1)', null))).toThrow(/Invalid element tag name/);
    expect(() => renderToString(h('a>', null))).toThrow(TypeError);
    expect(() => renderToString(h('plaintext', null))).toThrow(/plaintext/);
    expect(renderToString(h('my-element', { 'some-attr': 'v' }))).toBe('<my-element some-attr="v"></my-element>');
  });

  it('does not close void elements and ignores their children', () => {
    const bad = { kind: Kind.Element, tag: 'br', props: {}, children: [text('lost')], key: undefined } as VNode;
    expect(renderToString(h('p', null, 'a', bad, h('img', { src: '/x.png', alt: '' }), h('hr', null)))).toBe('<p>a<br><img src="/x.png" alt><hr></p>');
  });
});

describe('content rules', () => {
  it('renders a textarea value as escaped content, never as an attribute', () => {
    expect(renderToString(h('textarea', { value: 'a</textarea><b>', rows: 3 }))).toBe('<textarea rows="3">a&lt;/textarea&gt;&lt;b&gt;</textarea>');
    expect(renderToString(h('textarea', { value: 42 }))).toBe('<textarea>42</textarea>');
    expect(renderToString(h('textarea', null, 'from ', 'children'))).toBe('<textarea>from children</textarea>');
    // Other elements keep value as an attribute.
    expect(renderToString(h('input', { value: 'v' }))).toBe('<input value="v">');
  });

  it('doubles a leading newline right after <pre>, <listing> and <textarea>', () => {
    expect(renderToString(h('pre', null, '\ncode'))).toBe('<pre>\n\ncode</pre>');
    expect(renderToString(h('listing', null, '\nx'))).toBe('<listing>\n\nx</listing>');
    expect(renderToString(h('textarea', { value: '\nv' }))).toBe('<textarea>\n\nv</textarea>');
    // Only the very first content counts: not after an element, not in a following sibling.
    expect(renderToString(h('pre', null, h('b', null, '\nx'), '\ny'))).toBe('<pre><b>\nx</b>\ny</pre>');
    expect(renderToString(h('div', null, h('pre', null), '\nafter'))).toBe('<div><pre></pre>\nafter</div>');
    // Through an empty fragment and a component.
    const C = () => '\nfrom component';
    expect(renderToString(h('pre', null, h(Fragment, null), h(C, null)))).toBe('<pre>\n\nfrom component</pre>');
    for (const html of [renderToString(h('pre', null, '\ncode')), renderToString(h('textarea', { value: '\n\nv' }))]) {
      const el = parse(html).childNodes[0]!;
      const t = isElement(el) ? el.childNodes[0] : undefined;
      expect(t && 'value' in t ? t.value : undefined).toBe(html.startsWith('<pre') ? '\ncode' : '\n\nv');
    }
  });

  it('emits script and style content unescaped but neutralizes closing tags and <!--', () => {
    expect(renderToString(h('script', null, 'if (a < b && c > d) x("</script><img src=x>")'))).toBe(
      '<script>if (a < b && c > d) x("<\\/script><img src=x>")</script>',
    );
    expect(renderToString(h('script', null, '</SCRIPT ><!-- <script>'))).toBe('<script><\\/SCRIPT ><\\!-- <script></script>');
    expect(renderToString(h('style', null, 'a > b { content: "</style><script>" }'))).toBe('<style>a > b { content: "<\\/style><script>" }</style>');
    expect(renderToString(h('style', null, '</StYlE'))).toBe('<style><\\/StYlE</style>');
  });

  it('escapes script/style content inside svg and math, where it is parsed as markup', () => {
    expect(renderToString(h('svg', null, h('style', null, '<img src=x onerror=alert(1)>')))).toBe('<svg><style>&lt;img src=x onerror=alert(1)&gt;</style></svg>');
    expect(renderToString(h('math', null, h('script', null, 'a<b')))).toBe('<math><script>a&lt;b</script></math>');
    expect(renderToString(h('style', null, 'x'), { foreign: true })).toBe('<style>x</style>');
    expect(renderToString(h('style', null, 'a&b'), { foreign: true })).toBe('<style>a&amp;b</style>');
  });

  it('escapes text and wraps raw HTML in markers', () => {
    expect(renderToString(h('p', null, 'a < b & c > d'))).toBe('<p>a &lt; b &amp; c &gt; d</p>');
    expect(renderToString(h('div', null, raw('<b>trusted</b>'), 'x'))).toBe('<div><!--[--><b>trusted</b><!--]-->x</div>');
  });

  it('separates texts that would touch across fragment and component boundaries', () => {
    const C = () => 'c';
    const Empty = () => null;
    expect(renderToString(h('p', null, 'a', h(C, null)))).toBe('<p>a<!---->c</p>');
    expect(renderToString(h('p', null, 'a', h(Fragment, null, 'b'), h(Empty, null), 'c'))).toBe('<p>a<!---->b<!---->c</p>');
    expect(renderToString(h('p', null, 'a', h('b', null), 'c'))).toBe('<p>a<b></b>c</p>');
    // h() already merges adjacent literal texts.
    expect(renderToString(h('p', null, 'a', 'b', 1))).toBe('<p>ab1</p>');
  });

  it('renders fragments, components and top-level arrays', () => {
    const Item = (p: { n: number }) => h('li', null, `#${p.n}`);
    const List = (p: { children?: Child }) => h('ul', null, p.children);
    expect(renderToString(h(List, null, [1, 2].map((n) => h(Item, { n, key: n }))))).toBe('<ul><li>#1</li><li>#2</li></ul>');
    expect(renderToString(['a', h('br', null), null, false, 'b'])).toBe('a<br>b');
    expect(renderToString(null)).toBe('');
    expect(renderToString('<x>')).toBe('&lt;x&gt;');
  });

  it('passes components through callComponent when given', () => {
    const C = (p: { v: string }) => h('i', null, p.v);
    const seen: string[] = [];
    const html = renderToString(h('div', null, h(C, { v: 'x' })), {
      callComponent: (type, props) => {
        seen.push(type.name);
        return type(props);
      },
    });
    expect(html).toBe('<div><i>x</i></div>');
    expect(seen).toEqual(['C']);
  });
});

describe('hydration ids', () => {
  it('marks only elements with handlers or a hook, with the pre-order hid', () => {
    const tree = () =>
      h('div', null,
        'text',
        h('button', { onClick: noop }, 'go'),
        h('span', null, h('a', { href: '#', onMouseEnter: noop, onDoubleClick: noop }, 'x')),
      );
    // div 1, 'text' 2, button 3, 'go' 4, span 5, a 6, 'x' 7
    const [s, m] = both(tree);
    expect(s).toBe('<div>text<button data-hid="3" data-on="click">go</button><span><a href="#" data-hid="6" data-on="mouseenter dblclick">x</a></span></div>');
    expect(m).toBe(s);
  });

  it('counts raw blocks and components like the mount does', () => {
    const C = () => [h('i', null, 'a'), 'b'];
    const tree = () => h('div', null, raw('<p>1</p><p>2</p>'), h(C, null), h('b', { onClick: noop }));
    // div 1, raw 2, i 3, 'a' 4, 'b' 5, b 6
    const [s, m] = both(tree);
    expect(s).toContain('<b data-hid="6" data-on="click"></b>');
    expect(m).toBe(s);
  });

  it('does not number void children or textarea content', () => {
    const bad = { kind: Kind.Element, tag: 'input', props: {}, children: [text('x')], key: undefined } as VNode;
    const tree = () => h('div', null, bad, h('textarea', { value: 'v' }), h('button', { onClick: noop }));
    const [s, m] = both(tree);
    // div 1, input 2, textarea 3, button 4
    expect(s).toBe('<div><input><textarea>v</textarea><button data-hid="4" data-on="click"></button></div>');
    expect(m).toBe(s);
  });

  it('writes modifiers from handler objects (eventSpec)', () => {
    const html = renderToString(
      h('input', {
        onInput: { handler: noop, debounce: 250.7 },
        onKeyDown: { handler: noop, key: ['Enter', 'Escape'], prevent: true, stop: true },
        onSubmit: { handler: noop, once: true, self: true, throttle: 100 },
        onClick: { notAHandler: true },
        onFocus: null,
      }),
    );
    expect(html).toBe('<input data-hid="1" data-on="input.debounce-250 keydown.prevent.stop.key-Enter.key-Escape submit.once.self.throttle-100">');
  });

  it('ignores event props without a callable handler', () => {
    expect(renderToString(h('button', { onClick: 'alert(1)' as unknown }))).toBe('<button></button>');
  });

  it('writes hook attributes and JSON config', () => {
    const html = renderToString(h('div', { hook: { name: 'Sortable', config: { handle: ".h'", n: [1, 2] } } }));
    expect(html).toBe(`<div data-hid="1" data-hook="Sortable" data-hook-config='{"handle":".h&#39;","n":[1,2]}'></div>`);
    const el = parse(html).childNodes[0]!;
    expect(isElement(el) && JSON.parse(attrsOf(el)['data-hook-config']!)).toEqual({ handle: ".h'", n: [1, 2] });
    expect(renderToString(h('div', { hook: { name: 'Chart' } }))).toBe('<div data-hid="1" data-hook="Chart"></div>');
    expect(renderToString(h('div', { hook: { nope: 1 } }))).toBe('<div></div>');
  });

  it('starts numbering at firstHid', () => {
    expect(renderToString(h('p', null, 'a', h('b', { onClick: noop })), { firstHid: 10 })).toBe('<p>a<b data-hid="12" data-on="click"></b></p>');
  });

  it('renderMounted uses the hids on the tree and refuses unmounted trees', () => {
    const t = h('p', null, h('b', { onClick: noop }));
    (t as { hid?: number }).hid = 40;
    ((t as { children: VNode[] }).children[0] as { hid?: number }).hid = 41;
    expect(renderMounted(t)).toBe('<p><b data-hid="41" data-on="click"></b></p>');
    expect(() => renderMounted(h('p', null, h('b', { onClick: noop })))).toThrow(/no hid/);
    expect(() => renderMounted(h(() => 'x', null))).toThrow(/not mounted/);
  });
});
