import { describe, expect, it } from 'vitest';
import { mount } from 'vango/test';
import { Counter } from '../app/components/Counter.tsx';

describe('Counter', () => {
  it('renders its starting count', () => {
    const view = mount(<Counter start={5} />);
    expect(view.text()).toContain('Count: 5');
  });

  it('counts up and down through the real event handlers', async () => {
    const view = mount(<Counter />);
    await view.click((el) => el.props['aria-label'] === 'increment');
    await view.click((el) => el.props['aria-label'] === 'increment');
    expect(view.text()).toContain('Count: 2');
    await view.click((el) => el.props['aria-label'] === 'decrement');
    expect(view.html()).toContain('<output>1</output>');
    view.unmount();
  });
});
