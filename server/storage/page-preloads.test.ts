import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogPreloads } from './page-preloads.js';

function webRootWith(manifest: unknown): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'preloads-'));
  fs.mkdirSync(path.join(dir, '.vite'));
  fs.writeFileSync(path.join(dir, '.vite', 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

describe('catalogPreloads', () => {
  it('names the album list and the catalog chunk with what it imports, not the entry', () => {
    const root = webRootWith({
      'index.html': { file: 'assets/index-1.js', imports: ['_shared-3.js'] },
      'src/app/routes/catalog.tsx': { file: 'assets/catalog-2.js', imports: ['index.html', '_shared-3.js', '_q-4.js'] },
      '_shared-3.js': { file: 'assets/shared-3.js' },
      '_q-4.js': { file: 'assets/q-4.js', imports: ['_shared-3.js'] },
      'src/app/routes/search.tsx': { file: 'assets/search-5.js' },
    });
    const links = catalogPreloads(root)!.split(', ');
    expect(links[0]).toBe('</api/v1/music/catalog/albums>; rel=preload; as=fetch; crossorigin=anonymous');
    expect(links.slice(1).sort()).toEqual([
      '</assets/catalog-2.js>; rel=modulepreload',
      '</assets/q-4.js>; rel=modulepreload',
      '</assets/shared-3.js>; rel=modulepreload',
    ]);
  });

  it('sends nothing without a build manifest', () => {
    expect(catalogPreloads(fs.mkdtempSync(path.join(os.tmpdir(), 'preloads-')))).toBeUndefined();
    expect(catalogPreloads(webRootWith({ 'index.html': { file: 'assets/index-1.js' } }))).toBeUndefined();
  });
});
