/**
 * Initial JavaScript of the home route (and of the all-albums route, `--route catalog`): the entry chunk, the catalog page's chunk and every chunk
 * they import statically, gzipped as a server would send them. Budget (issue 4): ≤ 150 KB.
 *   npx vite build && npx tsx bench/bundle-size.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { closure, dist, manifest } from './manifest.js';

const routeArg = process.argv.indexOf('--route');
const route = `src/app/routes/${routeArg === -1 ? 'home' : process.argv[routeArg + 1]}.tsx`;
const keys = closure(['index.html', route]);
let js = 0;
let raw = 0;
const rows: [string, number][] = [];
for (const key of keys) {
  const bytes = fs.readFileSync(path.join(dist, manifest[key]!.file));
  const gz = zlib.gzipSync(bytes, { level: 9 }).length;
  js += gz;
  raw += bytes.length;
  rows.push([manifest[key]!.file, gz]);
}
const css = new Set([...keys].flatMap((k) => manifest[k]!.css ?? []));
const cssGz = [...css].reduce((n, f) => n + zlib.gzipSync(fs.readFileSync(path.join(dist, f)), { level: 9 }).length, 0);
console.log('| chunk | gzip KB |\n| --- | ---: |');
for (const [file, gz] of rows.sort((a, b) => b[1] - a[1])) console.log(`| ${file} | ${(gz / 1024).toFixed(1)} |`);
console.log(`| **initial JS of ${route}** | **${(js / 1024).toFixed(1)}** (raw ${(raw / 1024).toFixed(0)} KB) |`);
console.log(`| CSS | ${(cssGz / 1024).toFixed(1)} |`);
