import { useLocation, useNavigate } from 'react-router';
import { usePageTitle } from '../../lib/use-page-title';
import { useAuth } from '../../features/account/store';
import { SharedPlaylistView } from '../../features/playlists/components/shared-playlist-view';
import { playlistPath } from '../../features/playlists/lib/format';
import { SongAccess } from '../song-access';

export default function SharedPlaylistRoute() {
  const { pathname, hash } = useLocation();
  const auth = useAuth();
  const navigate = useNavigate();
  usePageTitle('Shared playlist');
  return (
    <SharedPlaylistView
      key={hash}
      fragment={hash}
      auth={auth}
      renderAccess={(song) => <SongAccess song={song} auth={auth} />}
      loginHref={`/login?next=${encodeURIComponent(pathname + hash)}`}
      onImported={(name) => void navigate(playlistPath(name))}
    />
  );
}
