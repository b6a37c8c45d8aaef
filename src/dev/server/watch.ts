/**
 * File watching for the dev server: chokidar over the app root (not node_modules, .git, build output
 * or generated files), with the events of one save coalesced into a batch.
 */
import { join, sep } from 'node:path';
import { watch } from 'chokidar';

export interface ChangeBatch {
  /** Absolute paths changed, added or removed. */
  files: string[];
  /** A file was added or removed under app/routes: the route table must be generated again. */
  structural: boolean;
}

export interface AppWatcher {
  close(): Promise<void>;
  /** Resolves once the initial scan is done (changes before that are not seen). */
  ready: Promise<void>;
}

/** Editors write a file in several steps (truncate, write, rename); wait this long for the rest. */
const SETTLE_MS = 8;

const IGNORED_DIRS = ['node_modules', '.git', 'dist', 'coverage'];

export function watchApp(root: string, ignore: string[], onBatch: (b: ChangeBatch) => void): AppWatcher {
  const routesDir = join(root, 'app', 'routes') + sep;
  const ignored = (path: string): boolean => {
    if (ignore.some((d) => path === d || path.startsWith(d + sep))) return true;
    const rel = path.slice(root.length + 1);
    return rel.split(sep).some((seg) => IGNORED_DIRS.includes(seg) || (seg.startsWith('.') && seg !== '.'));
  };
  const w = watch(root, { ignored, ignoreInitial: true, persistent: true });
  let files = new Set<string>();
  let structural = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    const b = { files: [...files], structural };
    files = new Set();
    structural = false;
    onBatch(b);
  };
  const note = (path: string, addOrRemove: boolean) => {
    files.add(path);
    if (addOrRemove && path.startsWith(routesDir)) structural = true;
    timer ??= setTimeout(flush, SETTLE_MS);
  };
  w.on('change', (p) => note(p, false));
  w.on('add', (p) => note(p, true));
  w.on('unlink', (p) => note(p, true));
  w.on('unlinkDir', (p) => note(p, true));
  const ready = new Promise<void>((r) => w.once('ready', () => r()));
  return {
    ready,
    close: async () => {
      if (timer) clearTimeout(timer);
      await w.close();
    },
  };
}
