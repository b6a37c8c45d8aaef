import { describe, expect, it } from 'vitest';
import { Fragment, jsx } from 'vango/jsx-runtime';
import { jsxDEV } from 'vango/jsx-dev-runtime';
import { Kind, type Child, type VComponent, type VElement, type VFragment, type VNode } from '../../../src/runtime/vdom/vnode.ts';
import type { HandlerSpec } from '../../../src/runtime/vdom/attrs.ts';
import type { KeyboardEventData, MouseEventData } from '../../../src/runtime/vdom/events.ts';

function asElement(n: VNode): VElement {
  expect(n.kind).toBe(Kind.Element);
  return n as VElement;
}

/** Children reduced to something easy to compare: texts as strings, elements as `<tag>`. */
function shape(n: VNode): unknown {
  switch (n.kind) {
    case Kind.Text:
      return n.text;
    case Kind.Element:
      return { tag: n.tag, key: n.key, children: n.children.map(shape) };
    case Kind.Fragment:
      return { fragment: true, key: n.key, children: n.children.map(shape) };
    case Kind.Component:
      return { component: n.type.name, key: n.key };
    case Kind.Raw:
      return { raw: n.html };
  }
}

describe('JSX elements', () => {
  it('builds an element with its tag, props and a text child', () => {
    const n = asElement(<div id="main" class={['a', { b: true, c: false }]} tabindex={0}>hello</div>);
    expect(n.tag).toBe('div');
    expect(n.props).toEqual({ id: 'main', class: ['a', { b: true, c: false }], tabindex: 0 });
    expect(n.key).toBeUndefined();
    expect(n.children).toEqual([{ kind: Kind.Text, text: 'hello', key: undefined }]);
  });

  it('keeps props verbatim: no renaming, `children` and `key` removed', () => {
    const n = asElement(
      <label key="k" htmlFor="name" className="lbl" data-x={1} aria-hidden={true}>
        Name
      </label>,
    );
    expect(n.key).toBe('k');
    expect(n.props).toEqual({ htmlFor: 'name', className: 'lbl', 'data-x': 1, 'aria-hidden': true });
    expect('children' in n.props).toBe(false);
    expect('key' in n.props).toBe(false);
  });

  it('takes numeric keys, also next to a spread', () => {
    const rest = { id: 'x', title: 't' };
    const a = asElement(<li key={7} {...rest} />);
    expect(a.key).toBe(7);
    expect(a.props).toEqual({ id: 'x', title: 't' });

  });

  it('keeps handler functions and handler specs on the element props', () => {
    const onClick = (e: MouseEventData) => e.clientX;
    const onKeyDown: HandlerSpec<KeyboardEventData> = { handler: (e) => e.key, key: 'Enter', prevent: true };
    const n = asElement(<input onClick={onClick} onKeyDown={onKeyDown} value="v" />);
    expect(n.props.onClick).toBe(onClick);
    expect(n.props.onKeyDown).toBe(onKeyDown);
    expect(n.props.value).toBe('v');
    expect(n.children).toEqual([]);
  });

  it('keeps framework props (ref, hook) on the element for the renderer to consume', () => {
    const ref = { current: null };
    const n = asElement(<canvas ref={ref} hook={{ name: 'chart', config: { points: [1, 2] } }} />);
    expect(n.props.ref).toBe(ref);
    expect(n.props.hook).toEqual({ name: 'chart', config: { points: [1, 2] } });
  });

  it('keeps SVG attribute names exactly as written', () => {
    const n = asElement(
      <svg viewBox="0 0 10 10" xmlns="http://www.w3.org/2000/svg">
        <path d="M0 0L10 10" stroke-width={2} fill="none" />
      </svg>,
    );
    expect(n.props).toEqual({ viewBox: '0 0 10 10', xmlns: 'http://www.w3.org/2000/svg' });
    expect(asElement(n.children[0]!).props).toEqual({ d: 'M0 0L10 10', 'stroke-width': 2, fill: 'none' });
  });
});

describe('children normalization', () => {
  it('drops null, undefined and booleans, and merges adjacent texts and numbers', () => {
    const n = asElement(
      <p>
        a{1}
        {'b'}
        {null}
        {false}
        {true}
        {undefined}
        {2n}c
      </p>,
    );
    expect(n.children).toEqual([{ kind: Kind.Text, text: 'a1b2c', key: undefined }]);
  });

  it('drops empty strings, so an empty text never reaches the DOM', () => {
    expect(asElement(<div>{''}</div>).children).toEqual([]);
    expect(asElement(<div>{''}x{''}</div>).children.map(shape)).toEqual(['x']);
  });

  it('flattens mapped arrays and nested arrays, keeping keys', () => {
    const items = ['x', 'y'];
    const nested: Child = [[<i />, ['deep']], 'er'];
    const n = asElement(
      <ul>
        {items.map((it) => (
          <li key={it}>{it}</li>
        ))}
        <li>last</li>
        {nested}
      </ul>,
    );
    expect(n.children.map(shape)).toEqual([
      { tag: 'li', key: 'x', children: ['x'] },
      { tag: 'li', key: 'y', children: ['y'] },
      { tag: 'li', key: undefined, children: ['last'] },
      { tag: 'i', key: undefined, children: [] },
      'deeper',
    ]);
  });

  it('joins JSX text lines with a single space, as the JSX whitespace rules say', () => {
    const n = asElement(
      <p>
        hello
        world
      </p>,
    );
    expect(n.children.map(shape)).toEqual(['hello world']);
  });

  it('refuses objects and functions as children', () => {
    const obj = { a: 1 } as unknown as Child;
    const fn = (() => 1) as unknown as Child;
    expect(() => <div>{obj}</div>).toThrow(TypeError);
    expect(() => <div>{fn}</div>).toThrow(/not valid as a child/);
  });
});

describe('fragments', () => {
  it('builds a fragment node with normalized children', () => {
    const n = <>a{'b'}<br />c</>;
    expect(n.kind).toBe(Kind.Fragment);
    expect((n as VFragment).key).toBeUndefined();
    expect(shape(n)).toEqual({ fragment: true, key: undefined, children: ['ab', { tag: 'br', key: undefined, children: [] }, 'c'] });
  });

  it('takes a key on <Fragment>', () => {
    const n = <Fragment key="f">x</Fragment>;
    expect(n.kind).toBe(Kind.Fragment);
    expect((n as VFragment).key).toBe('f');
  });

  it('stays a node of its own inside an element: its texts do not merge with siblings', () => {
    const n = asElement(<div>a<>b</>c</div>);
    expect(n.children.map(shape)).toEqual(['a', { fragment: true, key: undefined, children: ['b'] }, 'c']);
  });

  it('is empty when it has no children', () => {
    expect(shape(<></>)).toEqual({ fragment: true, key: undefined, children: [] });
  });
});

describe('components', () => {
  function Card(props: { title: string; children?: Child }) {
    return (
      <section>
        <h1>{props.title}</h1>
        {props.children}
      </section>
    );
  }
  function Label(props: { text: string }) {
    return props.text;
  }

  it('builds a component node holding the function and its props, children as passed', () => {
    const body = <b>bold</b>;
    const n = <Card key="c1" title="T">text{body}</Card>;
    expect(n.kind).toBe(Kind.Component);
    const c = n as VComponent;
    expect(c.type).toBe(Card);
    expect(c.key).toBe('c1');
    expect(c.props).toEqual({ title: 'T', children: ['text', body] });
  });

  it('passes a single child unwrapped and leaves `children` out when there are none', () => {
    expect((<Card title="T">only</Card> as VComponent).props).toEqual({ title: 'T', children: 'only' });
    const none = <Card title="T" /> as VComponent;
    expect(none.props).toEqual({ title: 'T' });
    expect('children' in none.props).toBe(false);
  });

  it('renders to the element tree its function returns, with children normalized there', () => {
    const c = (<Card title="T">a{1}<i /></Card>) as VComponent;
    const out = c.type(c.props) as VNode;
    expect(shape(out)).toEqual({
      tag: 'section',
      key: undefined,
      children: [
        { tag: 'h1', key: undefined, children: ['T'] },
        'a1',
        { tag: 'i', key: undefined, children: [] },
      ],
    });
  });

  it('accepts components that return text', () => {
    const n = asElement(<p><Label text="hi" /></p>);
    expect(n.children.map(shape)).toEqual([{ component: 'Label', key: undefined }]);
    const c = n.children[0] as VComponent;
    expect(c.type(c.props)).toBe('hi');
  });
});

describe('dev runtime', () => {
  it('builds the same nodes as the production runtime', () => {
    const onClick = () => {};
    const props = { id: 'a', onClick, children: ['x', 1] };
    expect(jsxDEV('button', props, 'k', false, { fileName: 'f.tsx', lineNumber: 1 }, undefined)).toEqual(jsx('button', props, 'k'));
    const comp = jsxDEV(Fragment, { children: 'y' }, undefined);
    expect(comp).toEqual({ kind: Kind.Fragment, children: [{ kind: Kind.Text, text: 'y', key: undefined }], key: undefined });
  });
});
