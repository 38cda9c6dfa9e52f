import { spawn } from 'node:child_process';
import readline from 'node:readline';
import { signedCaller } from './bench-client.js';
const child = spawn(process.execPath, ['--import', 'tsx', 'bench/api-server.ts'], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, PROBE: '1' } });
const info = JSON.parse(await new Promise<string>((r) => readline.createInterface({ input: child.stdout! }).once('line', r)));
const call = signedCaller(`http://127.0.0.1:${info.appPort}`, info.creds);
for (let i = 0; i < 5; i++) { const t = performance.now(); await call('GET', '/api/v1/music/mysongs'); console.log('ms', performance.now() - t); }
await new Promise((r) => setTimeout(r, 1000));
child.kill('SIGTERM');
