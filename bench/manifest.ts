/** The Vite build's manifest, and the chunks a page loads up front (its entry's static imports). */
import fs from 'node:fs';
import path from 'node:path';

export interface Chunk {
  file: string;
  imports?: string[];
  css?: string[];
}
export const dist = path.resolve('dist');
export const manifest = JSON.parse(fs.readFileSync(path.join(dist, '.vite', 'manifest.json'), 'utf8')) as Record<
  string,
  Chunk
>;

/** `keys` and every chunk they import statically (not their dynamic imports). */
export function closure(keys: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the build manifest`);
    seen.add(key);
    for (const i of chunk.imports ?? []) visit(i);
  };
  keys.forEach(visit);
  return seen;
}
