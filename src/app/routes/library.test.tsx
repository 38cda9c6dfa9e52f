import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { actions } from '@/features/account';
import { libraryQueries } from '@/features/library';
import { playerActions } from '@/features/player';
import LibraryRoute from './library';
import { album, librarySong, renderPage } from '../test-pages';

const auth = { id: 'user-1', username: 'lena', email: 'lena@example.com', apiToken: 't', apiSecretKey: 's' };
const liked = [
  { ...librarySong('song-9', 'Newest Like'), likedAt: '2026-11-30T10:00:00Z' },
  {
    ...librarySong('song-4', 'Older Like', { albumId: 'album-2', albumName: 'Early Days' }),
    likedAt: '2026-10-01T10:00:00Z',
  },
];
const saved = [{ ...album, savedAt: '2026-11-02T10:00:00Z' }];
const followed = [{ id: 'artist-1', name: 'Ivory Lane', pictureUrl: null, followedAt: '2026-09-09T10:00:00Z' }];
const ids = {
  songs: liked.map((s) => ({ id: s.id, at: s.likedAt })),
  albums: [{ id: album.id, at: saved[0]!.savedAt }],
  artists: [{ id: 'artist-1', at: followed[0]!.followedAt }],
};

function renderLibrary(data: { songs: unknown[]; albums: unknown[]; artists: unknown[] }) {
  return renderPage(<LibraryRoute />, {
    path: '/library',
    route: '/library',
    data: [
      [libraryQueries.ids(auth).queryKey, ids],
      [libraryQueries.songs(auth).queryKey, data.songs],
      [libraryQueries.albums(auth).queryKey, data.albums],
      [libraryQueries.artists(auth).queryKey, data.artists],
    ],
  });
}

beforeEach(() => actions.signIn(auth));
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  actions.signOut();
});

describe('the library page', () => {
  it('lists liked songs, saved albums and followed artists in the order the server gave (newest first)', () => {
    renderLibrary({ songs: liked, albums: saved, artists: followed });
    const songs = screen.getByRole('list', { name: 'Liked songs' });
    expect(
      within(songs)
        .getAllByRole('listitem')
        .map((li) => li.getAttribute('aria-label')),
    ).toEqual(['Newest Like', 'Older Like']);
    expect(screen.getByText('2 songs · 6 min 40 s')).toBeInTheDocument();
    // each row shows its album (a link), and its heart says it is liked
    expect(within(songs).getByRole('link', { name: 'Early Days' })).toHaveAttribute('href', '/albums/album-2');
    expect(within(songs).getAllByRole('button', { pressed: true })).toHaveLength(2);
    const albums = screen.getByRole('list', { name: 'Saved albums' });
    expect(within(albums).getByRole('link', { name: 'Quiet Hours' })).toHaveAttribute('href', '/albums/album-1');
    const artists = screen.getByRole('list', { name: 'Artists you follow' });
    expect(within(artists).getByRole('link', { name: 'Ivory Lane' })).toHaveAttribute('href', '/artists/artist-1');
  });

  it('plays Liked songs like a playlist, and the menu adds "Add to playlist…" and "Go to album"', async () => {
    const playSongs = vi.spyOn(playerActions, 'playSongs').mockResolvedValue(undefined);
    const { location } = renderLibrary({ songs: liked, albums: saved, artists: followed });
    await userEvent.click(screen.getByRole('button', { name: 'Play Liked songs' }));
    expect(playSongs.mock.calls[0]![0].map((x) => x.id)).toEqual(['song-9', 'song-4']);
    await userEvent.click(screen.getByRole('button', { name: 'More actions for Older Like' }));
    const menu = screen.getByRole('menu', { name: 'More actions for Older Like' });
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((i) => i.textContent),
    ).toEqual(['Play next', 'Add to queue', 'Add to playlist…', 'Go to artist', 'Go to album', 'Share']);
    await userEvent.click(within(menu).getByRole('menuitem', { name: 'Go to album' }));
    expect(location()).toBe('/albums/album-2');
  });

  it('says what each empty list is for, and Play is off with nothing to play', () => {
    renderLibrary({ songs: [], albums: [], artists: [] });
    expect(screen.getByText(/Songs you like \(the heart on every song\) show up here/)).toBeInTheDocument();
    expect(screen.getByText('Albums you save show up here.')).toBeInTheDocument();
    expect(screen.getByText('Artists you follow show up here.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Play Liked songs' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Shuffle Liked songs' })).toBeDisabled();
  });
});
