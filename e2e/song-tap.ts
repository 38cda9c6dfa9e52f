import type { Page } from '@playwright/test';

/**
 * Listens to each song's own output (its gain node, before the mix): a ScriptProcessor per song
 * notes, on the audio context's clock, the first and the last sample it made sound. A song that is
 * not playing outputs exact zeros, so these are where its audio started and stopped, whatever the
 * music is. New songs are tapped as the player loads them.
 */
export async function startSongTaps(page: Page): Promise<void> {
  await page.evaluate(() => {
    const hooks = window.tokenlyPlayer;
    const out = hooks?.output();
    if (!hooks || !out) throw new Error('no audio output yet');
    const { context } = out;
    const spans: { first: number | null; last: number | null }[] = [];
    const tapped = new Map<AudioNode, number>();
    const tap = (node: AudioNode | null) => {
      if (!node || tapped.has(node)) return;
      const span = { first: null as number | null, last: null as number | null };
      tapped.set(node, spans.push(span) - 1);
      const p = context.createScriptProcessor(2048, 2, 2);
      p.onaudioprocess = (e) => {
        const l = e.inputBuffer.getChannelData(0);
        const r = e.inputBuffer.getChannelData(1);
        const t0 = e.playbackTime - l.length / context.sampleRate;
        for (let i = 0; i < l.length; i++) {
          if (Math.abs(l[i]!) < 1e-7 && Math.abs(r[i]!) < 1e-7) continue;
          const t = t0 + i / context.sampleRate;
          span.first ??= t;
          span.last = t;
        }
      };
      node.connect(p);
      p.connect(context.destination); // a processor runs only when connected; its output is silence
    };
    const poll = setInterval(() => {
      const s = hooks.songOutputs();
      tap(s.current);
      tap(s.next);
    }, 20);
    (window as unknown as Record<string, unknown>).__songTaps = { spans, poll };
  });
}

/** Per song tapped, in the order they were loaded: when its sound started and stopped (context seconds). */
export function songSpans(page: Page): Promise<{ first: number | null; last: number | null }[]> {
  return page.evaluate(
    () =>
      (
        (window as unknown as Record<string, unknown>).__songTaps as {
          spans: { first: number | null; last: number | null }[];
        }
      ).spans,
  );
}
