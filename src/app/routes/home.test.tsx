import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { actions } from '@/features/account';
import { homeQueries } from '@/features/home';
import { playerActions } from '@/features/player';
import HomeRoute from './home';
import { album, librarySong, renderPage } from '../test-pages';

const auth = { id: 'user-1', username: 'lena', email: 'lena@example.com', apiToken: 't', apiSecretKey: 's' };
const fresh = {
  page: 0,
  perPage: 12,
  pageCount: 1,
  count: 2,
  items: [{ ...album, id: 'album-3', name: 'Newest Record' }, album],
};
const popular = [
  { ...librarySong('song-2', 'Everyone Plays This'), plays: 31 },
  { ...librarySong('song-5', 'Once Only'), plays: 1 },
];
const mine = {
  recent: [{ ...librarySong('song-7', 'Last Heard'), playedAt: '2026-12-01T20:00:00Z' }],
  jumpBackIn: [
    { kind: 'album', album, playedAt: '2026-12-01T20:00:00Z' },
    { kind: 'playlist', name: 'Road trip', playedAt: '2026-11-30T20:00:00Z' },
  ],
};

function renderHome(data: { popular: unknown[]; fresh?: unknown; mine?: unknown }) {
  return renderPage(<HomeRoute />, {
    path: '/',
    route: '/',
    data: [
      [homeQueries.albums('newest', '', 0, 12).queryKey, data.fresh ?? fresh],
      [homeQueries.popular().queryKey, data.popular],
      ...(data.mine ? [[homeQueries.mine(auth).queryKey, data.mine] as [readonly unknown[], unknown]] : []),
    ],
  });
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  actions.signOut();
});

describe('the home page', () => {
  it('welcomes a visitor, with new releases as album cards and popular this week with play counts', async () => {
    renderHome({ popular });
    expect(screen.getByRole('heading', { level: 1, name: 'Welcome to Tokenly Music' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Create an account' })).toHaveAttribute('href', '/register');
    const releases = screen.getByRole('list', { name: 'New releases' });
    expect(
      within(releases)
        .getAllByRole('link')
        .map((a) => a.getAttribute('aria-label')),
    ).toEqual(['Newest Record', 'Quiet Hours']);
    expect(screen.getByRole('link', { name: 'All albums' })).toHaveAttribute('href', '/albums');
    const shelf = await screen.findByRole('list', { name: 'Popular this week' });
    expect(within(shelf).getByRole('listitem', { name: 'Everyone Plays This' })).toHaveTextContent('31 plays');
    expect(within(shelf).getByRole('listitem', { name: 'Once Only' })).toHaveTextContent('1 play');
  });

  it('greets a listener by name, with jump back in (albums and playlists) and what they played last', async () => {
    actions.signIn(auth);
    const playSongs = vi.spyOn(playerActions, 'playSongs').mockResolvedValue(undefined);
    renderHome({ popular, mine });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(/^Good (morning|afternoon|evening), lena$/);
    const jump = await screen.findByRole('list', { name: 'Jump back in' });
    expect(within(jump).getByRole('link', { name: 'Quiet Hours' })).toHaveAttribute('href', '/albums/album-1');
    expect(within(jump).getByRole('link', { name: 'Road trip' })).toHaveAttribute('href', '/playlists/Road%20trip');
    const recent = screen.getByRole('list', { name: 'Recently played' });
    await userEvent.click(within(recent).getByRole('button', { name: 'Play Last Heard' }));
    expect(playSongs.mock.calls[0]![0].map((x) => x.id)).toEqual(['song-7']);
  });

  it('says what will be there when nothing is yet: no albums, nothing played this week, no history', async () => {
    actions.signIn(auth);
    renderHome({
      popular: [],
      fresh: { page: 0, perPage: 12, pageCount: 0, count: 0, items: [] },
      mine: { recent: [], jumpBackIn: [] },
    });
    expect(
      await screen.findByText('Play something and it shows up here, so you can jump back in.'),
    ).toBeInTheDocument();
    expect(screen.getByText('No albums yet.')).toBeInTheDocument();
    expect(screen.getByText('Nothing has been played this week yet.')).toBeInTheDocument();
  });
});
