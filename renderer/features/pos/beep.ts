/**
 * The counter's beeps, short and unmistakable over the noise of a shop: "not found" (low, harsh),
 * a warning such as a product sold below cost (middle, softer), and "ok" (high, brief).
 */

type BeepKind = 'error' | 'warn' | 'ok';

const TONE: Readonly<Record<BeepKind, { type: OscillatorType; hz: number; seconds: number }>> = {
  error: { type: 'square', hz: 220, seconds: 0.25 },
  warn: { type: 'triangle', hz: 660, seconds: 0.18 },
  ok: { type: 'sine', hz: 1320, seconds: 0.06 },
};

type AudioContextCtor = new () => AudioContext;

let context: AudioContext | null = null;

function audioContextCtor(): AudioContextCtor | null {
  // Absent in Node (unit tests) and in some locked-down kiosks: then there is only the flash.
  const g = globalThis as {
    AudioContext?: AudioContextCtor;
    webkitAudioContext?: AudioContextCtor;
  };
  return g.AudioContext ?? g.webkitAudioContext ?? null;
}

export function beep(kind: BeepKind = 'error'): void {
  const Ctor = audioContextCtor();
  if (!Ctor) return;
  try {
    context ??= new Ctor();
    if (context.state === 'suspended') void context.resume().catch(() => undefined);
    const osc = context.createOscillator();
    const gain = context.createGain();
    const tone = TONE[kind];
    osc.type = tone.type;
    osc.frequency.value = tone.hz;
    gain.gain.value = 0.06;
    osc.connect(gain).connect(context.destination);
    const at = context.currentTime;
    osc.start(at);
    osc.stop(at + tone.seconds);
  } catch {
    // No sound device: the red flash is enough.
  }
}
