/** The "not found" beep: short and unmistakable over the noise of a shop. */

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

export function beep(kind: 'error' | 'ok' = 'error'): void {
  const Ctor = audioContextCtor();
  if (!Ctor) return;
  try {
    context ??= new Ctor();
    if (context.state === 'suspended') void context.resume().catch(() => undefined);
    const osc = context.createOscillator();
    const gain = context.createGain();
    osc.type = kind === 'error' ? 'square' : 'sine';
    osc.frequency.value = kind === 'error' ? 220 : 1320;
    gain.gain.value = 0.06;
    osc.connect(gain).connect(context.destination);
    const at = context.currentTime;
    osc.start(at);
    osc.stop(at + (kind === 'error' ? 0.25 : 0.06));
  } catch {
    // No sound device: the red flash is enough.
  }
}
