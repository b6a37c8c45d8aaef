/**
 * The production server (`node dist/server.js`, `vango start`) prints `serving on http://host:port`:
 * wait for that line and give the loopback URL, or fail with what it printed.
 */
import type { ChildProcess } from 'node:child_process';

export function servedUrl(child: ChildProcess, timeoutMs = 15_000): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    let out = '';
    const t = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), timeoutMs);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /serving on http:\/\/\S+:(\d+)/.exec(out);
      if (m) {
        clearTimeout(t);
        resolve(`http://127.0.0.1:${m[1]}`);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(t);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
}
