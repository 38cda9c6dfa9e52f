/**
 * `npm run bench`: every benchmark of the API, one after the other (never in parallel: they would
 * measure each other). Results go to stdout as Markdown tables, to be copied into RESULTS.md.
 */
import { spawnSync } from 'node:child_process';

const suites: [string, string[]][] = [
  ['API throughput (ratio to a bare route)', ['bench/api-throughput.ts']],
  ['Search latency on 100,000 songs', ['bench/search-latency.ts']],
  ['Encoding: a 3-minute song, and 10 at once', ['bench/encoding-throughput.ts']],
  ['Releases: upload of a 3-minute song to the first listener streaming it', ['bench/release-latency.ts']],
];
for (const [title, args] of suites) {
  console.log(`\n## ${title}\n`);
  const r = spawnSync('node_modules/.bin/tsx', args, { stdio: 'inherit', env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
