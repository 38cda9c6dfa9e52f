import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Credentials } from '@contract/account';
import {
  myArtistProfileSchema,
  releaseAlbumSchema,
  type CreateArtistProfile,
  type ReleaseAlbum,
  type TrackFields,
  type UpdateArtistProfile,
} from '@contract/release';
import { apiRequest } from '@/lib/api-client';
import { emptySchema, releaseQueries } from './queries';

type AlbumPatch = Partial<Pick<ReleaseAlbum, 'name' | 'description' | 'releaseDate' | 'isSingle'>>;
export type TrackPatch = Partial<TrackFields>;

/** Reads a picture as base64, as the image endpoints take it. */
export async function blobToBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export const releaseApi = {
  createAlbum: (auth: Credentials, body: AlbumPatch) =>
    apiRequest({ method: 'POST', path: '/api/v1/artist/albums', body, schema: releaseAlbumSchema, auth }),
  patchAlbum: (auth: Credentials, id: string, body: AlbumPatch) =>
    apiRequest({ method: 'PATCH', path: `/api/v1/artist/albums/${id}`, body, schema: releaseAlbumSchema, auth }),
  artwork: async (auth: Credentials, id: string, image: Blob) =>
    apiRequest({
      method: 'PUT',
      path: `/api/v1/artist/albums/${id}/artwork`,
      body: { image: await blobToBase64(image) },
      schema: releaseAlbumSchema,
      auth,
    }),
  addTrack: (auth: Credentials, id: string, body: TrackPatch) =>
    apiRequest({ method: 'POST', path: `/api/v1/artist/albums/${id}/tracks`, body, schema: releaseAlbumSchema, auth }),
  patchTrack: (auth: Credentials, id: string, trackId: string, body: TrackPatch) =>
    apiRequest({
      method: 'PATCH',
      path: `/api/v1/artist/albums/${id}/tracks/${trackId}`,
      body,
      schema: releaseAlbumSchema,
      auth,
    }),
};

/** Every change to an album answers the whole album: the cache takes it as is. */
function useAlbumMutation<V>(auth: Credentials, fn: (v: V) => Promise<ReleaseAlbum>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (album) => {
      client.setQueryData(releaseQueries.album(auth, album.id).queryKey, album);
      void client.invalidateQueries({ queryKey: releaseQueries.albums(auth).queryKey });
    },
  });
}

export const usePatchAlbum = (auth: Credentials, id: string) =>
  useAlbumMutation(auth, (body: AlbumPatch) => releaseApi.patchAlbum(auth, id, body));
export const useArtwork = (auth: Credentials, id: string) =>
  useAlbumMutation(auth, (image: Blob) => releaseApi.artwork(auth, id, image));
export const useAddTrack = (auth: Credentials, id: string) =>
  useAlbumMutation(auth, (body: TrackPatch) => releaseApi.addTrack(auth, id, body));
export const usePatchTrack = (auth: Credentials, id: string, trackId: string) =>
  useAlbumMutation(auth, (body: TrackPatch) => releaseApi.patchTrack(auth, id, trackId, body));
export const useRemoveTrack = (auth: Credentials, id: string) =>
  useAlbumMutation(auth, (trackId: string) =>
    apiRequest({
      method: 'DELETE',
      path: `/api/v1/artist/albums/${id}/tracks/${trackId}`,
      schema: releaseAlbumSchema,
      auth,
    }),
  );
export const useRelease = (auth: Credentials, id: string) =>
  useAlbumMutation(auth, (at: string | null) =>
    apiRequest({
      method: 'POST',
      path: `/api/v1/artist/albums/${id}/release`,
      body: at ? { at } : {},
      schema: releaseAlbumSchema,
      auth,
    }),
  );
export const useTakeDown = (auth: Credentials, id: string) =>
  useAlbumMutation(auth, () =>
    apiRequest({ method: 'POST', path: `/api/v1/artist/albums/${id}/takedown`, schema: releaseAlbumSchema, auth }),
  );

export function useDeleteDraft(auth: Credentials) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest({ method: 'DELETE', path: `/api/v1/artist/albums/${id}`, schema: emptySchema, auth }),
    onSettled: () => client.invalidateQueries({ queryKey: releaseQueries.albums(auth).queryKey }),
  });
}

/** Creating or editing the profile changes who is an artist: `onSaved` lets the app tell the rest. */
export function useSaveProfile(auth: Credentials, exists: boolean, onSaved?: () => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateArtistProfile | UpdateArtistProfile) =>
      apiRequest({
        method: exists ? 'PATCH' : 'POST',
        path: '/api/v1/artist/profile',
        body,
        schema: myArtistProfileSchema,
        auth,
      }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: releaseQueries.profile(auth).queryKey });
      onSaved?.();
    },
  });
}

export function usePicture(auth: Credentials) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (image: Blob) =>
      apiRequest({
        method: 'PUT',
        path: '/api/v1/artist/profile/picture',
        body: { image: await blobToBase64(image) },
        schema: myArtistProfileSchema,
        auth,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: releaseQueries.profile(auth).queryKey }),
  });
}
