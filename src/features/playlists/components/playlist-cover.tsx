import type { PlaylistSummary } from '@contract/playlists';

/** The uploaded cover, or a mosaic of the first albums' artwork, or a plain tile. Decorative: the name is beside it. */
export function PlaylistCover({
  p,
  size = 'lg',
}: {
  p: Pick<PlaylistSummary, 'coverImage' | 'mosaic'>;
  size?: 'sm' | 'lg';
}) {
  const box = size === 'lg' ? 'h-40 w-40 sm:h-48 sm:w-48' : 'h-12 w-12';
  if (p.coverImage) return <img src={p.coverImage} alt="" className={`${box} shrink-0 rounded-md object-cover`} />;
  if (p.mosaic.length >= 4) {
    return (
      <div className={`${box} grid shrink-0 grid-cols-2 overflow-hidden rounded-md`} aria-hidden="true">
        {p.mosaic.slice(0, 4).map((src) => (
          <img key={src} src={src} alt="" className="h-full w-full object-cover" />
        ))}
      </div>
    );
  }
  if (p.mosaic.length > 0)
    return <img src={p.mosaic[0]} alt="" className={`${box} shrink-0 rounded-md object-cover`} />;
  return (
    <div
      aria-hidden="true"
      className={`${box} flex shrink-0 items-center justify-center rounded-md bg-gradient-to-br from-brand-700 to-slate-700 text-3xl text-white`}
    >
      ♪
    </div>
  );
}
