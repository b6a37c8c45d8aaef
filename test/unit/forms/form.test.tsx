import { describe, expect, it } from 'vitest';
import { signal, useForm } from '../../../src/runtime/index.ts';
import { mount } from '../../../src/test-harness/index.ts';

function NewItem({ items, keepOnFalse = false }: { items: string[]; keepOnFalse?: boolean }) {
  const form = useForm({ title: { required: 'Give it a title', maxLength: 5 } });
  const saved = signal(0);
  return (
    <form id="new-item"
      onSubmit={form.onSubmit(({ title }) => {
        items.push(title);
        saved.inc();
        return keepOnFalse ? false : undefined;
      })}
    >
      <input name="title" value={form.value('title')} />
      {form.error('title') && <p class="error">{form.error('title')}</p>}
      <span>{form.invalid ? 'invalid' : 'ok'}</span>
      <span>saved {saved.get()}</span>
    </form>
  );
}

describe('useForm', () => {
  it('shows the message and keeps what was typed when a field fails', async () => {
    const items: string[] = [];
    const view = mount(<NewItem items={items} />);
    await view.submit('new-item', { title: 'too long' });
    expect(items).toEqual([]);
    expect(view.html()).toContain('<p class="error">Use at most 5 characters.</p>');
    expect(view.html()).toContain('value="too long"');
    expect(view.text()).toContain('invalid');
  });

  it('runs the action with cleaned values and clears the form on success', async () => {
    const items: string[] = [];
    const view = mount(<NewItem items={items} />);
    await view.submit('new-item', { title: '' });
    expect(view.text()).toContain('Give it a title');
    await view.submit('new-item', { title: ' milk ' });
    expect(items).toEqual(['milk']);
    expect(view.html()).not.toContain('class="error"');
    expect(view.html()).not.toContain('value="milk"');
    expect(view.text()).toContain('saved 1');
  });

  it('keeps the values when the action returns false', async () => {
    const items: string[] = [];
    const view = mount(<NewItem items={items} keepOnFalse />);
    await view.submit('new-item', { title: 'tea' });
    expect(items).toEqual(['tea']);
    expect(view.html()).toContain('value="tea"');
    expect(view.text()).toContain('ok');
  });
});
