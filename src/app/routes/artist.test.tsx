import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { artistQueries } from '@/features/artists';
import { playerActions } from '@/features/player';
import ArtistRoute from './artist';
import { album, librarySong, renderPage } from '../test-pages';

const profile = {
  name: 'Ivory Lane',
  website: '',
  bio: 'A trio from the coast.',
  active: true,
  genre: 'Jazz',
  tags: '',
  tagsArray: [],
  marketsCatalog: '',
  marketsCatalogUrl: '',
  pictureUrl: '',
};
const top = [
  { ...librarySong('song-2', 'Most Played'), plays: 40 },
  { ...librarySong('song-1', 'Next Best'), plays: 12 },
];
const discography = [
  { ...album, id: 'album-3', name: 'Newest Record', releaseDate: '2025-02-01T00:00:00Z' },
  { ...album, id: 'album-1', name: 'Quiet Hours', releaseDate: '2024-05-01T00:00:00Z' },
];
const page = (items: unknown[]) => ({ page: 0, perPage: 25, pageCount: 1, count: items.length, items });

function renderArtist(data: { top: unknown[]; albums: unknown[]; songs: unknown[] }) {
  return renderPage(<ArtistRoute />, {
    path: '/artists/artist-1',
    route: '/artists/:profileId',
    data: [
      [artistQueries.profile('artist-1').queryKey, profile],
      [artistQueries.top('artist-1').queryKey, data.top],
      [artistQueries.albums('artist-1').queryKey, data.albums],
      [artistQueries.songs('artist-1', 0).queryKey, page(data.songs)],
    ],
  });
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('the artist page', () => {
  it('shows the bio, top songs by plays, and the discography as album cards in the order given (newest first)', () => {
    renderArtist({ top, albums: discography, songs: [top[1], top[0]] });
    expect(screen.getByRole('heading', { level: 1, name: 'Ivory Lane' })).toBeInTheDocument();
    expect(screen.getByText('A trio from the coast.')).toBeInTheDocument();
    const topList = screen.getByRole('list', { name: 'Top songs' });
    expect(
      within(topList)
        .getAllByRole('listitem')
        .map((li) => li.getAttribute('aria-label')),
    ).toEqual(['Most Played', 'Next Best']);
    const cards = within(screen.getByRole('list', { name: 'Discography' })).getAllByRole('link');
    expect(cards.map((a) => a.getAttribute('aria-label'))).toEqual(['Newest Record', 'Quiet Hours']);
    expect(cards[0]).toHaveAttribute('href', '/albums/album-3');
    expect(screen.getByText('2025')).toBeInTheDocument();
  });

  it('plays the top songs and gives each top song the row menu', async () => {
    const playSongs = vi.spyOn(playerActions, 'playSongs').mockResolvedValue(undefined);
    const playNext = vi.spyOn(playerActions, 'playNext').mockImplementation(() => undefined);
    renderArtist({ top, albums: discography, songs: top });
    await userEvent.click(screen.getByRole('button', { name: 'Play top songs' }));
    expect(playSongs.mock.calls[0]![0].map((x) => x.id)).toEqual(['song-2', 'song-1']);
    const topList = screen.getByRole('list', { name: 'Top songs' });
    await userEvent.click(within(topList).getByRole('button', { name: 'More actions for Next Best' }));
    await userEvent.click(screen.getByRole('menuitem', { name: 'Play next' }));
    expect(playNext.mock.calls[0]![0].map((x) => x.id)).toEqual(['song-1']);
  });

  it('says so when the artist has no songs or albums yet', () => {
    renderArtist({ top: [], albums: [], songs: [] });
    expect(screen.getAllByText('No songs by this artist yet.')).toHaveLength(2);
    expect(screen.getByText('No albums yet.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Play top songs' })).toBeDisabled();
  });
});
