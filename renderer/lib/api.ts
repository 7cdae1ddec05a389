import type {
  Api,
  AppErrorShape,
  AppEvent,
  ChannelName,
  InputOf,
  OutputOf,
  Result,
} from '../../shared/contract/index.ts';

/** Thrown by `call()` so components can use try/catch; carries the server's Spanish message. */
export class ApiError extends Error {
  code: string;
  details: unknown;

  constructor(error: AppErrorShape) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
    this.details = error.details;
  }
}

export const UNAVAILABLE_MESSAGE =
  'No hay conexión con Caja. Revisá que la aplicación esté abierta y volvé a intentar.';
const TIMEOUT_MESSAGE = 'Caja no respondió a tiempo. Volvé a intentar en unos segundos.';

// A scan at the counter must fail fast when the host hangs; imports, exports and integrity
// checks legitimately take minutes on 100 000 products.
const DEFAULT_TIMEOUT_MS = 30_000;
const SLOW_TIMEOUT_MS = 15 * 60_000;
const SLOW_CHANNELS: ReadonlySet<ChannelName> = new Set<ChannelName>([
  'catalog.importPreview',
  'invoices.extract',
  'catalog.importCommit',
  'catalog.export',
  'stock.check',
  'stock.countClose',
  'audit.verify',
]);

export function timeoutFor(channel: ChannelName): number {
  return SLOW_CHANNELS.has(channel) ? SLOW_TIMEOUT_MS : DEFAULT_TIMEOUT_MS;
}

function failure(code: string, message: string): { ok: false; error: AppErrorShape } {
  return { ok: false, error: { code, message } };
}

function isResult(body: unknown): body is Result<unknown> {
  if (typeof body !== 'object' || body === null) return false;
  const r = body as { ok?: unknown; error?: { message?: unknown } };
  if (r.ok === true) return 'value' in r;
  return r.ok === false && typeof r.error?.message === 'string';
}

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;
export type EventSourceLike = {
  onmessage: ((e: MessageEvent) => void) | null;
  close(): void;
};

export type HttpApiOptions = {
  fetch?: FetchLike;
  /** Opens the event stream; injectable so tests need no browser. */
  openEvents?: (url: string) => EventSourceLike;
  baseUrl?: string;
  timeoutMs?: (channel: ChannelName) => number;
};

export function parseEventData(data: unknown): AppEvent | null {
  if (typeof data !== 'string') return null;
  try {
    const parsed: unknown = JSON.parse(data);
    if (typeof parsed === 'object' && parsed !== null && 'type' in parsed && 'payload' in parsed) {
      return parsed as AppEvent;
    }
  } catch {
    // A malformed frame must not take the stream down; ignore it.
  }
  return null;
}

/** Browser transport: JSON over `POST /api/invoke/<channel>` and Server-Sent Events. */
export function createHttpApi(options: HttpApiOptions = {}): Api {
  const doFetch: FetchLike = options.fetch ?? ((url, init) => fetch(url, init));
  const baseUrl = options.baseUrl ?? '';
  const timeoutMs = options.timeoutMs ?? timeoutFor;
  const openEvents = options.openEvents ?? ((url: string) => new EventSource(url));
  const listeners = new Set<(event: AppEvent) => void>();
  let source: EventSourceLike | null = null;

  async function invoke<C extends ChannelName>(
    channel: C,
    input: InputOf<C>,
  ): Promise<Result<OutputOf<C>>> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs(channel));
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}/api/invoke/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify(input ?? {}),
        signal: controller.signal,
      });
    } catch {
      clearTimeout(timer);
      return failure('UNAVAILABLE', timedOut ? TIMEOUT_MESSAGE : UNAVAILABLE_MESSAGE);
    }
    try {
      const body: unknown = await response.json();
      if (isResult(body)) return body as Result<OutputOf<C>>;
      return failure('INTERNAL', `Respuesta inesperada de Caja (HTTP ${response.status}).`);
    } catch {
      if (timedOut) return failure('UNAVAILABLE', TIMEOUT_MESSAGE);
      return failure('INTERNAL', `Respuesta inesperada de Caja (HTTP ${response.status}).`);
    } finally {
      clearTimeout(timer);
    }
  }

  // One EventSource for the whole app, opened with the first listener and closed with the last,
  // so screens can subscribe freely without multiplying connections.
  function subscribe(listener: (event: AppEvent) => void): () => void {
    listeners.add(listener);
    if (source === null) {
      source = openEvents(`${baseUrl}/api/events`);
      source.onmessage = (e) => {
        const event = parseEventData(e.data);
        if (event) for (const l of [...listeners]) l(event);
      };
    }
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && source !== null) {
        source.close();
        source = null;
      }
    };
  }

  return { invoke, subscribe };
}

/** Electron transport: the preload bridge already speaks `Result`; only guard against throws. */
export function createIpcApi(bridge: Api): Api {
  async function invoke<C extends ChannelName>(
    channel: C,
    input: InputOf<C>,
  ): Promise<Result<OutputOf<C>>> {
    try {
      return await bridge.invoke(channel, input);
    } catch (e) {
      return failure(
        'UNAVAILABLE',
        e instanceof Error && e.message ? e.message : UNAVAILABLE_MESSAGE,
      );
    }
  }
  return { invoke, subscribe: (listener) => bridge.subscribe(listener) };
}

let current: Api | null = null;

export function getApi(): Api {
  if (current === null) {
    current =
      typeof window !== 'undefined' && window.api ? createIpcApi(window.api) : createHttpApi();
  }
  return current;
}

/** For tests and the e2e harness. */
export function setApi(api: Api | null): void {
  current = api;
}

let onNotLoggedIn: (() => void) | null = null;

/** The session store registers here so an expired session anywhere sends the user to login. */
export function setNotLoggedInHandler(handler: (() => void) | null): void {
  onNotLoggedIn = handler;
}

export async function call<C extends ChannelName>(
  channel: C,
  input: InputOf<C>,
): Promise<OutputOf<C>> {
  const result = await getApi().invoke(channel, input);
  if (result.ok) return result.value;
  if (result.error.code === 'NOT_LOGGED_IN') onNotLoggedIn?.();
  throw new ApiError(result.error);
}

/** The message to show for anything caught around `call()`. */
export function errorMessage(e: unknown): string {
  if (e instanceof Error && e.message) return e.message;
  return 'Ocurrió un error inesperado.';
}
