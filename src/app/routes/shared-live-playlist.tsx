import { useLocation, useNavigate, useParams } from 'react-router';
import { usePageTitle } from '@/lib/use-page-title';
import { useAuth } from '@/features/account';
import { SharedLiveView } from '@/features/playlists';
import { playlistPath } from '@/features/playlists';
import { useQueueSongs } from '../row-controls';
import { SongAccess } from '../song-access';

/** `/p/:token`: the live page of a playlist shared by link. */
export default function SharedLivePlaylistRoute() {
  const { token = '' } = useParams();
  const { pathname } = useLocation();
  const auth = useAuth();
  const navigate = useNavigate();
  const queue = useQueueSongs(auth);
  usePageTitle('Shared playlist');
  return (
    <SharedLiveView
      token={token}
      auth={auth}
      renderAccess={(song) => <SongAccess song={song} auth={auth} />}
      onPlay={auth ? (songs, start) => void queue.play(songs, start) : undefined}
      loginHref={`/login?next=${encodeURIComponent(pathname)}`}
      onSaved={(id) => void navigate(playlistPath(id))}
    />
  );
}
