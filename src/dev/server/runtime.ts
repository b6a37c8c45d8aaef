/**
 * The runtime the app itself uses. The dev server must act on the same module instance as the app's
 * `import 'vango'` (one signal graph, one hot registry, one component resolver), so it loads `vango/*`
 * the way the app resolves it, falling back to the copy next to this file.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Dev from '../../runtime/dev/index.ts';
import type * as Server from '../../runtime/node/index.ts';

export interface AppRuntime {
  server: typeof Server;
  dev: typeof Dev;
  /** Where `vango/server` was loaded from (for messages). */
  from: string;
}

export async function loadAppRuntime(root: string): Promise<AppRuntime> {
  const req = createRequire(join(root, 'package.json'));
  let serverPath: string;
  let devPath: string;
  try {
    serverPath = req.resolve('vango/server');
    devPath = req.resolve('vango/dev');
  } catch {
    // Not installed in the app (a fixture inside this repo resolves itself): use ours.
    return {
      server: await import('../../runtime/node/index.ts'),
      dev: await import('../../runtime/dev/index.ts'),
      from: new URL('../../runtime/', import.meta.url).pathname,
    };
  }
  return {
    server: (await import(pathToFileURL(serverPath).href)) as typeof Server,
    dev: (await import(pathToFileURL(devPath).href)) as typeof Dev,
    from: serverPath,
  };
}
