/**
 * The browser side of dev events: a Server-Sent Events stream every page's dev script listens to.
 * The last problem is replayed to a page that connects while it is showing, so a reload still
 * shows the overlay.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BrowserDevEvent } from '../events.ts';

export class DevEventStream {
  private readonly clients = new Set<ServerResponse>();
  private problem: BrowserDevEvent | undefined;
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(heartbeatMs = 15_000) {
    this.timer = setInterval(() => {
      for (const c of this.clients) c.write(': ping\n\n');
    }, heartbeatMs);
    this.timer.unref();
  }

  /** Take over a request as an event stream. */
  attach(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-content-type-options': 'nosniff' });
    res.write('retry: 500\n\n');
    if (this.problem) res.write(frame(this.problem));
    this.clients.add(res);
    const drop = () => this.clients.delete(res);
    req.on('close', drop);
    res.on('error', drop);
  }

  send(e: BrowserDevEvent): void {
    if (e.type === 'problem') this.problem = e;
    else if (e.type === 'clear') this.problem = undefined;
    const f = frame(e);
    for (const c of this.clients) c.write(f);
  }

  get size(): number {
    return this.clients.size;
  }

  close(): void {
    clearInterval(this.timer);
    for (const c of this.clients) c.end();
    this.clients.clear();
  }
}

function frame(e: BrowserDevEvent): string {
  return `data: ${JSON.stringify(e)}\n\n`;
}
