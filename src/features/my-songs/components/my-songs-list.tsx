import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Credentials } from '@contract/account';
import type { MySong } from '@contract/listener';
import { EmptyState, ErrorState, Skeleton } from '@/components/ui/query-state';
import { ROW_SEPARATORS, VirtualList } from '@/components/ui/virtual-list';
import { safeHref } from '@/lib/markdown';
import { mySongsQueries } from '../api/queries';

function formatSize(bytes: number): string {
  if (bytes <= 0) return '';
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.ceil(bytes / 1000)} kB`;
}

export interface MySongsListProps {
  auth: Credentials;
  /** playback and queue controls per row, composed by the page from the player feature */
  actions?: (song: MySong, index: number, all: readonly MySong[]) => ReactNode;
}

/** The songs the listener's tokens give them, each with its (signed, expiring) download link. */
export function MySongsList({ auth, actions }: MySongsListProps) {
  const songs = useQuery(mySongsQueries.list(auth));
  if (songs.isPending) {
    return (
      <div role="progressbar" aria-busy="true" aria-label="Loading your songs" className="space-y-2">
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} className="h-14" />
        ))}
      </div>
    );
  }
  if (songs.isError) return <ErrorState error={songs.error} onRetry={() => void songs.refetch()} />;
  if (songs.data.length === 0) {
    return (
      <EmptyState>
        You do not own any songs yet. Songs unlocked by the tokens you hold appear here.{' '}
        <Link to="/" className="text-brand-700 underline dark:text-brand-400">
          Browse the catalog
        </Link>
      </EmptyState>
    );
  }
  return (
    <VirtualList
      items={songs.data}
      label="My songs"
      getKey={(song) => song.id}
      className={ROW_SEPARATORS}
      renderItem={(song, i, rowProps) => {
        const href = song.downloadUrl ? safeHref(song.downloadUrl) : null;
        return (
          <li {...rowProps} className="flex flex-wrap items-center gap-x-4 gap-y-1 py-3">
            {/* the whole width on a phone: the title is never cut, the controls wrap under it */}
            <div className="min-w-0 flex-1 basis-full sm:basis-0">
              <p className="break-words font-medium">{song.name}</p>
              <p className="break-words text-sm text-slate-600 dark:text-slate-400">
                {song.artist} · {song.tokens.join(', ')}
              </p>
            </div>
            {actions ? actions(song, i, songs.data) : null}
            {href ? (
              <a
                href={href}
                download
                className="inline-flex min-h-11 items-center rounded-md border border-slate-300 px-3 text-sm font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
              >
                Download<span className="sr-only"> {song.name}</span>
                {song.downloadSize > 0 ? (
                  <span className="ml-1 text-slate-600 dark:text-slate-400">({formatSize(song.downloadSize)})</span>
                ) : null}
              </a>
            ) : (
              <span className="text-sm text-slate-600 dark:text-slate-400">Being prepared, check back soon</span>
            )}
          </li>
        );
      }}
    />
  );
}
