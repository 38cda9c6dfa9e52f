import { create } from 'zustand';

/** The last thing worth telling about playlist edits: saved, merged, refused and why. */
export interface MessageState {
  message: { kind: 'info' | 'error'; text: string; id: number } | null;
}

const useMessageStore = create<MessageState>()(() => ({ message: null }));
let messageId = 0;
const INFO_MS = 8000;

export const editorActions = {
  /** errors stay until dismissed; news goes away by itself after a while */
  tell(kind: 'info' | 'error', text: string): void {
    const id = ++messageId;
    useMessageStore.setState({ message: { kind, text, id } });
    if (kind === 'info') {
      setTimeout(() => {
        if (useMessageStore.getState().message?.id === id) useMessageStore.setState({ message: null });
      }, INFO_MS);
    }
  },
  dismiss(): void {
    useMessageStore.setState({ message: null });
  },
};

export const useEditorMessage = () => useMessageStore((s) => s.message);
