import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo } from 'react';
import { idResponseSchema } from '../../../../contract/account';
import { apiRequest } from '../../../lib/api-client';
import { ApiError } from '../../../lib/api-error';
import {
  applyOp,
  applyOps,
  opProblem,
  sameDoc,
  sizeProblem,
  toWire,
  type PlaylistDoc,
  type PlaylistOp,
} from '../lib/document';
import { rebase, resolutionOps, type ConflictChoice } from '../lib/merge';
import { editorActions, useEditorBase, usePending } from '../store';
import { fetchPlaylists, playlistQueries, type PlaylistAuth, type StoredPlaylists } from './queries';

/** Replaces the whole document, only if it is still the version we edited (If-Match → 412). */
export async function savePlaylists(auth: PlaylistAuth, doc: PlaylistDoc, etag: string | null): Promise<string | null> {
  let saved: string | null = null;
  await apiRequest({
    method: 'PUT',
    path: '/api/v1/playlists',
    body: toWire(doc),
    schema: idResponseSchema,
    auth,
    headers: etag ? { 'If-Match': etag } : {},
    onHeaders: (h) => (saved = h.get('etag')),
  });
  return saved;
}

// Tabs of one browser tell each other about a save, so that they reload before editing further.
const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('tokenly.playlists');

function reason(err: unknown): string {
  return err instanceof ApiError ? err.message : 'Something went wrong.';
}

/** The first `count` pending ops failed: drop them, and any later op that no longer applies. */
function rollBack(count: number, err: unknown): void {
  const { base, pending } = editorActions.get();
  let doc = base?.doc ?? [];
  const kept: PlaylistOp[] = [];
  for (const op of pending.slice(count)) {
    if (opProblem(doc, op)) continue;
    kept.push(op);
    doc = applyOp(doc, op);
  }
  editorActions.rolledBack(kept);
  const what = count === 1 ? 'Your last change was' : `Your last ${count} changes were`;
  editorActions.tell('error', `Your playlists could not be saved (${reason(err)}). ${what} undone.`);
}

async function mergeAfterConflict(auth: PlaylistAuth, client: QueryClient, base: { doc: PlaylistDoc }): Promise<void> {
  let remote: StoredPlaylists;
  try {
    remote = await fetchPlaylists(auth);
  } catch (err) {
    rollBack(editorActions.get().pending.length, err);
    return;
  }
  const merged = rebase(base.doc, editorActions.get().pending, remote.doc);
  const fresh = { ...remote, at: Date.now() };
  const tooBig = sizeProblem(applyOps(remote.doc, merged.ops));
  if (tooBig) {
    editorActions.rebased(fresh, []);
    client.setQueryData(playlistQueries.document(auth).queryKey, remote);
    editorActions.tell(
      'error',
      `Your playlists were changed in another tab or device, and with your edits they would not fit: your edits were undone. ${tooBig}`,
    );
    return;
  }
  // Checked after the size: whatever the person then chooses, "keep the other version" fits.
  if (merged.conflicts.length) {
    editorActions.rebased(fresh, merged.ops, merged.conflicts);
    client.setQueryData(playlistQueries.document(auth).queryKey, remote);
    editorActions.tell('error', 'Your playlists were changed in another tab or device: choose what to keep.');
    return;
  }
  editorActions.rebased(fresh, merged.ops);
  client.setQueryData(playlistQueries.document(auth).queryKey, remote);
  if (!sameDoc(base.doc, remote.doc)) {
    editorActions.tell('info', 'Your playlists were changed in another tab or device: both sets of edits were kept.');
  }
}

/** Saves pending edits one batch at a time; a 412 merges with the server's version and goes on. */
async function flush(auth: PlaylistAuth, client: QueryClient): Promise<void> {
  const st = editorActions.get();
  if (st.saving || st.conflicts.length || st.pending.length === 0 || !st.base) return;
  const ops = st.pending;
  const base = st.base;
  const doc = applyOps(base.doc, ops);
  editorActions.saveStarted();
  try {
    // Never an unconditional write: without a version to name, fetch one and merge first.
    if (!base.etag) throw new ApiError(412, 'no version to save against');
    const etag = await savePlaylists(auth, doc, base.etag);
    // The editor's base is what the pages show from now on; the query follows once an older
    // fetch still in flight is cancelled, so that it cannot bring the old version back.
    editorActions.saved({ doc, etag, at: Date.now() }, ops.length);
    const key = playlistQueries.document(auth).queryKey;
    await client.cancelQueries({ queryKey: key });
    client.setQueryData(key, { doc, etag });
    channel?.postMessage({ userId: auth.id });
  } catch (err) {
    if (err instanceof ApiError && err.status === 412) await mergeAfterConflict(auth, client, base);
    else rollBack(ops.length, err);
  } finally {
    editorActions.saveEnded();
  }
  void flush(auth, client);
}

/**
 * The playlists as the person sees them (saved + pending edits) and the way to edit them. `edit`
 * refuses an op that does not fit (a taken name, over 4 KB) before anything is sent, and says why.
 */
export function usePlaylistEditor(auth: PlaylistAuth) {
  const client = useQueryClient();
  const query = useQuery(playlistQueries.document(auth));
  const base = useEditorBase();
  const pending = usePending();
  useEffect(() => editorActions.forUser(auth.id), [auth.id]);
  // A newer version fetched (another tab saved, the page came back into view) becomes the base,
  // unless edits are on their way: those are merged with it when their save meets a 412.
  const { data, dataUpdatedAt } = query;
  useEffect(() => {
    const st = editorActions.get();
    if (!data || st.pending.length || st.saving || st.userId !== auth.id) return;
    if (!st.base || dataUpdatedAt > st.base.at) editorActions.baseReceived({ ...data, at: dataUpdatedAt });
  }, [auth.id, data, dataUpdatedAt, pending.length]);

  const doc = useMemo(() => (base ? applyOps(base.doc, pending) : data?.doc), [pending, base, data]);

  const edit = useCallback(
    (op: PlaylistOp): string | null => {
      editorActions.forUser(auth.id);
      const st = editorActions.get();
      const stored = client.getQueryData(playlistQueries.document(auth).queryKey);
      const base = st.base ?? (stored ? { ...stored, at: Date.now() } : null);
      if (!base) return 'Your playlists have not loaded yet: try again in a moment.';
      const current = applyOps(base.doc, st.pending);
      const problem = opProblem(current, op) ?? sizeProblem(applyOp(current, op));
      if (problem) return problem;
      editorActions.edited(op, base);
      void flush(auth, client);
      return null;
    },
    [auth, client],
  );

  const resolve = useCallback(
    (choices: ConflictChoice[]): string | null => {
      const st = editorActions.get();
      if (!st.base) return null;
      let doc = applyOps(st.base.doc, st.pending);
      const extra: PlaylistOp[] = [];
      st.conflicts.forEach((c, i) => {
        const ops = resolutionOps(doc, c, choices[i] ?? 'both');
        doc = applyOps(doc, ops);
        extra.push(...ops);
      });
      const tooBig = sizeProblem(doc);
      if (tooBig) return tooBig;
      editorActions.resolved(extra);
      editorActions.tell('info', 'Your choices were applied and are being saved.');
      void flush(auth, client);
      return null;
    },
    [auth, client],
  );

  return { query, doc, edit, resolve };
}

/** Once per signed-in app: follow other tabs' saves, and warn before closing with unsaved edits. */
export function usePlaylistSync(auth: PlaylistAuth): void {
  const client = useQueryClient();
  useEffect(() => {
    const onMessage = (e: MessageEvent<{ userId?: string }>) => {
      if (e.data.userId === auth.id && editorActions.get().pending.length === 0) {
        void client.invalidateQueries({ queryKey: playlistQueries.document(auth).queryKey });
      }
    };
    const onUnload = (e: BeforeUnloadEvent) => {
      const st = editorActions.get();
      if (st.pending.length || st.conflicts.length) e.preventDefault();
    };
    channel?.addEventListener('message', onMessage);
    window.addEventListener('beforeunload', onUnload);
    return () => {
      channel?.removeEventListener('message', onMessage);
      window.removeEventListener('beforeunload', onUnload);
    };
  }, [auth, client]);
}
