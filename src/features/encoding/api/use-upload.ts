import { useCallback, useRef, useState } from 'react';
import type { Credentials } from '@contract/account';
import { checkAudioFile } from '../lib/file-check';
import { uploadFile } from './mutations';

export type UploadState =
  | { phase: 'idle' }
  | { phase: 'uploading'; name: string; loaded: number; total: number }
  | { phase: 'done'; name: string; total: number; uploadId: string }
  | { phase: 'cancelled'; name: string }
  | { phase: 'error'; name: string; message: string };

/** One upload at a time, with progress and cancel; the file is checked before anything is sent. */
export function useUpload(auth: Credentials, purpose: 'encode' | 'verify', onDone: (uploadId: string) => void) {
  const [state, setState] = useState<UploadState>({ phase: 'idle' });
  const controller = useRef<AbortController | null>(null);

  const start = useCallback(
    (file: File) => {
      const problem = checkAudioFile(file);
      if (problem) return setState({ phase: 'error', name: file.name, message: problem });
      controller.current?.abort();
      const c = new AbortController();
      controller.current = c;
      setState({ phase: 'uploading', name: file.name, loaded: 0, total: file.size });
      uploadFile(auth, file, purpose, (p) => setState({ phase: 'uploading', name: file.name, ...p }), c.signal).then(
        (uploadId) => {
          setState({ phase: 'done', name: file.name, total: file.size, uploadId });
          onDone(uploadId);
        },
        (err: unknown) => {
          if ((err as Error).name === 'AbortError') setState({ phase: 'cancelled', name: file.name });
          else setState({ phase: 'error', name: file.name, message: (err as Error).message });
        },
      );
    },
    [auth, purpose, onDone],
  );
  const cancel = useCallback(() => controller.current?.abort(), []);
  return { state, start, cancel };
}
