import { useNavigate, useParams } from 'react-router';
import { useAuth } from '@/features/account';
import { usePageTitle } from '@/lib/use-page-title';
import { PlaylistView } from '@/features/playlists';
import { playlistPath } from '@/features/playlists';
import { RequireAuth } from '../require-auth';
import { useQueueSongs } from '../row-controls';
import { SongAccess } from '../song-access';

export default function PlaylistRoute() {
  const { name = '' } = useParams();
  const navigate = useNavigate();
  usePageTitle('Playlist');
  const queue = useQueueSongs(useAuth());
  return (
    <RequireAuth title="Playlist">
      {(auth) => (
        <PlaylistView
          auth={auth}
          idOrName={name}
          renderAccess={(song) => <SongAccess song={song} auth={auth} />}
          onPlay={(songs, start) => void queue.play(songs, start)}
          onEnqueue={(songs) => void queue.enqueue(songs)}
          onFound={(id) => void navigate(playlistPath(id), { replace: true })}
          onCopied={() => undefined}
          onDeleted={() => void navigate('/playlists')}
        />
      )}
    </RequireAuth>
  );
}
