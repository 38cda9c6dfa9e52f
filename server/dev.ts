/**
 * `npm run dev`: the server (restarted on change) and Vite's dev server with hot reload, which
 * proxies /api, /media and /v3 to it. Open http://127.0.0.1:5173/.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
const children: ChildProcess[] = [
  spawn(bin('tsx'), ['watch', '--clear-screen=false', 'server/main.ts'], {
    cwd: root,
    stdio: 'inherit',
    // The page is on Vite's origin: links the server makes (uploads, streams, mail) point there.
    env: { ...process.env, WEB_ROOT: '', PUBLIC_URL: process.env.PUBLIC_URL || 'http://127.0.0.1:5173' },
  }),
  spawn(bin('vite'), [], { cwd: root, stdio: 'inherit' }),
];
const stop = () => {
  for (const c of children) c.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const c of children) c.on('exit', (code) => code && code !== 0 && stop());
