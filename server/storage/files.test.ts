import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sweepStale } from './files.js';

describe('sweepStale', () => {
  it('removes only old hidden temporary files', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sweep-'));
    const old = Date.now() / 1000 - 7200;
    for (const name of ['.a.tmp', '.b.tmp', 'c.tmp', '.d.part']) fs.writeFileSync(path.join(dir, name), 'x');
    for (const name of ['.a.tmp', 'c.tmp', '.d.part']) fs.utimesSync(path.join(dir, name), old, old);
    expect(await sweepStale(dir, '.tmp')).toBe(1);
    expect(fs.readdirSync(dir).sort()).toEqual(['.b.tmp', '.d.part', 'c.tmp']);
    expect(await sweepStale(path.join(dir, 'missing'), '.tmp')).toBe(0);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
