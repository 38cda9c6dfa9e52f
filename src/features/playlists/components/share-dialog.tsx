import { useState } from 'react';
import { Dialog } from '../../../components/ui/dialog';
import type { Playlist } from '../lib/document';
import { shareUrl } from '../lib/share-link';

/** The link that opens a read-only view of the playlist for anyone, with a Copy button. */
export function ShareDialog({ playlist, open, onClose }: { playlist: Playlist; open: boolean; onClose: () => void }) {
  const [copied, setCopied] = useState('');
  const url = shareUrl(window.location.origin, playlist);
  return (
    <Dialog open={open} title={`Share “${playlist.name}”`} onClose={onClose}>
      <p className="mb-3 text-sm">
        Anyone with this link can see the playlist’s songs, and save a copy to their own playlists. Later changes are
        not in the link: share again after editing.
      </p>
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
      <p role="status" className="mt-2 min-h-5 text-sm">
        {copied}
      </p>
      <div className="mt-2 flex justify-end gap-2">
        <button
          type="button"
          onClick={() =>
            void navigator.clipboard
              .writeText(url)
              .then(() => setCopied('Link copied.'))
              .catch(() => setCopied('Could not copy: select the link and copy it yourself.'))
          }
          className="rounded-md bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white"
        >
          Copy link
        </button>
        <button
          type="button"
          onClick={onClose}
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium dark:border-slate-600"
        >
          Close
        </button>
      </div>
    </Dialog>
  );
}
