/**
 * Largest contentful paint of the catalog page on localhost in headless Chromium: the real server
 * on a fresh data directory, 7 cold loads (a new browser context each), median and worst.
 * Budget (issue 4): ≤ 1.0 s.   npx vite build && npx tsx bench/lcp.ts
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/chromium.js';
import { waitForServer } from './wait-for-server.js';

const PORT = 8197;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tokenly-lcp-'));
const server = spawn('node_modules/.bin/tsx', ['server/main.ts'], {
  env: { ...process.env, PORT: String(PORT), DATA_DIR: dataDir, LOG_LEVEL: 'warn', SOUNDLINKS_WORKERS: '0' },
  stdio: 'ignore',
});
const base = `http://127.0.0.1:${PORT}`;
await waitForServer(base, 60_000);
// The first start renders the demo audio on every core; measure the steady state after it.
const audioDir = path.join(dataDir, 'media', 'audio');
for (let i = 0; i < 1200; i++) {
  const files = fs.existsSync(audioDir) ? fs.readdirSync(audioDir).filter((f) => f.endsWith('.mp3')) : [];
  if (files.length >= 61) break;
  await new Promise((r) => setTimeout(r, 100));
}
const browser = await chromium.launch(chromiumLaunchOptions);
const samples: number[] = [];
for (let i = 0; i < 7; i++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(base, { waitUntil: 'networkidle' });
  const lcp = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list) => {
          const entries = list.getEntries();
          resolve(entries[entries.length - 1]!.startTime);
        }).observe({ type: 'largest-contentful-paint', buffered: true });
      }),
  );
  samples.push(lcp);
  await context.close();
}
await browser.close();
server.kill('SIGTERM');
fs.rmSync(dataDir, { recursive: true, force: true });
samples.sort((a, b) => a - b);
console.log(
  `catalog LCP over ${samples.length} cold loads: median ${samples[3]!.toFixed(0)} ms, worst ${samples.at(-1)!.toFixed(0)} ms`,
);
