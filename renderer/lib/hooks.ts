import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  AppEvent,
  ChannelName,
  EventMap,
  EventName,
  InputOf,
  OutputOf,
} from '../../shared/contract/index.ts';
import { call, errorMessage, getApi } from './api.ts';
import type { FormMessage } from './fields.tsx';

export type Query<T> = {
  data: T | undefined;
  error: string | null;
  loading: boolean;
  reload(): void;
};

type Settled<T> = { key: string; data: T | undefined; error: string | null };

/**
 * Loads one channel's output and reloads when the input changes. Loading is derived from
 * "the settled key is not the current one", so no state is set synchronously inside the effect.
 */
export function useQuery<C extends ChannelName>(
  channel: C,
  input: InputOf<C>,
  options: { enabled?: boolean } = {},
): Query<OutputOf<C>> {
  const enabled = options.enabled ?? true;
  const [version, setVersion] = useState(0);
  const inputKey = JSON.stringify(input);
  const key = `${channel}|${inputKey}|${version}`;
  const [settled, setSettled] = useState<Settled<OutputOf<C>>>({
    key: '',
    data: undefined,
    error: null,
  });

  useEffect(() => {
    if (!enabled) return undefined;
    let live = true;
    call(channel, JSON.parse(inputKey) as InputOf<C>).then(
      (data) => live && setSettled({ key, data, error: null }),
      (e: unknown) => live && setSettled((s) => ({ key, data: s.data, error: errorMessage(e) })),
    );
    return () => {
      live = false;
    };
  }, [channel, inputKey, key, enabled]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return {
    data: settled.data,
    error: settled.error,
    loading: enabled && settled.key !== key,
    reload,
  };
}

/** Calls `handler` for each event of `type`; the latest handler is used without resubscribing. */
export function useAppEvent<N extends EventName>(
  type: N,
  handler: (payload: EventMap[N]) => void,
): void {
  const ref = useRef(handler);
  useEffect(() => {
    ref.current = handler;
  });
  useEffect(
    () =>
      getApi().subscribe((event: AppEvent) => {
        if (event.type === type) ref.current(event.payload as EventMap[N]);
      }),
    [type],
  );
}

/** Runs an async action, tracking "busy" and its Spanish error message. */
export function useAction(): {
  busy: boolean;
  error: string | null;
  run: <T>(action: () => Promise<T>) => Promise<T | undefined>;
  clearError(): void;
} {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async <T>(action: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await action();
    } catch (e) {
      setError(errorMessage(e));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  const clearError = useCallback(() => setError(null), []);
  return { busy, error, run, clearError };
}

/**
 * Message and busy state of a small form. `run` marks the form busy while the action runs
 * and turns a throw into the error message; the action calls `succeed` itself, so it can
 * reset its fields and notify the parent after the message, or return early silently
 * (a refused approval).
 */
export function useFormSubmit() {
  const [message, setMessage] = useState<FormMessage>(null);
  const [busy, setBusy] = useState(false);
  const fail = (text: string) => setMessage({ ok: false, text });
  const succeed = (text: string) => setMessage({ ok: true, text });
  const clear = () => setMessage(null);
  async function run(action: () => Promise<void>) {
    setBusy(true);
    try {
      await action();
    } catch (err) {
      fail(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  return { message, busy, run, fail, succeed, clear };
}
