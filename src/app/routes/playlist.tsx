import { useNavigate, useParams } from 'react-router';
import { usePageTitle } from '../../lib/use-page-title';
import { PlaylistView } from '../../features/playlists/components/playlist-view';
import { playlistPath } from '../../features/playlists/lib/format';
import { RequireAuth } from '../require-auth';
import { SongAccess } from '../song-access';

export default function PlaylistRoute() {
  const { name = '' } = useParams();
  const navigate = useNavigate();
  usePageTitle(name);
  return (
    <RequireAuth title="Playlist">
      {(auth) => (
        // The player (issue 5) wires onPlay(songs, startIndex) and onEnqueue(songs) here.
        <PlaylistView
          auth={auth}
          name={name}
          renderAccess={(song) => <SongAccess song={song} auth={auth} />}
          onRenamed={(to) => void navigate(playlistPath(to), { replace: true })}
          onDeleted={() => void navigate('/playlists')}
        />
      )}
    </RequireAuth>
  );
}
