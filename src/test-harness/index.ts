/**
 * `vango/test`: component and page tests without a browser, through the real server-side event loop.
 *
 * ```tsx
 * const view = mount(<Counter />);            // a component in a bare root
 * await view.click('+');
 * expect(view.getByRole('heading').children).toBeDefined();
 *
 * const page = await visit('/projects/7');    // a page through the app: router, layouts, session, wire
 * await page.click('#inc');
 * expect(page.signal('count')).toBe(1);
 * expect(page.patches()).toHaveLength(1);     // the update was minimal
 * ```
 *
 * Fake time: call `vi.useFakeTimers()`; after `await vi.advanceTimersByTimeAsync(ms)`, `await
 * view.settle()` renders what the timers changed. An interaction whose handler waits on a faked timer
 * resolves once time is advanced past it (start it, advance, then await it).
 */
export { mount } from './mount.ts';
export { visit, type PageView, type VisitOptions } from './visit.ts';
export { createView, type View, type Target, type Driver } from './view.ts';
export { QueryError, type Queries, type RoleOptions, type TextMatch } from './queries.ts';
export { SelectorError } from './selector.ts';
export { registerRoutes, registeredRoutes } from './routes.ts';
export { startTestServer, launchBrowser, browserTestsEnabled, SYSTEM_CHROMIUM, CHROMIUM_ARGS, type TestServer, type TestServerOptions, type LaunchOptions } from './server.ts';
