import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { encodingJobListSchema } from '@contract/encoding';
import {
  artistProfileStateSchema,
  priceRulesSchema,
  releaseAlbumListSchema,
  releaseAlbumSchema,
  type ReleaseAlbum,
} from '@contract/release';
import { apiRequest, type SessionAuth } from '@/lib/api-client';

type Auth = SessionAuth;

/** A track whose encoding can still change: the editor asks again until it settles. */
const pending = (a: ReleaseAlbum | undefined) =>
  a?.tracks.some((t) => t.encodingId && t.encodingStatus !== 'complete' && t.encodingStatus !== 'failed') ?? false;

export const releaseQueries = {
  all: () => ['releases'] as const,
  mine: (auth: Auth) => [...releaseQueries.all(), auth.id] as const,
  /** the signed-in user's artist profile (or null) and whether they may create one */
  profile: (auth: Auth) =>
    queryOptions({
      queryKey: [...releaseQueries.mine(auth), 'profile'] as const,
      queryFn: ({ signal }) =>
        apiRequest({ path: '/api/v1/artist/profile', schema: artistProfileStateSchema, auth, signal }),
      staleTime: 60_000,
      meta: { private: true },
    }),
  albums: (auth: Auth) =>
    queryOptions({
      queryKey: [...releaseQueries.mine(auth), 'albums'] as const,
      queryFn: ({ signal }) =>
        apiRequest({ path: '/api/v1/artist/albums', schema: releaseAlbumListSchema, auth, signal }),
      staleTime: 5_000,
      meta: { private: true },
    }),
  album: (auth: Auth, id: string) =>
    queryOptions({
      queryKey: [...releaseQueries.mine(auth), 'album', id] as const,
      queryFn: ({ signal }) =>
        apiRequest({ path: `/api/v1/artist/albums/${id}`, schema: releaseAlbumSchema, auth, signal }),
      staleTime: 2_000,
      refetchInterval: (q) => (pending(q.state.data) ? 2_000 : false),
      meta: { private: true },
    }),
  /** completed encodings a track can take its audio from */
  encodings: (auth: Auth) =>
    queryOptions({
      queryKey: [...releaseQueries.mine(auth), 'encodings'] as const,
      queryFn: ({ signal }) =>
        apiRequest({ path: '/api/v1/artist/encodings', schema: encodingJobListSchema, auth, signal }),
      staleTime: 5_000,
      meta: { private: true },
    }),
  priceRules: (auth: Auth) =>
    queryOptions({
      queryKey: [...releaseQueries.mine(auth), 'price-rules'] as const,
      queryFn: ({ signal }) =>
        apiRequest({ path: '/api/v1/artist/price-rules', schema: priceRulesSchema, auth, signal }),
      staleTime: Infinity,
      meta: { private: true },
    }),
};

export const emptySchema = z.object({}).passthrough();
