/**
 * WEB_CONCURRENCY=N (default 1): `npm start` runs N server processes on one port (node:cluster:
 * the primary hands connections round-robin to its workers and starts a worker again if one
 * dies). Only with DATABASE_URL: the embedded database belongs to one process. The first worker
 * seeds the demo data; all of them run the encoding queue, whose leases (SKIP LOCKED, see
 * soundlinks/jobs-repo.ts) give each job to one of them.
 */
import cluster from 'node:cluster';
import { ConfigError } from './config.js';

export function webConcurrency(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.WEB_CONCURRENCY?.trim() || '1';
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 1 || n > 64) {
    throw new ConfigError(`WEB_CONCURRENCY must be a whole number from 1 to 64, got "${raw}"`);
  }
  if (n > 1 && !env.DATABASE_URL) {
    throw new ConfigError(
      'WEB_CONCURRENCY above 1 needs DATABASE_URL: the embedded database can be opened by one process only',
    );
  }
  return n;
}

/** In the primary of a cluster: starts `n` workers and keeps them running until a signal. */
export function runPrimary(n: number, log: (msg: string) => void = console.error): void {
  let stopping = false;
  const fork = (seed: boolean) => {
    const w = cluster.fork(seed ? {} : { SEED_DEMO: '0' });
    w.on('exit', (code, signal) => {
      if (stopping) return;
      log(`server process ${w.process.pid} ended (${signal ?? code}): starting another`);
      setTimeout(() => fork(seed), 1000);
    });
  };
  for (let i = 0; i < n; i++) fork(i === 0 && process.env.SEED_DEMO !== '0');
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {});
    for (const w of workers) w?.process.kill(signal);
    const force = setTimeout(() => process.exit(1), 12_000);
    force.unref();
    cluster.on('exit', () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  log(`Tokenly Music: ${n} server processes (WEB_CONCURRENCY)`);
}

export const isClusterPrimary = () => cluster.isPrimary;
