import { useState } from 'react';
import { MenuButton } from '@/components/ui/menu';
import { useAddToPlaylist } from '../api/add';
import type { PlaylistAuth } from '../api/resources';
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
 * "Add to playlist" for any list of songs: the person's playlists, then "New playlist…". The songs
 * go at the end; a song already in the playlist is added again only when the listener says so.
 */
export function AddToPlaylistMenu({ auth, songIds, subject, buttonText = 'Add to playlist' }: AddToPlaylistMenuProps) {
  const { playlists, add, create } = useAddToPlaylist(auth);
  const [creating, setCreating] = useState(false);
  const items = [
    ...playlists.map((p) => ({ label: p.name, onSelect: () => add(p, songIds, subject) })),
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
          const problem = create(name, songIds, subject);
          if (!problem) setCreating(false);
          return problem;
        }}
      />
    </>
  );
}
