import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import type { Album, LibrarySong, Song } from '@contract/catalog';

/** Test data and a harness for the listening pages' component tests (not shipped: only tests import it). */
export const album: Album = {
  id: 'album-1',
  name: 'Quiet Hours',
  description: 'Late songs.',
  songCount: 2,
  artworkImage: null,
  artistProfileID: 'artist-1',
  artist: 'Ivory Lane',
  releaseDate: '2024-05-01T00:00:00Z',
  gateTokens: [],
};

export const track = (n: number, name: string, extra: Partial<Song> = {}): Song => ({
  id: `song-${n}`,
  name,
  tokens: [],
  description: '',
  performers: '',
  composers: '',
  releaseDate: null,
  lyrics: '',
  credits: '',
  copyright: '',
  ownership: '',
  usageRights: '',
  usageProhbitions: '',
  bitcoinAddress: '',
  other: '',
  artist: 'Ivory Lane',
  artistProfileId: 'artist-1',
  albumId: album.id,
  trackNumber: n,
  durationSec: 185,
  publicStreamable: true,
  priceFloat: 1,
  priceSat: 100_000_000,
  ...extra,
});

export const librarySong = (id: string, name: string, extra: Partial<LibrarySong> = {}): LibrarySong => ({
  id,
  name,
  tags: '',
  tagsArray: [],
  genre: 'Jazz',
  releaseDate: null,
  artist: 'Ivory Lane',
  artistProfileId: 'artist-1',
  description: '',
  isTokenlyMusic: true,
  publicStreamable: true,
  tokens: [],
  albumName: album.name,
  albumId: album.id,
  artworkImage: null,
  isSingle: false,
  durationSec: 200,
  priceFloat: 1,
  priceSat: 100_000_000,
  ...extra,
});

function Where() {
  const l = useLocation();
  return <p data-testid="location">{l.pathname}</p>;
}

/** Renders `page` at `path` (matched by `route`) with query answers already known: nothing is fetched. */
export function renderPage(
  page: ReactNode,
  opts: { path: string; route: string; data: [readonly unknown[], unknown][] },
) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  for (const [key, value] of opts.data) client.setQueryData(key, value);
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[opts.path]}>
        <Routes>
          <Route path={opts.route} element={page} />
          <Route path="*" element={null} />
        </Routes>
        <Where />
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return { client, location: () => screen.getByTestId('location').textContent };
}
