import { useState } from 'react';
import { MenuButton } from '../../../components/ui/menu';
import { usePlaylistEditor } from '../api/mutations';
import type { PlaylistAuth } from '../api/queries';
import { byName } from '../lib/format';
import { editorActions } from '../store';
import { NewPlaylistDialog } from './new-playlist-dialog';

export interface AddToPlaylistMenuProps {
  auth: PlaylistAuth;
  /** the song ids to add, in order (one song row, an album, the queue) */
  songIds: readonly string[];
  /** what is being added, for the button's accessible name and messages: a song or album name */
  subject: string;
  /** the button's visible text */
  buttonText?: string;
}

/**
 * "Add to playlist" for any list of songs: the person's playlists, then "New playlist…". The edit
 * shows at once and is saved in the background; a refusal (e.g. the 4 KB limit) is announced.
 */
export function AddToPlaylistMenu({ auth, songIds, subject, buttonText = 'Add to playlist' }: AddToPlaylistMenuProps) {
  const { doc, edit } = usePlaylistEditor(auth);
  const [creating, setCreating] = useState(false);
  const count = songIds.length === 1 ? '' : ` (${songIds.length} songs)`;

  const addTo = (name: string) => {
    const problem = edit({ kind: 'add', name, ids: songIds });
    if (problem) editorActions.tell('error', `“${subject}” was not added to “${name}”. ${problem}`);
    else editorActions.tell('info', `Added “${subject}”${count} to “${name}”.`);
  };

  const items = [
    ...[...(doc ?? [])].sort(byName).map((p) => ({ label: p.name, onSelect: () => addTo(p.name) })),
    { label: 'New playlist…', onSelect: () => setCreating(true) },
  ];

  return (
    <>
      <MenuButton label={`Add ${subject} to a playlist`} items={items}>
        {buttonText}
      </MenuButton>
      <NewPlaylistDialog
        open={creating}
        onClose={() => setCreating(false)}
        onSubmit={(name) => {
          const problem = edit({ kind: 'create', name, ids: songIds });
          if (problem) return problem;
          setCreating(false);
          editorActions.tell('info', `Created “${name}” with “${subject}”${count}.`);
          return null;
        }}
      />
    </>
  );
}
