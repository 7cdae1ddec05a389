import { useSyncExternalStore } from 'react';

export const AREAS = [
  'caja',
  'stock',
  'facturas',
  'precios',
  'control',
  'analisis',
  'ajustes',
] as const;
export type Area = (typeof AREAS)[number];

export type Route = { area: Area; path: string[] };

export const HOME: Route = { area: 'caja', path: [] };

function isArea(s: string | undefined): s is Area {
  return (AREAS as readonly string[]).includes(s ?? '');
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** `#/stock/producto/abc` → `{ area: 'stock', path: ['producto', 'abc'] }`; anything else → Caja. */
export function parseRoute(hash: string): Route {
  const segments = hash
    .replace(/^#?\/?/, '')
    .split(/[?]/)[0]!
    .split('/')
    .filter((s) => s !== '')
    .map(decode);
  const [area, ...path] = segments;
  return isArea(area) ? { area, path } : HOME;
}

export function routeHash(area: Area, ...path: string[]): string {
  return `#/${[area, ...path].map(encodeURIComponent).join('/')}`;
}

export function navigate(hash: string, options: { replace?: boolean } = {}): void {
  if (options.replace) {
    history.replaceState(null, '', hash);
    // replaceState does not fire hashchange; tell subscribers ourselves.
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else if (location.hash !== hash) {
    location.hash = hash;
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useHash(): string {
  return useSyncExternalStore(subscribe, () => location.hash);
}

export function useRoute(): Route {
  return parseRoute(useHash());
}

/** Alt+1…Alt+7 → the area at that position in the sidebar. */
export function areaForShortcut(e: {
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  code: string;
  key: string;
}): Area | null {
  if (!e.altKey || e.ctrlKey || e.metaKey) return null;
  // `code` is layout-independent (Alt+digit types symbols on some keyboards).
  const match = /^(?:Digit|Numpad)([1-9])$/.exec(e.code) ?? /^([1-9])$/.exec(e.key);
  if (!match) return null;
  return AREAS[Number(match[1]) - 1] ?? null;
}
