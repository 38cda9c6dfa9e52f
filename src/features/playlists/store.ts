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
  set: (patch: Partial<EditorState>): void => useEditorStore.setState(patch),
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
