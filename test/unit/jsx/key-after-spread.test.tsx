/**
 * `<li {...props} key="k" />` is compiled (by TypeScript, esbuild and oxc alike, following React) into a
 * call of `createElement(type, props, ...children)` imported from the bare `jsxImportSource` package,
 * i.e. `import { createElement } from 'vango'`, not from `vango/jsx-runtime`. The package entry must
 * therefore export a React-compatible `createElement` (`h` has that signature). Kept in its own file
 * because a missing export fails the whole module at import time.
 */
import { describe, expect, it } from 'vitest';
import { Kind, type VElement } from '../../../src/runtime/vdom/vnode.ts';

describe('key after a spread', () => {
  it('compiles to createElement from the package entry and still keys the node', () => {
    const rest = { id: 'x', title: 't' };
    const n = (<li {...rest} key="after">a{1}</li>) as VElement;
    expect(n.kind).toBe(Kind.Element);
    expect(n.key).toBe('after');
    expect(n.props).toEqual({ id: 'x', title: 't' });
    expect(n.children).toEqual([{ kind: Kind.Text, text: 'a1', key: undefined }]);
  });
});
