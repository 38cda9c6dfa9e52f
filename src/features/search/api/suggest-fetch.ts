import { suggestionsSchema, type Suggestions } from '@contract/listener-app';
import { apiRequest } from '@/lib/api-client';
import type { SuggestionOption } from './suggest';

/** Loaded on the first keystroke, so the header's box does not put the schemas on every first load. */
export function fetchSuggestions(q: string, signal: AbortSignal) {
  return apiRequest({ path: '/api/v1/music/suggest', query: { q }, schema: suggestionsSchema, signal });
}

/** The suggestions as one list of options in display order (the arrow keys walk it). */
export function toOptions(s: Suggestions): SuggestionOption[] {
  return [
    ...s.songs.map((x) => ({
      id: `song-${x.id}`,
      group: 'Songs' as const,
      label: x.name,
      detail: `${x.artist} · ${x.albumName}`,
      to: `/albums/${x.albumId}?song=${x.id}`,
      image: x.artworkImage,
    })),
    ...s.albums.map((x) => ({
      id: `album-${x.id}`,
      group: 'Albums' as const,
      label: x.name,
      detail: x.artist,
      to: `/albums/${x.id}`,
      image: x.artworkImage,
    })),
    ...s.artists.map((x) => ({
      id: `artist-${x.id}`,
      group: 'Artists' as const,
      label: x.name,
      detail: 'Artist',
      to: `/artists/${x.id}`,
      image: x.pictureUrl,
    })),
    ...s.genres.map((g) => ({
      id: `genre-${g}`,
      group: 'Genres' as const,
      label: g,
      detail: 'Genre',
      to: `/search?genre=${encodeURIComponent(g)}`,
    })),
  ];
}
