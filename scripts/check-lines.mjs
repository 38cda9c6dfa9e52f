// Every source file stays under 300 lines (tests and generated files aside): run by `npm run lint`.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const MAX = 300;
const SOURCE = /\.(ts|tsx|js|mjs|cjs|css|sql|html)$/;
const EXEMPT = [/\.test\.tsx?$/, /\.spec\.ts$/, /^server\/test\//, /(^|\/)generated\//, /\.d\.ts$/];

const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' })
  .split('\n')
  .filter((f) => SOURCE.test(f) && !EXEMPT.some((re) => re.test(f)) && fs.existsSync(f));
const long = files
  .map((f) => ({ f, n: fs.readFileSync(f, 'utf8').split('\n').length - 1 }))
  .filter(({ n }) => n >= MAX);
for (const { f, n } of long) console.error(`${f}: ${n} lines (files stay under ${MAX}: split it)`);
if (long.length > 0) process.exit(1);
