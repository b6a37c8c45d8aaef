// Shared by the bin shims: refuse unsupported Node, refuse a missing build, then run the CLI.
// Old syntax and no `node:` imports on purpose, see check-node.js.
import { existsSync, readFileSync } from 'fs';
import * as nodeModule from 'module';
import { fileURLToPath } from 'url';
import { nodeVersionProblem } from './check-node.js';

var packageRoot = fileURLToPath(new URL('..', import.meta.url)).replace(/[\/]+$/, '');

function fail(message) {
  process.stderr.write(message + '\n');
  process.exitCode = 1;
}

/** Runs `main(argv)` exported by the compiled module `entry` (a path relative to the package root). */
export function launch(name, entry) {
  var pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  var problem = nodeVersionProblem(name, pkg.engines && pkg.engines.node, process.versions.node, process.execPath);
  if (problem) return fail(problem);

  var entryUrl = new URL('../' + entry, import.meta.url);
  if (!existsSync(entryUrl)) {
    return fail(name + ' is not built: run `npm run build` in ' + packageRoot);
  }
  // Cached V8 code for our modules: the CLI and `vango dev` start faster from the second run on.
  if (typeof nodeModule.enableCompileCache === 'function') nodeModule.enableCompileCache();
  return import(entryUrl.href).then(
    function (mod) {
      return mod.main(process.argv).then(function (code) {
        process.exitCode = code;
      });
    },
    function (err) {
      fail(name + ': could not load ' + entry + ': ' + (err && err.stack ? err.stack : err));
    },
  );
}
