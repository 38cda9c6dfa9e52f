/**
 * Throughput of the album list, a search and signed requests (my songs, stream authorization), each
 * as a ratio to a bare Fastify route answering fixed JSON, measured side by side in one run.
 *   npx tsx bench/api-throughput.ts [--seconds 8] [--connections 16]
 * BENCH_DATABASE_URL=postgres://… runs the app on PostgreSQL instead of the embedded database;
 * BENCH_PROFILE=dir writes a CPU profile of the server process there (node --cpu-prof);
 * --only signed runs only the endpoints whose name contains that word (and the two bare runs).
 */
import { spawn } from 'node:child_process';
import readline from 'node:readline';
import autocannon from 'autocannon';
import { buildSignedString } from '@contract/signing.js';
import crypto from 'node:crypto';
import fs from 'node:fs';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const seconds = arg('--seconds', 8);
const connections = arg('--connections', 16);

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1]! : '';
const profile = process.env.BENCH_PROFILE;
const spawnedAt = Date.now();
const child = spawn(
  process.execPath,
  [...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []), '--import', 'tsx', 'bench/api-server.ts'],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: process.env,
  },
);
const first = await new Promise<string>((resolve) =>
  readline.createInterface({ input: child.stdout! }).once('line', resolve),
);
const info = JSON.parse(first) as {
  barePort: number;
  appPort: number;
  creds: { apiToken: string; apiSecretKey: string };
  paidSongId: string;
  backend: string;
};

function signed(method: string, path: string, body = '{}') {
  const url = `http://127.0.0.1:${info.appPort}${path}`;
  const nonce = Math.floor(Date.now() / 1000);
  const sig = crypto
    .createHmac('sha256', info.creds.apiSecretKey)
    .update(buildSignedString({ method, url, params: body, apiToken: info.creds.apiToken, nonce }))
    .digest('base64');
  return {
    'content-type': 'application/json',
    'x-tokenly-auth-api-token': info.creds.apiToken,
    'x-tokenly-auth-nonce': String(nonce),
    'x-tokenly-auth-signature': sig,
  };
}

/** CPU seconds (user + system) the server process has used so far (Linux /proc), or NaN elsewhere. */
function serverCpu(): number {
  try {
    const f = fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[11]) + Number(f[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return NaN;
  }
}

async function measure(
  name: string,
  port: number,
  path: string,
  method: 'GET' | 'POST' = 'GET',
  headers: Record<string, string> = {},
  body?: string,
) {
  const from = (Date.now() - spawnedAt) / 1000;
  const cpu0 = serverCpu();
  const own0 = process.cpuUsage();
  const r = await autocannon({
    url: `http://127.0.0.1:${port}${path}`,
    method,
    headers,
    ...(body ? { body } : {}),
    connections,
    duration: seconds,
  });
  const own = process.cpuUsage(own0);
  const cpu = { server: serverCpu() - cpu0, client: (own.user + own.system) / 1e6 };
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${name}: ${r.non2xx} non-2xx answers, ${r.errors} errors`);
  // With a profile, where each run lies in it (seconds since the server process started, ±0.1 s).
  if (profile)
    console.log(`profile window: ${name} ${from.toFixed(1)}–${((Date.now() - spawnedAt) / 1000).toFixed(1)} s`);
  const perReq = (sec: number) => Math.round((sec * 1e6) / r.requests.total);
  return {
    name,
    rps: r.requests.average,
    p99: r.latency.p99,
    serverUs: perReq(cpu.server),
    clientUs: perReq(cpu.client),
  };
}

// The paid song is authorized once: the benchmark then measures the repeat (grant reuse) path,
// which is what a player does on seek, resume and replay.
await fetch(`http://127.0.0.1:${info.appPort}/api/v1/stream/${info.paidSongId}`, {
  method: 'POST',
  headers: signed('POST', `/api/v1/stream/${info.paidSongId}`),
});

const tca = JSON.stringify({ tokens: { LITTLECOLOR: 1, CHIPSFANS: 1 } });
const endpoints: [string, string, 'GET' | 'POST', Record<string, string>, string?][] = [
  ['album list', '/api/v1/music/catalog/albums', 'GET', {}],
  ['search (genre OR tag)', '/api/v1/library?genre=Jazz&tag=calm', 'GET', {}],
  ['signed: my songs', '/api/v1/music/mysongs', 'GET', signed('GET', '/api/v1/music/mysongs')],
  ['signed: balance', '/api/v1/credits/balance', 'GET', signed('GET', '/api/v1/credits/balance')],
  ['signed: TCA check', '/api/v1/tca/status', 'POST', signed('POST', '/api/v1/tca/status', tca), tca],
  [
    'signed: authorize stream (repeat, grant reused)',
    `/api/v1/stream/${info.paidSongId}`,
    'POST',
    signed('POST', `/api/v1/stream/${info.paidSongId}`),
  ],
];
const results = [];
results.push(await measure('bare route (baseline)', info.barePort, '/fixed'));
for (const [name, p, method, headers, body] of endpoints) {
  if (name.includes(only)) results.push(await measure(name, info.appPort, p, method, headers, body));
}
results.push(await measure('bare route (again)', info.barePort, '/fixed'));
child.kill('SIGTERM');

const base = (results[0]!.rps + results.at(-1)!.rps) / 2;
console.log(
  `backend: ${info.backend}; ${connections} connections, ${seconds} s each; baseline = mean of the two bare runs`,
);
// CPU per request: the server process's (from /proc) and the load generator's own (this process,
// signing nothing per request: each endpoint's headers are signed once). Both share the machine's cores.
console.log(
  '| endpoint | req/s | ratio to bare | p99 ms | server CPU µs/req | client CPU µs/req |\n| --- | ---: | ---: | ---: | ---: | ---: |',
);
for (const r of results) {
  console.log(
    `| ${r.name} | ${Math.round(r.rps)} | ${(r.rps / base).toFixed(2)} | ${r.p99} | ${r.serverUs} | ${r.clientUs} |`,
  );
}
