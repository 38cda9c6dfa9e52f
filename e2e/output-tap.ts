import type { Page } from '@playwright/test';

/**
 * Listens to what the page plays: a ScriptProcessor on the player's output node (Howler's master
 * gain, which every song from memory goes through) keeps the samples with their context times, and
 * a poll notes each track change (the context time where the song that played ended). Shared by the
 * gapless journey and bench/gapless.ts.
 */
export async function startOutputTap(page: Page): Promise<void> {
  await page.evaluate(() => {
    const out = window.tokenlyPlayer?.output();
    if (!out) throw new Error('no audio output yet');
    const { context, node } = out;
    const tap = context.createScriptProcessor(4096, 2, 2);
    const blocks: { t: number; data: Float32Array }[] = [];
    const changes: { at: number; from: string; to: string }[] = [];
    tap.onaudioprocess = (e) => {
      const l = e.inputBuffer.getChannelData(0);
      const r = e.inputBuffer.getChannelData(1);
      const mono = new Float32Array(l.length);
      for (let i = 0; i < l.length; i++) mono[i] = Math.max(Math.abs(l[i]!), Math.abs(r[i]!));
      // the input block is the audio one buffer before the output's playback time
      blocks.push({ t: e.playbackTime - l.length / context.sampleRate, data: mono });
      if (blocks.length > 2000) blocks.shift();
    };
    node.connect(tap);
    tap.connect(context.destination);
    let last = { src: '', end: 0 };
    const poll = setInterval(() => {
      const a = window.tokenlyPlayer?.audio();
      if (!a) return;
      if (last.src && a.src !== last.src) changes.push({ at: last.end, from: last.src, to: a.src });
      last = { src: a.src, end: context.currentTime + (a.duration - a.currentTime) };
    }, 20);
    (window as unknown as Record<string, unknown>).__tap = { tap, blocks, changes, poll, rate: context.sampleRate };
  });
}

export interface TrackChange {
  /** the longest run of silence (below −60 dBFS) near the change, ms */
  gapMs: number;
  /** the level just before and just after the change (RMS of 100 ms), to know it was not silent anyway */
  levelBefore: number;
  levelAfter: number;
}

/** The track changes heard since the tap started, measured from the captured output. */
export function trackChanges(page: Page, windowSec = 0.5): Promise<TrackChange[]> {
  return page.evaluate((win) => {
    const tap = (window as unknown as Record<string, unknown>).__tap as {
      blocks: { t: number; data: Float32Array }[];
      changes: { at: number }[];
      rate: number;
    };
    const rate = tap.rate;
    return tap.changes.map(({ at }) => {
      const samples: number[] = [];
      const from = at - win;
      for (const b of tap.blocks) {
        if (b.t + b.data.length / rate < from || b.t > at + win) continue;
        for (let i = 0; i < b.data.length; i++) {
          const t = b.t + i / rate;
          if (t >= from && t <= at + win) samples.push(b.data[i]!);
        }
      }
      let run = 0;
      let longest = 0;
      for (const s of samples) {
        run = s < 1e-3 ? run + 1 : 0;
        longest = Math.max(longest, run);
      }
      const mid = Math.floor(samples.length / 2);
      const n = Math.round(rate * 0.1);
      const rms = (xs: number[]) => Math.sqrt(xs.reduce((a, x) => a + x * x, 0) / Math.max(1, xs.length));
      return {
        gapMs: (longest / rate) * 1000,
        levelBefore: rms(samples.slice(Math.max(0, mid - n - n), mid - n)),
        levelAfter: rms(samples.slice(mid + n, mid + n + n)),
      };
    });
  }, windowSec);
}
