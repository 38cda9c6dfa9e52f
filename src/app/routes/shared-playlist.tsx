import { useLocation, useNavigate } from 'react-router';
import { usePageTitle } from '@/lib/use-page-title';
import { useAuth } from '@/features/account';
import { SharedPlaylistView } from '@/features/playlists';
import { playlistPath } from '@/features/playlists';
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
