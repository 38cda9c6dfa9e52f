import { rng } from './synth.js';

const xml = (s: string) =>
  s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

const PALETTES = [
  ['#0f172a', '#1d4ed8', '#38bdf8', '#f8fafc'],
  ['#3b0764', '#a21caf', '#f472b6', '#fdf4ff'],
  ['#052e16', '#15803d', '#a3e635', '#f7fee7'],
  ['#431407', '#c2410c', '#fbbf24', '#fffbeb'],
  ['#1e1b4b', '#4338ca', '#a5b4fc', '#eef2ff'],
  ['#450a0a', '#b91c1c', '#fca5a5', '#fef2f2'],
  ['#042f2e', '#0f766e', '#5eead4', '#f0fdfa'],
];

/** A square album cover: a gradient, shapes placed by the seed, and the title and artist. */
export function renderArtworkSvg({ seed, title, artist }: { seed: number; title: string; artist: string }): string {
  const r = rng(seed);
  const [bg, mid, accent, ink] = PALETTES[seed % PALETTES.length]!;
  const shapes: string[] = [];
  const kind = seed % 3;
  for (let i = 0; i < 9; i++) {
    const x = Math.round(r() * 600);
    const y = Math.round(r() * 420);
    const size = Math.round(40 + r() * 180);
    const opacity = (0.25 + r() * 0.5).toFixed(2);
    const fill = r() < 0.5 ? accent : mid;
    if (kind === 0) shapes.push(`<circle cx="${x}" cy="${y}" r="${size / 2}" fill="${fill}" opacity="${opacity}"/>`);
    else if (kind === 1) {
      shapes.push(
        `<rect x="${x - size / 2}" y="${y - size / 2}" width="${size}" height="${size}" transform="rotate(${Math.round(r() * 90)} ${x} ${y})" fill="${fill}" opacity="${opacity}"/>`,
      );
    } else {
      shapes.push(
        `<path d="M0 ${y} Q ${x} ${y - size} 600 ${y + size / 3}" stroke="${fill}" stroke-width="${Math.round(size / 10)}" fill="none" opacity="${opacity}"/>`,
      );
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 600" width="600" height="600" role="img" aria-label="${xml(title)} by ${xml(artist)}">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${bg}"/><stop offset="1" stop-color="${mid}"/></linearGradient></defs>
<rect width="600" height="600" fill="url(#g)"/>
${shapes.join('\n')}
<rect x="0" y="460" width="600" height="140" fill="${bg}" opacity="0.72"/>
<text x="32" y="520" font-family="system-ui, sans-serif" font-size="40" font-weight="700" fill="${ink}">${xml(title)}</text>
<text x="32" y="565" font-family="system-ui, sans-serif" font-size="26" fill="${accent}">${xml(artist)}</text>
</svg>
`;
}

/** An artist picture: initials on a seeded gradient disc. */
export function renderAvatarSvg({ seed, name }: { seed: number; name: string }): string {
  const [bg, mid, , ink] = PALETTES[seed % PALETTES.length]!;
  const initials = name
    .split(/\s+/)
    .filter((w) => /^[A-Za-z]/.test(w))
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 300" width="300" height="300" role="img" aria-label="${xml(name)}">
<defs><radialGradient id="g"><stop offset="0" stop-color="${mid}"/><stop offset="1" stop-color="${bg}"/></radialGradient></defs>
<rect width="300" height="300" fill="url(#g)"/>
<text x="150" y="150" text-anchor="middle" dominant-baseline="central" font-family="system-ui, sans-serif" font-size="110" font-weight="700" fill="${ink}">${xml(initials)}</text>
</svg>
`;
}
