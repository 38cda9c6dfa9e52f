import { queryOptions } from '@tanstack/react-query';
import { artistMeSchema, encodingJobListSchema, soundlinksConfigSchema } from '@contract/encoding';
import { apiRequest, type SessionAuth } from '@/lib/api-client';
import { computePeaks } from '../lib/peaks';
import { nextPoll } from '../lib/poll';

const WAVEFORM_BINS = 160;

type Auth = SessionAuth;

export const encodingQueries = {
  all: () => ['encoding'] as const,
  mine: (auth: Auth) => [...encodingQueries.all(), auth.id] as const,
  /** whether the signed-in user has an artist profile (the nav and the dashboard ask) */
  me: (auth: Auth) =>
    queryOptions({
      queryKey: [...encodingQueries.mine(auth), 'me'] as const,
      queryFn: ({ signal }) => apiRequest({ path: '/api/v1/artist/me', schema: artistMeSchema, auth, signal }),
      staleTime: 5 * 60_000,
      meta: { private: true },
    }),
  /** where Soundlinks requests go (this server's /v3/sl; it relays to an external service if one is set) */
  config: () =>
    queryOptions({
      queryKey: [...encodingQueries.all(), 'config'] as const,
      queryFn: ({ signal }) =>
        apiRequest({ path: '/api/v1/soundlinks/config', schema: soundlinksConfigSchema, signal }),
      staleTime: Infinity,
    }),
  /** The artist's jobs, kept by the server; polled with backoff while any of them can still change. */
  jobs: (auth: Auth) =>
    queryOptions({
      queryKey: [...encodingQueries.mine(auth), 'jobs'] as const,
      queryFn: ({ signal }) =>
        apiRequest({ path: '/api/v1/artist/encodings', schema: encodingJobListSchema, auth, signal }),
      staleTime: 0,
      refetchInterval: (query) => nextPoll(query.state.data ?? [], Date.now()),
      meta: { private: true },
    }),
  /** A file's waveform, decoded in the browser (an offline context plays nothing and needs no click). */
  peaks: (url: string) =>
    queryOptions({
      queryKey: [...encodingQueries.all(), 'peaks', url.split('?')[0]] as const,
      queryFn: async ({ signal }) => {
        const res = await fetch(url, { signal });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        const audio = await new OfflineAudioContext(1, 1, 44100).decodeAudioData(await res.arrayBuffer());
        return computePeaks(audio.getChannelData(0), WAVEFORM_BINS);
      },
      staleTime: Infinity,
      retry: false,
    }),
};
