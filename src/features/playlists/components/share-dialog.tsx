import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { PlaylistSummary, Visibility } from '@contract/playlists';
import { Dialog } from '@/components/ui/dialog';
import { ApiError } from '@/lib/api-error';
import { resourceQueries, setSharing, sharedPath, type PlaylistAuth } from '../api/resources';

const CHOICES: { value: Visibility; label: string; hint: string }[] = [
  { value: 'private', label: 'Private', hint: 'Only you see it. A link shared before stops working.' },
  { value: 'link', label: 'Anyone with the link', hint: 'A live page: later edits show there too.' },
  { value: 'profile', label: 'On your profile', hint: 'Listed on your public profile, and by link.' },
];

/** Who sees the playlist: private, anyone with the link (a live page), or on the profile. */
export function ShareDialog(props: {
  auth: PlaylistAuth;
  playlist: Pick<PlaylistSummary, 'id' | 'name' | 'visibility' | 'shareToken'>;
  open: boolean;
  onClose: () => void;
}) {
  const { auth, playlist } = props;
  const client = useQueryClient();
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  // The choice shows at once; the server's answer (and the link) follow.
  const [chosen, setChosen] = useState<Visibility | null>(null);
  const visibility = busy && chosen ? chosen : playlist.visibility;
  const url = playlist.shareToken ? `${window.location.origin}${sharedPath(playlist.shareToken)}` : null;
  const choose = async (visibility: Visibility) => {
    setBusy(true);
    setChosen(visibility);
    try {
      await setSharing(auth, playlist.id, visibility);
      await client.invalidateQueries({ queryKey: resourceQueries.all() });
      setStatus(visibility === 'private' ? 'The playlist is private: its link no longer works.' : 'Sharing updated.');
    } catch (err) {
      setStatus(err instanceof ApiError ? err.message : 'Sharing could not be changed.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={props.open} title={`Share “${playlist.name}”`} onClose={props.onClose}>
      <fieldset className="space-y-2" disabled={busy}>
        <legend className="mb-1 text-sm font-medium">Who can see it</legend>
        {CHOICES.map((c) => (
          <label key={c.value} className="flex min-h-11 items-start gap-3 text-sm">
            <input
              type="radio"
              name="visibility"
              className="mt-1 h-5 w-5"
              checked={visibility === c.value}
              onChange={() => void choose(c.value)}
            />
            <span>
              <span className="font-medium">{c.label}</span>
              <span className="block text-slate-700 dark:text-slate-300">{c.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {url ? (
        <div className="mt-4">
          <label htmlFor="share-link" className="block text-sm font-medium">
            Link to share
          </label>
          <input
            id="share-link"
            readOnly
            value={url}
            onFocus={(e) => e.target.select()}
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-900"
          />
        </div>
      ) : null}
      <p role="status" className="mt-2 min-h-5 text-sm">
        {status}
      </p>
      <div className="mt-2 flex flex-wrap justify-end gap-2">
        {url ? (
          <button
            type="button"
            onClick={() =>
              void navigator.clipboard
                .writeText(url)
                .then(() => setStatus('Link copied.'))
                .catch(() => setStatus('Could not copy: select the link and copy it yourself.'))
            }
            className="min-h-11 rounded-md bg-brand-700 px-3 text-sm font-semibold text-white sm:min-h-9"
          >
            Copy link
          </button>
        ) : null}
        <button
          type="button"
          onClick={props.onClose}
          className="min-h-11 rounded-md border border-slate-300 px-3 text-sm font-medium sm:min-h-9 dark:border-slate-600"
        >
          Close
        </button>
      </div>
    </Dialog>
  );
}
