import type { Api } from '../shared/contract/index.ts';

declare global {
  // An interface, not a type: Window is extended by declaration merging.
  interface Window {
    /** Exposed by the Electron preload (contextBridge); absent in the browser. */
    api?: Api;
    /** Set by the benchmark: time each scan until its line is painted. */
    __cajaMeasureScans?: boolean;
    /** Milliseconds from the last scan's Enter to its line on screen (read by the benchmark). */
    __cajaLastScanMs?: number;
  }
}

export {};
