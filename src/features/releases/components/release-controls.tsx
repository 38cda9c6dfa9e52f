import { useState } from 'react';
import type { Credentials } from '@contract/account';
import type { ReleaseAlbum } from '@contract/release';
import { useRelease, useTakeDown } from '../api/mutations';
import { card, dangerButton, primaryButton } from './styles';

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Release now or at a date and time; once out, take it down. */
export function ReleaseControls({ auth, album }: { auth: Credentials; album: ReleaseAlbum }) {
  const release = useRelease(auth, album.id);
  const takeDown = useTakeDown(auth, album.id);
  const [mode, setMode] = useState<'now' | 'later'>('now');
  const [at, setAt] = useState('');
  const [confirming, setConfirming] = useState(false);
  const error = release.error ?? takeDown.error;

  return (
    <section className={card} aria-labelledby="release-title">
      <h2 id="release-title" className="mb-2 text-lg font-semibold">
        Release
      </h2>
      <p role="status" className="mb-3">
        {album.status === 'draft' && 'Draft: only you can see it.'}
        {album.status === 'scheduled' && `Scheduled for ${when(album.releaseAt!)}: hidden until then.`}
        {album.status === 'released' && 'Released: listeners can find and play it.'}
        {album.status === 'removed' && 'Taken down: gone from the catalog; listeners who paid keep it.'}
      </p>
      {album.status === 'draft' || album.status === 'scheduled' ? (
        <form
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            release.mutate(mode === 'later' && at ? new Date(at).toISOString() : null);
          }}
        >
          <fieldset className="space-y-1">
            <legend className="text-sm font-medium">When</legend>
            <label className="flex min-h-11 items-center gap-2">
              <input type="radio" name="when" checked={mode === 'now'} onChange={() => setMode('now')} />
              Now
            </label>
            <label className="flex min-h-11 items-center gap-2">
              <input type="radio" name="when" checked={mode === 'later'} onChange={() => setMode('later')} />
              At a date and time
            </label>
          </fieldset>
          {mode === 'later' ? (
            <div>
              <label htmlFor="release-at" className="block text-sm font-medium">
                Release date and time
              </label>
              <input
                id="release-at"
                type="datetime-local"
                required
                value={at}
                onChange={(e) => setAt(e.target.value)}
                className="mt-1 min-h-11 rounded-md border border-slate-300 bg-white px-3 dark:border-slate-600 dark:bg-slate-900"
              />
            </div>
          ) : null}
          <button type="submit" className={primaryButton} disabled={release.isPending}>
            {release.isPending ? 'Releasing…' : mode === 'now' ? 'Release now' : 'Schedule release'}
          </button>
        </form>
      ) : null}
      {album.status === 'released' || album.status === 'scheduled' ? (
        <div className="mt-3">
          {confirming ? (
            <button type="button" className={dangerButton} onClick={() => takeDown.mutate()}>
              Confirm: take “{album.name}” down
            </button>
          ) : (
            <button type="button" className={dangerButton} onClick={() => setConfirming(true)}>
              Take down album
            </button>
          )}
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">
          {error.message}
        </p>
      ) : null}
    </section>
  );
}
