/**
 * `vango/dev`: the runtime's dev-only hooks, for tools (the dev server, devtools). Apps don't import it.
 * The dev server loads it through the app's own `vango`, so the hooks act on the instance the app uses.
 */
export { HotRegistry, HOT_GLOBAL, hotRegistry, installHotRegistry, type HotReset } from './hot.ts';
export { devChecks, devWarn, enableDevChecks, type DevWarning } from './checks.ts';
export { setComponentResolver } from '../vdom/vnode.ts';
export { hotUpdate, type HotUpdateResult } from '../app/app.ts';
