import { useRef, useState } from 'react';
import type { Credentials } from '@contract/account';
import { Dialog } from '@/components/ui/dialog';
import { useAddToPlaylist } from '@/features/playlists';
import { NewPlaylistDialog } from '@/features/playlists';

export interface PickerSubject {
  songIds: string[];
  name: string;
  /** where focus goes back to when the picker closes (the row's More button) */
  back?: HTMLElement | null;
}

/**
 * "Add to playlist…" from a row's More menu: the listener's playlists as buttons in a dialog (a
 * menu cannot hold a second menu), then "New playlist…". Edits go through the playlists editor,
 * like its own Add-to-playlist menu.
 */
export function PlaylistPicker({
  auth,
  subject,
  onClose,
}: {
  auth: Credentials;
  subject: PickerSubject | null;
  onClose: () => void;
}) {
  const { playlists, add, create } = useAddToPlaylist(auth);
  const [creating, setCreating] = useState<PickerSubject | null>(null);
  // The list's dialog closes when "New playlist…" opens the name dialog: that is not the end of picking.
  const toCreate = useRef(false);
  const addTo = (s: PickerSubject, p: (typeof playlists)[number]) => {
    add(p, s.songIds, s.name);
    onClose();
  };
  const btn = 'flex min-h-11 w-full items-center rounded-md px-3 text-left hover:bg-slate-100 dark:hover:bg-slate-800';
  return (
    <>
      <Dialog
        open={subject !== null && creating === null}
        title={subject ? `Add ${subject.name} to a playlist` : ''}
        onClose={() => {
          if (!toCreate.current) onClose();
        }}
      >
        {subject ? (
          <ul aria-label="Your playlists" className="max-h-80 overflow-auto">
            {playlists.map((p) => (
              <li key={p.id}>
                <button type="button" className={btn} onClick={() => addTo(subject, p)}>
                  {p.name}
                </button>
              </li>
            ))}
            <li>
              <button
                type="button"
                className={`${btn} font-semibold`}
                onClick={() => {
                  toCreate.current = true;
                  setCreating(subject);
                }}
              >
                New playlist…
              </button>
            </li>
          </ul>
        ) : null}
        <div className="mt-4 flex justify-end">
          <button
            type="button"
            onClick={onClose}
            className="min-h-11 rounded-md border border-slate-300 px-4 dark:border-slate-700"
          >
            Cancel
          </button>
        </div>
      </Dialog>
      <NewPlaylistDialog
        open={creating !== null}
        onClose={() => {
          setCreating(null);
          onClose();
        }}
        onSubmit={(name) => {
          if (!creating) return null;
          const problem = create(name, creating.songIds, creating.name);
          if (problem) return problem;
          setCreating(null);
          onClose();
          return null;
        }}
      />
    </>
  );
}
