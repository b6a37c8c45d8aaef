/**
 * WebSocket upgrades (ws): authorize before accepting, bind the socket to its session, and keep it alive
 * with protocol-level pings so dead peers are detached.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { App } from '../app/app.ts';
import type { Transport } from '../app/transport.ts';

export interface SocketOptions {
  /** Heartbeat period (ms); a socket that missed one pong is terminated. */
  heartbeat: number;
}

class WsTransport implements Transport {
  private readonly ws: WebSocket;
  constructor(ws: WebSocket) {
    this.ws = ws;
  }
  send(frame: Uint8Array): void {
    if (this.ws.readyState === 1) this.ws.send(frame, { binary: true });
  }
  get buffered(): number {
    return this.ws.bufferedAmount;
  }
  close(code: number, reason: string): void {
    this.ws.close(code, reason);
  }
}

export function attachSockets(app: App, opts: SocketOptions) {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: app.sessions.options.clientLimits.maxFrame,
    perMessageDeflate: false,
    clientTracking: true,
  });
  const alive = new WeakSet<WebSocket>();
  const timer = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
  }, opts.heartbeat);
  timer.unref();

  function refuse(socket: Duplex, status: number, message: string): void {
    const body = `${message}\n`;
    socket.end(`HTTP/1.1 ${status} ${status === 403 ? 'Forbidden' : 'Bad Request'}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  }

  function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== app.socketPath) {
      refuse(socket, 400, 'not a Vango socket path');
      return;
    }
    const target = app.authorize(url, req.headers.origin, req.headers.host);
    if (typeof target === 'object' && 'status' in target) {
      refuse(socket, target.status, target.message);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      alive.add(ws);
      ws.on('pong', () => alive.add(ws));
      const conn = app.connect(target, new WsTransport(ws));
      ws.on('message', (data, isBinary) => {
        alive.add(ws);
        if (!isBinary) {
          ws.close(1003, 'binary frames only');
          return;
        }
        const buf = Array.isArray(data) ? Buffer.concat(data) : data instanceof ArrayBuffer ? new Uint8Array(data) : data;
        conn.receive(buf);
      });
      ws.on('close', () => conn.closed());
      ws.on('error', () => conn.closed());
    });
  }

  return {
    upgrade,
    close(): void {
      clearInterval(timer);
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}
