import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LibrarySong } from '@contract/catalog';
import type { PlaylistSummary } from '@contract/playlists';
import { PlaylistView } from './playlist-view';

/** The page's wiring for the player: what the lead connects after the player lands. */
const song = (id: string, name: string): LibrarySong => ({
  id,
  name,
  tags: '',
  tagsArray: [],
  genre: 'Pop',
  releaseDate: null,
  artist: 'Someone',
  artistProfileId: null,
  description: '',
  isTokenlyMusic: true,
  publicStreamable: true,
  tokens: [],
  albumName: 'An Album',
  albumId: 'album-1',
  artworkImage: null,
  isSingle: false,
  durationSec: 61,
  priceFloat: 1,
  priceSat: 100_000_000,
});

const catalog = [song('s1', 'First'), song('s3', 'Third')];
const summary: PlaylistSummary = {
  id: '6f1d2c8e-0000-4000-8000-000000000001',
  name: 'Mix',
  description: 'Songs for the road',
  coverImage: null,
  mosaic: [],
  songCount: 3,
  durationSec: 122,
  visibility: 'private',
  shareToken: null,
  owner: 'viewer',
  version: 4,
  createdAt: '2026-01-01T00:00:00+0000',
  updatedAt: '2026-01-01T00:00:00+0000',
};

beforeEach(() => {
  vi.stubGlobal('fetch', async (input: string) => {
    const url = new URL(input);
    const json = (body: unknown, headers: Record<string, string> = {}) =>
      new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json', ...headers } });
    if (url.pathname === '/api/v1/me/playlists') return json({ playlists: [summary], following: [] });
    if (url.pathname === `/api/v1/me/playlists/${summary.id}`) {
      const ids = ['s1', 'gone', 's3'];
      return json({ ...summary, entries: ids.map((songId, key) => ({ key, songId })), songs: catalog, mine: true });
    }
    return new Response('{}', { status: 404 });
  });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

let userN = 0;
function renderView(props: Partial<Parameters<typeof PlaylistView>[0]>) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const auth = { id: `viewer-${++userN}`, apiToken: 'T', apiSecretKey: 'K' };
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <PlaylistView
          auth={auth}
          idOrName={summary.id}
          onFound={() => undefined}
          onCopied={() => undefined}
          onDeleted={() => undefined}
          {...props}
        />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('PlaylistView and the player', () => {
  it('plays the available songs (unavailable ones skipped, not dropped) and enqueues them', async () => {
    const onPlay = vi.fn();
    const onEnqueue = vi.fn();
    renderView({ onPlay, onEnqueue });
    await screen.findByText('Third');
    const rows = within(screen.getByRole('list', { name: 'Playlist songs' })).getAllByRole('listitem');
    expect(rows.map((r) => r.getAttribute('aria-label'))).toEqual(['First', 'Unavailable song', 'Third']);
    expect(within(rows[1]!).getByText('No longer in the catalog')).toBeInTheDocument();
    expect(screen.getByText('3 songs · 2:02 · 1 unavailable')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Play' }));
    expect(onPlay).toHaveBeenLastCalledWith(catalog, 0);
    await userEvent.click(screen.getByRole('button', { name: 'Play Third' }));
    expect(onPlay).toHaveBeenLastCalledWith(catalog, 1);
    await userEvent.click(screen.getByRole('button', { name: 'Add to queue' }));
    expect(onEnqueue).toHaveBeenCalledWith(catalog);
    await userEvent.click(screen.getByRole('button', { name: 'Shuffle' }));
    expect(onPlay.mock.lastCall![0]).toHaveLength(2);
    expect(screen.getByText('Songs for the road')).toBeInTheDocument();
  });

  it('shows no play controls until the player is wired', async () => {
    renderView({});
    await screen.findByText('Third');
    expect(screen.queryByRole('button', { name: /^Play/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add to queue' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Rename' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Upload cover' })).toBeInTheDocument();
  });
});
