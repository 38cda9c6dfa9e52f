import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo } from 'react';
import { create } from 'zustand';
import type { PlaylistOp } from '@contract/playlists';
import { ApiError } from '@/lib/api-error';
import { applyLocal, type Shown } from '../lib/entries';
import { editorActions } from '../store';
import { postOps, resourceQueries, type PlaylistAuth } from './resources';

interface Pending {
  op: PlaylistOp;
  /** the version of the playlist the op was made on */
  base: number;
}
interface QueueState {
  pending: Record<string, Pending[]>;
  sending: Record<string, boolean>;
}
const useQueue = create<QueueState>()(() => ({ pending: {}, sending: {} }));
const setFor = (id: string, pending: Pending[]) =>
  useQueue.setState((s) => ({ pending: { ...s.pending, [id]: pending } }));

export const useSavingAny = () =>
  useQueue((s) => Object.values(s.pending).some((p) => p.length > 0) || Object.values(s.sending).some(Boolean));

// Tabs of one browser tell each other at once; other devices follow by looking again every few seconds.
export const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('tokenly.playlists');
export function listenToOtherTabs(client: QueryClient, userId: string): () => void {
  const onMessage = (e: MessageEvent<{ userId?: string }>) => {
    if (e.data.userId === userId) void client.invalidateQueries({ queryKey: resourceQueries.all() });
  };
  channel?.addEventListener('message', onMessage);
  return () => channel?.removeEventListener('message', onMessage);
}

/**
 * Sends the playlist's pending ops, oldest first, each batch with the version it was made on; the
 * server merges them with what happened since. The ops stay shown until the playlist fetched after
 * the save has them, so nothing jumps back. A refusal (409) drops those ops and says why.
 */
async function flush(auth: PlaylistAuth, id: string, client: QueryClient): Promise<void> {
  const st = useQueue.getState();
  const queue = st.pending[id] ?? [];
  if (st.sending[id] || queue.length === 0) return;
  const base = queue[0]!.base;
  const batch = queue.filter((p) => p.base === base);
  useQueue.setState((s) => ({ sending: { ...s.sending, [id]: true } }));
  try {
    const r = await postOps(
      auth,
      id,
      base,
      batch.map((p) => p.op),
    );
    const key = resourceQueries.detail(auth, id).queryKey;
    const cached = client.getQueryData(key);
    if (!r.merged && cached?.version === base && batch.every((p) => p.op.op !== 'insert')) {
      // Nothing happened elsewhere: the server's playlist is ours with these ops applied, so
      // thousands of songs need not be fetched again.
      let shown: Shown = cached;
      for (const p of batch) shown = applyLocal(shown, p.op, () => -1);
      client.setQueryData(key, {
        ...cached,
        ...shown,
        entries: [...shown.entries],
        songCount: shown.entries.length,
        version: r.version,
      });
    } else {
      await client.refetchQueries({ queryKey: key });
    }
    if (r.merged) editorActions.tell('info', 'This playlist was also changed elsewhere: both sets of edits were kept.');
    channel?.postMessage({ userId: auth.id });
  } catch (err) {
    editorActions.tell('error', err instanceof ApiError ? err.message : 'The playlist could not be saved.');
    await client.refetchQueries({ queryKey: resourceQueries.detail(auth, id).queryKey });
  } finally {
    setFor(
      id,
      (useQueue.getState().pending[id] ?? []).filter((p) => !batch.includes(p)),
    );
    useQueue.setState((s) => ({ sending: { ...s.sending, [id]: false } }));
    void client.invalidateQueries({ queryKey: resourceQueries.mine(auth).queryKey });
  }
  void flush(auth, id, client);
}

/** One of the listener's playlists as shown (saved + pending edits), and the way to edit it. */
export function usePlaylistEdits(auth: PlaylistAuth, id: string) {
  const client = useQueryClient();
  const query = useQuery(resourceQueries.detail(auth, id));
  const pending = useQueue((s) => s.pending[id]);
  // Another tab or device changed it (its version in the list moved on): fetch it again.
  const listed = useQuery(resourceQueries.mine(auth)).data?.playlists.find((p) => p.id === id)?.version;
  const version = query.data?.version;
  useEffect(() => {
    const st = useQueue.getState();
    if (listed === undefined || version === undefined || listed <= version) return;
    if (st.sending[id] || (st.pending[id]?.length ?? 0) > 0) return;
    void client.invalidateQueries({ queryKey: resourceQueries.detail(auth, id).queryKey });
  }, [listed, version, auth, id, client]);
  const shown = useMemo((): Shown | undefined => {
    const d = query.data;
    if (!d) return undefined;
    let temp = -1;
    return (pending ?? []).reduce((s, p) => applyLocal(s, p.op, () => temp--), {
      name: d.name,
      description: d.description,
      entries: d.entries,
    } as Shown);
  }, [query.data, pending]);

  const edit = useCallback(
    (op: PlaylistOp) => {
      const version = client.getQueryData(resourceQueries.detail(auth, id).queryKey)?.version;
      if (version === undefined) return;
      setFor(id, [...(useQueue.getState().pending[id] ?? []), { op, base: version }]);
      void flush(auth, id, client);
    },
    [auth, id, client],
  );
  return { query, shown, edit };
}
