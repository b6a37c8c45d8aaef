/** Entry of the dev script bundle (DEV_SCRIPT_PATH): wires the dev client to the real page. */
import { startDevClient } from './dev-client.ts';

// A page can include the script twice (layout + HMR of the layout); one stream is enough.
const w = window as Window & { __vangoDev?: unknown };
if (!w.__vangoDev) {
  w.__vangoDev = startDevClient({
    window,
    EventSource,
    fetch: (url) => fetch(url),
    console,
  });
}
