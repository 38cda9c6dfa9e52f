import { create } from 'zustand';
import type { PlaylistDoc, PlaylistOp } from './lib/document';
import type { MergeConflict } from './lib/merge';

/**
 * Edits not yet confirmed by the server, on top of the version they were made on (base). What the
 * pages show is base + pending: an edit appears at once and is saved in the background.
 */
export interface EditorState {
  userId: string | null;
  /** the server's version the pending edits apply to, and when it was received */
  base: { doc: PlaylistDoc; etag: string | null; at: number } | null;
  pending: PlaylistOp[];
  saving: boolean;
  /** a merge asked the person: saving waits for their choice */
  conflicts: MergeConflict[];
  /** the last thing worth telling: saved, merged, undone */
  message: { kind: 'info' | 'error'; text: string; id: number } | null;
}

const initial: EditorState = { userId: null, base: null, pending: [], saving: false, conflicts: [], message: null };
const useEditorStore = create<EditorState>()(() => initial);
let messageId = 0;
const INFO_MS = 8000;

export const editorActions = {
  get: (): EditorState => useEditorStore.getState(),
  /** a version of the server's became the base the pending edits apply to */
  baseReceived(base: NonNullable<EditorState['base']>): void {
    useEditorStore.setState({ base });
  },
  /** an edit made on `base` (kept as the base when there was none yet) */
  edited(op: PlaylistOp, base: NonNullable<EditorState['base']>): void {
    const st = useEditorStore.getState();
    useEditorStore.setState({ base: st.base ?? base, pending: [...st.pending, op] });
  },
  saveStarted(): void {
    useEditorStore.setState({ saving: true });
  },
  /** the first `count` pending edits were saved as `base` */
  saved(base: NonNullable<EditorState['base']>, count: number): void {
    useEditorStore.setState({ base, pending: useEditorStore.getState().pending.slice(count) });
  },
  saveEnded(): void {
    useEditorStore.setState({ saving: false });
  },
  /** the edits were replayed on the server's newer version (some may wait for the person's choice) */
  rebased(base: NonNullable<EditorState['base']>, pending: PlaylistOp[], conflicts: MergeConflict[] = []): void {
    useEditorStore.setState({ base, pending, conflicts });
  },
  /** edits that failed were dropped: these are the ones kept */
  rolledBack(kept: PlaylistOp[]): void {
    useEditorStore.setState({ pending: kept });
  },
  /** the person chose how to settle the conflicts: the ops that do it are added */
  resolved(extra: PlaylistOp[]): void {
    useEditorStore.setState({ pending: [...useEditorStore.getState().pending, ...extra], conflicts: [] });
  },
  /** another user signed in: nothing of the previous one's edits may leak into their document */
  forUser(userId: string): void {
    if (useEditorStore.getState().userId !== userId) useEditorStore.setState({ ...initial, userId });
  },
  /** errors stay until dismissed; news goes away by itself after a while */
  tell(kind: 'info' | 'error', text: string): void {
    const id = ++messageId;
    useEditorStore.setState({ message: { kind, text, id } });
    if (kind === 'info') {
      setTimeout(() => {
        if (useEditorStore.getState().message?.id === id) useEditorStore.setState({ message: null });
      }, INFO_MS);
    }
  },
  dismiss(): void {
    useEditorStore.setState({ message: null });
  },
};

export const usePending = () => useEditorStore((s) => s.pending);
export const useEditorBase = () => useEditorStore((s) => s.base);
export const useSaving = () => useEditorStore((s) => s.saving || s.pending.length > 0);
export const useConflicts = () => useEditorStore((s) => s.conflicts);
export const useEditorMessage = () => useEditorStore((s) => s.message);
