import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { catalogQueries } from './queries';

/** Loads an album and its tracks ahead of a click (hover or focus on a link to it). */
export function usePrefetchAlbum(): (albumId: string) => void {
  const client = useQueryClient();
  return useCallback(
    (albumId: string) => {
      void client.prefetchQuery(catalogQueries.album(albumId));
      void client.prefetchQuery(catalogQueries.albumSongs(albumId));
    },
    [client],
  );
}
