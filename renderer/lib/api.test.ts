import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Api, AppEvent } from '../../shared/contract/index.ts';
import {
  ApiError,
  call,
  createHttpApi,
  createIpcApi,
  setApi,
  setNotLoggedInHandler,
  type EventSourceLike,
  type FetchLike,
} from './api.ts';

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

afterEach(() => {
  setApi(null);
  setNotLoggedInHandler(null);
  vi.useRealTimers();
});

describe('HTTP transport', () => {
  it('posts the input as JSON to /api/invoke/<channel> with same-origin credentials', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const fetch: FetchLike = async (url, init) => {
      calls.push({ url, init });
      return jsonResponse({ ok: true, value: { items: [], total: 0 } });
    };
    const api = createHttpApi({ fetch });
    const result = await api.invoke('catalog.search', { text: 'yerba', limit: 5 });
    expect(result).toEqual({ ok: true, value: { items: [], total: 0 } });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe('/api/invoke/catalog.search');
    expect(calls[0]?.init.method).toBe('POST');
    expect(calls[0]?.init.credentials).toBe('same-origin');
    expect(calls[0]?.init.headers).toEqual({ 'Content-Type': 'application/json' });
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({ text: 'yerba', limit: 5 });
  });

  it('passes a server error through unchanged, Spanish message included', async () => {
    const error = { code: 'WRONG_PIN', message: 'PIN incorrecto' };
    const api = createHttpApi({ fetch: async () => jsonResponse({ ok: false, error }, 401) });
    expect(await api.invoke('auth.login', { userId: 'u1', pin: '0000' })).toEqual({
      ok: false,
      error,
    });
  });

  it('turns a network failure into UNAVAILABLE with a Spanish message', async () => {
    const api = createHttpApi({
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    const result = await api.invoke('system.status', {});
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('UNAVAILABLE');
      expect(result.error.message).toMatch(/^No hay conexión con Caja/);
    }
  });

  it('reports a body that is not a Result (e.g. a proxy error page) as INTERNAL', async () => {
    const api = createHttpApi({
      fetch: async () => new Response('<html>Bad gateway</html>', { status: 502 }),
    });
    const result = await api.invoke('system.status', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    if (!result.ok) expect(result.error.message).toContain('502');
  });

  it('gives up after the timeout and says Caja did not answer', async () => {
    vi.useFakeTimers();
    const fetch: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => {
        init.signal?.addEventListener('abort', () =>
          reject(new DOMException('aborted', 'AbortError')),
        );
      });
    const api = createHttpApi({ fetch, timeoutMs: () => 1000 });
    const pending = api.invoke('catalog.lookup', { code: '779' });
    await vi.advanceTimersByTimeAsync(1000);
    const result = await pending;
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    if (!result.ok) expect(result.error.message).toMatch(/no respondió a tiempo/);
  });

  it('shares one event stream among listeners and closes it with the last one', () => {
    const opened: (EventSourceLike & { url: string; closed: boolean })[] = [];
    const api = createHttpApi({
      fetch: async () => jsonResponse({ ok: true, value: null }),
      openEvents: (url) => {
        const source = {
          url,
          closed: false,
          onmessage: null,
          close() {
            this.closed = true;
          },
        };
        opened.push(source);
        return source;
      },
    });
    const a: AppEvent[] = [];
    const b: AppEvent[] = [];
    const offA = api.subscribe((e) => a.push(e));
    const offB = api.subscribe((e) => b.push(e));
    expect(opened).toHaveLength(1);
    expect(opened[0]?.url).toBe('/api/events');

    const event: AppEvent = { type: 'sync.status', payload: { state: 'ok', pending: 2 } };
    opened[0]?.onmessage?.({ data: JSON.stringify(event) } as MessageEvent);
    opened[0]?.onmessage?.({ data: 'not json' } as MessageEvent);
    expect(a).toEqual([event]);
    expect(b).toEqual([event]);

    offA();
    expect(opened[0]?.closed).toBe(false);
    offB();
    expect(opened[0]?.closed).toBe(true);
  });
});

describe('IPC transport', () => {
  it('returns the bridge Result and converts a thrown error into UNAVAILABLE', async () => {
    const bridge: Api = {
      invoke: (async (channel: string) => {
        if (channel === 'system.status') throw new Error('IPC cerrado');
        return { ok: true, value: [] };
      }) as Api['invoke'],
      subscribe: () => () => undefined,
    };
    const api = createIpcApi(bridge);
    expect(await api.invoke('auth.users', {})).toEqual({ ok: true, value: [] });
    expect(await api.invoke('system.status', {})).toEqual({
      ok: false,
      error: { code: 'UNAVAILABLE', message: 'IPC cerrado' },
    });
  });
});

describe('call()', () => {
  function fakeApi(result: unknown): Api {
    return {
      invoke: (async () => result) as Api['invoke'],
      subscribe: () => () => undefined,
    };
  }

  it('unwraps a successful Result', async () => {
    setApi(fakeApi({ ok: true, value: [{ id: 'l1', name: 'Salón', active: true }] }));
    expect(await call('stock.locations', {})).toEqual([{ id: 'l1', name: 'Salón', active: true }]);
  });

  it('throws an ApiError carrying the code and the Spanish message', async () => {
    setApi(
      fakeApi({ ok: false, error: { code: 'LOCKED', message: 'Usuario bloqueado por 5 minutos' } }),
    );
    const error = await call('auth.login', { userId: 'u', pin: '1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'LOCKED', message: 'Usuario bloqueado por 5 minutos' });
  });

  it('tells the session store when the server says the user is not logged in', async () => {
    const handler = vi.fn();
    setNotLoggedInHandler(handler);
    setApi(fakeApi({ ok: false, error: { code: 'NOT_LOGGED_IN', message: 'Iniciá sesión' } }));
    await expect(call('stock.locations', {})).rejects.toThrow('Iniciá sesión');
    expect(handler).toHaveBeenCalledOnce();
  });
});
