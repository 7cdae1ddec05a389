import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestStore, tempDataDir, type TestStore } from '../core/testing/harness.ts';
import { APP_CSP } from '../../shared/csp.ts';
import { startHost, type Host } from './server.ts';

let store: TestStore | null = null;
let host: Host | null = null;
afterEach(async () => {
  await host?.close();
  store?.close();
  host = null;
});

async function boot(): Promise<Host> {
  store = openTestStore();
  const staticDir = tempDataDir('caja-static-');
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Caja</title>');
  host = await startHost({ core: store.core, staticDir, port: 0 });
  return host;
}

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string };

function request(
  h: Host,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: h.port,
        method: opts.method ?? 'GET',
        path: opts.path,
        headers: opts.headers,
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

const invoke = (h: Host, channel: string, input: unknown, headers: Record<string, string> = {}) =>
  request(h, {
    method: 'POST',
    path: `/api/invoke/${channel}`,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(input),
  });

describe('web host', () => {
  it('binds 127.0.0.1 and serves the app with a strict CSP and an HttpOnly SameSite=Strict cookie', async () => {
    const h = await boot();
    expect(h.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const r = await request(h, { path: '/' });
    expect(r.status).toBe(200);
    expect(r.headers['content-security-policy']).toContain("default-src 'self'");
    const cookie = String(r.headers['set-cookie']);
    expect(cookie).toMatch(/caja_sid=[\w-]+/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
  });

  it('the page meta carries the same policy as the header (but frame-ancestors, header-only)', () => {
    const html = fs.readFileSync(
      path.join(import.meta.dirname, '../../renderer/index.html'),
      'utf8',
    );
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    const header = APP_CSP.split('; ').filter((d) => !d.startsWith('frame-ancestors'));
    expect(meta?.split('; ').sort()).toEqual(header.sort());
  });

  it('runs the contract over POST and keeps the login in the cookie session', async () => {
    const h = await boot();
    const setup = await invoke(h, 'auth.setupOwner', {
      storeName: 'Kiosco',
      ownerName: 'Marta',
      pin: '1234',
    });
    const cookie = String(setup.headers['set-cookie']).split(';')[0] ?? '';
    expect(JSON.parse(setup.body)).toMatchObject({ ok: true, value: { user: { name: 'Marta' } } });
    const who = await invoke(h, 'auth.session', {}, { cookie });
    expect(JSON.parse(who.body)).toMatchObject({ ok: true, value: { user: { name: 'Marta' } } });
    const anonymous = await invoke(h, 'catalog.search', {});
    expect(JSON.parse(anonymous.body)).toMatchObject({
      ok: false,
      error: { code: 'NOT_LOGGED_IN' },
    });
  });

  it('rejects cross-origin requests and foreign Host headers', async () => {
    const h = await boot();
    const evil = await invoke(h, 'system.status', {}, { origin: 'http://evil.example' });
    expect(evil.status).toBe(403);
    const crossSite = await invoke(h, 'system.status', {}, { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    const rebinding = await request(h, { path: '/', headers: { host: 'attacker.example' } });
    expect(rebinding.status).toBe(421);
    const same = await invoke(
      h,
      'system.status',
      {},
      { origin: h.url, 'sec-fetch-site': 'same-origin' },
    );
    expect(same.status).toBe(200);
  });

  it('refuses non-JSON bodies and answers unknown channels with an error, not a crash', async () => {
    const h = await boot();
    const form = await request(h, {
      method: 'POST',
      path: '/api/invoke/system.status',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=1',
    });
    expect(form.status).toBe(415);
    const broken = await request(h, {
      method: 'POST',
      path: '/api/invoke/system.status',
      headers: { 'content-type': 'application/json' },
      body: '{nope',
    });
    expect(JSON.parse(broken.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const unknown = await invoke(h, 'no.existe', {});
    expect(JSON.parse(unknown.body)).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });
    const traversal = await request(h, { path: '/../../etc/passwd' });
    expect([403, 404, 200]).toContain(traversal.status);
    expect(traversal.body).not.toContain('root:');
  });

  it('streams core events as Server-Sent Events', async () => {
    const h = await boot();
    const received = await new Promise<string>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port: h.port, path: '/api/events' }, (res) => {
        expect(res.headers['content-type']).toContain('text/event-stream');
        let buf = '';
        res.on('data', (c: Buffer) => {
          buf += c.toString();
          const m = buf.match(/data: (.+)\n\n/);
          if (m?.[1]) {
            req.destroy();
            resolve(m[1]);
          }
        });
        setTimeout(() => {
          void invoke(h, 'auth.setupOwner', { storeName: 'K', ownerName: 'Marta', pin: '1234' });
        }, 50);
      });
      req.on('error', reject);
    });
    expect(JSON.parse(received)).toMatchObject({ type: 'session.changed' });
  });
});
