import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signal } from '../../src/runtime/reactive/index.ts';
import { h } from '../../src/runtime/vdom/h.ts';
import type { SubmitEventData } from '../../src/runtime/vdom/events.ts';
import { createApp, serve, type Served } from '../../src/runtime/node/index.ts';

/** Data that outlives a session, as a database would. */
const todos: string[] = [];

function Todos() {
  const error = signal('');
  return h(
    'main',
    null,
    h('form', { onSubmit: (e: SubmitEventData) => {
      const title = (e.data.get('title') ?? '').trim();
      if (!title) return error.set('Title is required');
      todos.push(title);
      error.set('');
    } }, h('input', { name: 'title' }), h('button', null, 'Add')),
    h('form', { onSubmit: () => todos.splice(0) }, h('input', { name: 'confirm', type: 'hidden', value: 'yes' }), h('button', null, 'Clear')),
    error.get() ? h('p', { class: 'error' }, error.get()) : null,
    h('ul', null, todos.map((t) => h('li', { key: t }, t))),
  );
}

let srv: Served;
beforeAll(async () => {
  srv = await serve(createApp({ routes: { '/': Todos } }), { port: 0 });
});
afterAll(() => srv.close(100));

const post = (body: Record<string, string>) =>
  fetch(srv.url + '/', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body) });

describe('forms without JavaScript', () => {
  it('renders forms with a submit handler as method="post"', async () => {
    const html = await (await fetch(srv.url + '/')).text();
    expect(html).toMatch(/<form method="post" data-hid="\d+" data-on="submit">/);
  });

  it('runs the posted form\'s handler and answers with the full render', async () => {
    const res = await post({ title: 'Buy milk' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<li>Buy milk</li>');
    expect(html).toContain('id="vango-boot"');
    expect(todos).toEqual(['Buy milk']);
  });

  it('shows validation errors from the handler in the rendered page', async () => {
    const html = await (await post({ title: '  ' })).text();
    expect(html).toContain('<p class="error">Title is required</p>');
    expect(todos).toEqual(['Buy milk']);
  });

  it('picks the form by its fields when a page has several', async () => {
    const html = await (await post({ confirm: 'yes' })).text();
    expect(html).not.toContain('<li>');
    expect(todos).toEqual([]);
  });

  it('refuses a post that matches no form, and bodies that are not forms', async () => {
    expect((await post({ other: 'x' })).status).toBe(400);
    expect((await fetch(srv.url + '/', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(405);
  });
});
