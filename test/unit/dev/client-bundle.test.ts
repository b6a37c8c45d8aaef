// @vitest-environment happy-dom
/** The dev script as the dev server serves it: one self-starting IIFE with no module syntax left. */
import { describe, expect, it } from 'vitest';
import { buildDevClient } from '../../../src/dev/client-bundle.ts';
import { DEV_EVENTS_PATH } from '../../../src/dev/events.ts';
import { OVERLAY_TAG } from '../../../src/dev/client/overlay.ts';

describe('buildDevClient', () => {
  it('bundles an IIFE that connects and shows the overlay on a problem', async () => {
    const js = await buildDevClient();
    expect(js).not.toMatch(/^\s*(import|export)\s/m);
    const sources: { url: string; target: EventTarget }[] = [];
    const g = globalThis as unknown as { EventSource: unknown; __vangoDev?: unknown };
    const saved = g.EventSource;
    g.EventSource = class extends EventTarget {
      readyState = 1;
      readonly url: string;
      constructor(url: string) {
        super();
        this.url = url;
        sources.push({ url, target: this });
      }
      close(): void {}
    };
    try {
      new Function(js)();
      // Loaded twice (layout re-render): still one stream.
      new Function(js)();
      expect(sources.map((s) => s.url)).toEqual([DEV_EVENTS_PATH]);
      const problem = { kind: 'build', message: 'boom', file: 'a.ts', absFile: '/x/a.ts', line: 1, column: 2, frame: '' };
      sources[0]!.target.dispatchEvent(new MessageEvent('message', { data: JSON.stringify({ type: 'problem', problem }) }));
      expect(document.querySelector(OVERLAY_TAG)?.shadowRoot?.querySelector('.message')?.textContent).toBe('boom');
      expect(await buildDevClient()).toBe(js);
    } finally {
      g.EventSource = saved;
      delete g.__vangoDev;
      document.querySelector(OVERLAY_TAG)?.remove();
    }
  });
});
