import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { AppEvent } from '../../shared/contract/index.ts';
import { APP_CSP } from '../../shared/csp.ts';
import type { Core } from '../core/app.ts';
import { createLogger } from '../core/logger.ts';

export type HostOptions = {
  core: Core;
  /** Folder with the built renderer (index.html + assets). */
  staticDir: string;
  port?: number;
  /** Listen on every interface (LAN back office). Off by default: 127.0.0.1 only. */
  lan?: boolean;
};

export type Host = { url: string; port: number; close(): Promise<void> };

const COOKIE = 'caja_sid';
const MAX_BODY = 210 * 1024 * 1024;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

function securityHeaders(res: http.ServerResponse): void {
  res.setHeader('Content-Security-Policy', APP_CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const data = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(data),
    'Cache-Control': 'no-store',
  });
  res.end(data);
}

function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return out;
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(Object.assign(new Error('too large'), { status: 413 }));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * The same contract as the Electron IPC, over HTTP: POST /api/invoke/<channel> with a
 * JSON body, GET /api/events as Server-Sent Events. A session cookie (HttpOnly,
 * SameSite=Strict) ties a browser tab to a core session. Requests from another
 * origin, or with a Host header that is not ours (DNS rebinding), are refused.
 */
export function startHost(opts: HostOptions): Promise<Host> {
  const log = createLogger('host');
  const { core } = opts;
  const bindHost = opts.lan ? '0.0.0.0' : '127.0.0.1';
  let port = opts.port ?? 0;
  const sseClients = new Set<http.ServerResponse>();

  const allowedHost = (host: string | undefined): boolean => {
    if (opts.lan) return true;
    return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
  };

  /** Same-origin only: an Origin header, when sent, must be this host. */
  const sameOrigin = (req: http.IncomingMessage): boolean => {
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
    const origin = req.headers.origin;
    if (origin === undefined) return true;
    return origin === `http://${req.headers.host ?? ''}`;
  };

  const sessionFor = (req: http.IncomingMessage, res: http.ServerResponse): string => {
    const existing = parseCookies(req.headers.cookie)[COOKIE];
    if (existing && core.hasSession(existing)) return existing;
    const id = core.createSession();
    res.setHeader('Set-Cookie', `${COOKIE}=${id}; HttpOnly; SameSite=Strict; Path=/`);
    return id;
  };

  const serveStatic = (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    pathname: string,
  ): void => {
    const root = path.resolve(opts.staticDir);
    let rel = decodeURIComponent(pathname);
    if (rel === '/' || rel === '') rel = '/index.html';
    const file = path.resolve(root, '.' + rel);
    if (!file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    let target = file;
    if (!fs.existsSync(target) || !fs.statSync(target).isFile()) {
      // Client-side routes use the hash, so anything else unknown is a 404, except the root.
      if (path.extname(rel) !== '') {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('No encontrado');
        return;
      }
      target = path.join(root, 'index.html');
    }
    if (!fs.existsSync(target)) {
      res
        .writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' })
        .end('Falta compilar la interfaz: ejecutá `npm run build`.');
      return;
    }
    if (target.endsWith('index.html')) sessionFor(req, res);
    const ext = path.extname(target);
    res.writeHead(200, {
      'Content-Type': MIME[ext] ?? 'application/octet-stream',
      'Cache-Control': rel.startsWith('/assets/')
        ? 'public, max-age=31536000, immutable'
        : 'no-cache',
    });
    fs.createReadStream(target).pipe(res);
  };

  const handleInvoke = async (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    channel: string,
  ) => {
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      sendJson(res, 415, {
        ok: false,
        error: { code: 'INVALID_INPUT', message: 'Se esperaba JSON' },
      });
      return;
    }
    let input: unknown;
    try {
      const body = await readBody(req);
      input = body.length === 0 ? {} : (JSON.parse(body.toString('utf8')) as unknown);
    } catch (err) {
      const status = (err as { status?: number }).status ?? 400;
      const message =
        status === 413 ? 'El pedido es demasiado grande' : 'El pedido no es JSON válido';
      sendJson(res, status, { ok: false, error: { code: 'INVALID_INPUT', message } });
      return;
    }
    const sessionId = sessionFor(req, res);
    const result = await core.invoke(channel, input, { kind: 'session', sessionId });
    sendJson(res, 200, result);
  };

  const handleEvents = (req: http.IncomingMessage, res: http.ServerResponse) => {
    sessionFor(req, res);
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write('retry: 2000\n\n');
    sseClients.add(res);
    req.on('close', () => sseClients.delete(res));
  };

  const unsubscribe = core.subscribe((event: AppEvent) => {
    const line = `data: ${JSON.stringify(event)}\n\n`;
    for (const c of sseClients) c.write(line);
  });
  const heartbeat = setInterval(() => {
    for (const c of sseClients) c.write(': ping\n\n');
  }, 25_000);
  heartbeat.unref();

  const server = http.createServer((req, res) => {
    securityHeaders(res);
    const url = new URL(req.url ?? '/', 'http://local');
    if (!allowedHost(req.headers.host)) {
      res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Host no permitido');
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      if (!sameOrigin(req)) {
        sendJson(res, 403, {
          ok: false,
          error: { code: 'FORBIDDEN', message: 'Origen no permitido' },
        });
        return;
      }
      if (req.method === 'POST' && url.pathname.startsWith('/api/invoke/')) {
        handleInvoke(req, res, url.pathname.slice('/api/invoke/'.length)).catch((err: unknown) => {
          log.error('invoke failed', { error: String(err) });
          if (!res.headersSent)
            sendJson(res, 500, {
              ok: false,
              error: { code: 'INTERNAL', message: 'Error interno' },
            });
        });
        return;
      }
      if (req.method === 'GET' && url.pathname === '/api/events') {
        handleEvents(req, res);
        return;
      }
      sendJson(res, 404, {
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL', message: 'Ruta desconocida' },
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    serveStatic(req, res, url.pathname);
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, bindHost, () => {
      port = (server.address() as AddressInfo).port;
      const url = `http://127.0.0.1:${port}`;
      log.info('listening', { url, lan: Boolean(opts.lan) });
      resolve({
        url,
        port,
        close: () =>
          new Promise<void>((done) => {
            unsubscribe();
            clearInterval(heartbeat);
            for (const c of sseClients) c.end();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
