import type { ReactNode } from 'react';
import { Link } from 'react-router';

export interface CardAlbum {
  id: string;
  name: string;
  artist: string;
  artworkImage: string | null;
  releaseDate?: string | null;
  /** the tokens of the album's token-gated songs */
  gateTokens?: string[];
}

/** An album as a card: artwork, then the whole title (never cut) and a line under it. */
export function AlbumCard({
  album,
  detail,
  eager,
  onIntent,
}: {
  album: CardAlbum;
  detail?: ReactNode;
  eager?: boolean;
  onIntent?: (id: string) => void;
}) {
  return (
    <article aria-label={album.name} className="group">
      <Link
        to={`/albums/${album.id}`}
        aria-label={album.name}
        onMouseEnter={() => onIntent?.(album.id)}
        onFocus={() => onIntent?.(album.id)}
        className="block rounded-lg focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
      >
        {album.artworkImage ? (
          <img
            src={album.artworkImage}
            alt={`Artwork of ${album.name}`}
            width={300}
            height={300}
            loading={eager ? 'eager' : 'lazy'}
            className="aspect-square w-full rounded-lg object-cover shadow"
          />
        ) : (
          <div aria-hidden="true" className="aspect-square w-full rounded-lg bg-slate-300 dark:bg-slate-700" />
        )}
        <h3 className="mt-2 break-words font-semibold group-hover:underline">{album.name}</h3>
      </Link>
      <p className="break-words text-sm text-slate-600 dark:text-slate-400">{detail ?? album.artist}</p>
      {album.gateTokens?.length ? (
        <p className="mt-1">
          <span className="inline-block max-w-full break-words rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900/60 dark:text-amber-100">
            Token-gated · {album.gateTokens.join(' or ')}
          </span>
        </p>
      ) : null}
    </article>
  );
}

export const CARD_GRID = 'grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4 xl:grid-cols-6';

/**
 * A home shelf: on a phone one row that scrolls sideways (the next card peeks in at the edge, as in
 * Spotify's app), so the page shows every shelf instead of one tall grid; from 640 px, one row of
 * the grid (3, 4 or 6 cards), the most recent first: a shelf that wrapped left one card alone on a
 * second row. The cards past the row are not displayed (so not focusable either); a shelf with more
 * to see links to its whole list.
 */
export const SHELF_ROW =
  '-mx-4 flex snap-x snap-mandatory scroll-px-4 gap-4 overflow-x-auto px-4 pb-2 [&>li]:w-40 [&>li]:shrink-0 [&>li]:snap-start ' +
  'sm:mx-0 sm:grid sm:grid-cols-3 sm:overflow-visible sm:px-0 sm:pb-0 sm:[&>li]:w-auto lg:grid-cols-4 xl:grid-cols-6 ' +
  'sm:[&>li:nth-child(n+4)]:hidden lg:[&>li:nth-child(n+4)]:block lg:[&>li:nth-child(n+5)]:hidden ' +
  'xl:[&>li:nth-child(n+5)]:block xl:[&>li:nth-child(n+7)]:hidden';

/** A labelled grid of album cards (a home shelf, a discography, the saved albums). */
export function AlbumCards<A extends CardAlbum>({
  albums,
  label,
  detail,
  eagerCount = 6,
  onIntent,
  shelf,
}: {
  albums: readonly A[];
  label: string;
  detail?: (a: A) => ReactNode;
  eagerCount?: number;
  onIntent?: (id: string) => void;
  /** one sideways-scrolling row on a phone (a home shelf) */
  shelf?: boolean;
}) {
  return (
    <ul aria-label={label} className={shelf ? SHELF_ROW : CARD_GRID}>
      {albums.map((a, i) => (
        <li key={a.id}>
          <AlbumCard album={a} detail={detail?.(a)} eager={i < eagerCount} onIntent={onIntent} />
        </li>
      ))}
    </ul>
  );
}
