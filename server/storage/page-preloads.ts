import fs from 'node:fs';
import path from 'node:path';

interface ManifestChunk {
  file: string;
  imports?: string[];
}

/**
 * A `Link` header for the catalog page (`/`), the page most visits start on. Without it the browser
 * learns what the page needs one step at a time: HTML → entry script → the route's lazy chunk →
 * the album list → artwork. The header lets it fetch the album list and the route's chunks while
 * the entry script is still downloading, which takes two round trips off the largest paint.
 * Built from Vite's manifest, so it names the hashed files of this very build; none without one.
 */
export function catalogPreloads(webRoot: string): string | undefined {
  let manifest: Record<string, ManifestChunk>;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(webRoot, '.vite', 'manifest.json'), 'utf8')) as Record<
      string,
      ManifestChunk
    >;
  } catch {
    return undefined;
  }
  const route = manifest['src/app/routes/catalog.tsx'];
  if (!route) return undefined;
  const files = new Set<string>();
  const visit = (chunk: ManifestChunk | undefined) => {
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    // index.html is the entry; the page already loads it and everything it imports
    for (const name of chunk.imports ?? []) if (name !== 'index.html') visit(manifest[name]);
  };
  visit(route);
  return [
    '</api/v1/music/catalog/albums>; rel=preload; as=fetch; crossorigin=anonymous',
    ...[...files].map((f) => `</${f}>; rel=modulepreload`),
  ].join(', ');
}
