import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/chromium';

const PORT = Number(process.env.E2E_PORT ?? 8181);
const dataDir = process.env.E2E_DATA_DIR ?? path.join(os.tmpdir(), `tokenly-e2e-${process.pid}`);
// A temporary data directory (66 MB with the demo audio) goes when the run ends, after the server
// has been stopped. Only the runner process removes it: workers load this file too.
if (!process.env.E2E_DATA_DIR && !process.env.TEST_WORKER_INDEX) {
  process.on('exit', () => fs.rmSync(dataDir, { recursive: true, force: true }));
}

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    launchOptions: {
      ...chromiumLaunchOptions,
      // the player's tests start audio without a click of their own
      args: [...chromiumLaunchOptions.args, '--autoplay-policy=no-user-gesture-required'],
    },
  },
  webServer: {
    // The real server on a fresh data directory with the demo catalog, as a new user gets it.
    command: `rm -rf "${dataDir}" && tsx server/main.ts`,
    url: `http://127.0.0.1:${PORT}/api/v1/genres`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      SEED_DEMO: '1',
      RATE_LIMIT_PER_MIN: '100000',
      AUTH_RATE_LIMIT_PER_MIN: '1000',
      LOG_LEVEL: 'warn',
    },
  },
});
