import { afterEach, describe, expect, it } from 'vitest';
import { mount, type View } from 'vango/test';
import { Room } from '../app/components/Room.tsx';
import { clicks, notes, room } from '../app/shared.ts';

const views: View[] = [];
const open = (name: string) => {
  const v = mount(<Room me={{ id: name, name, color: '#000' }} />);
  views.push(v);
  return v;
};
/** What a live session does on its own when shared state changes: re-render. */
const refresh = () => views.forEach((v) => v.root.flush());

afterEach(() => {
  views.splice(0).forEach((v) => v.unmount());
  clicks.set(0);
  notes.set([]);
});

describe('Room', () => {
  it('lists everyone who is here, and forgets who left', () => {
    const ann = open('Ann');
    const bob = open('Bob');
    refresh();
    expect(ann.text()).toContain('Here now: 2');
    expect(ann.text()).toContain('Bob');
    expect(bob.text()).toContain('Ann');
    bob.unmount();
    views.pop();
    refresh();
    expect(ann.text()).toContain('Here now: 1');
    expect(ann.text()).not.toContain('Bob');
  });

  it("shows one visitor's click to the other", async () => {
    const ann = open('Ann');
    const bob = open('Bob');
    await ann.click('Clicked');
    refresh();
    expect(bob.text()).toContain('Clicked 1 times by everyone');
  });

  it('shares notes, and validates them', async () => {
    const ann = open('Ann');
    const bob = open('Bob');
    await ann.submit((el) => el.tag === 'form', { text: ' ' });
    expect(ann.text()).toContain('Say something.');
    await ann.submit((el) => el.tag === 'form', { text: 'hello Bob' });
    refresh();
    expect(bob.text()).toContain('Ann: hello Bob');
    expect(room.count()).toBe(2);
  });
});
