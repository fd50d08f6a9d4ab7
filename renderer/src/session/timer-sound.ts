/** The optional end-of-time tone, made with WebAudio. docs/ARCHITECTURE.md, "Layers and arrows". */

let context: AudioContext | null = null;

/** The page's audio context, made on first use (after the facilitator has clicked something). */
function audio(): AudioContext | null {
  if (typeof AudioContext === 'undefined') return null;
  context ??= new AudioContext();
  return context;
}

/** Plays the tone; does nothing where the platform has no audio. Never throws. */
export function playTimerTone(): void {
  try {
    const ctx = audio();
    if (!ctx) return;
    if (ctx.state === 'suspended') void ctx.resume();
    const start = ctx.currentTime + 0.05;
    const notes = [
      { frequency: 660, at: 0 },
      { frequency: 880, at: 0.45 },
    ];
    for (const note of notes) {
      const oscillator = ctx.createOscillator();
      const gain = ctx.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = note.frequency;
      // A gentle swell and fade, no click at either end.
      gain.gain.setValueAtTime(0.0001, start + note.at);
      gain.gain.exponentialRampToValueAtTime(0.18, start + note.at + 0.04);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + note.at + 0.7);
      oscillator.connect(gain).connect(ctx.destination);
      oscillator.start(start + note.at);
      oscillator.stop(start + note.at + 0.75);
    }
  } catch {
    // Sound is a courtesy: the visual signal carries the message.
  }
}

/**
 * Lets the audio context start now, while the facilitator's click is a user gesture: browsers may
 * keep a context made later, without one, silent.
 */
export function primeTimerTone(): void {
  try {
    const ctx = audio();
    if (ctx?.state === 'suspended') void ctx.resume();
  } catch {
    // as above
  }
}
