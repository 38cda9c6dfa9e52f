import { useMutation } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Credentials } from '@contract/account';
import { verifyUpload } from '../api/mutations';
import { useUpload } from '../api/use-upload';
import { FileDrop } from './file-drop';
import { changeText } from '../lib/change-text';

/** Drop any file: the server reads it and says whether it carries a Soundlinks mark, and which ID. */
export function VerifyTool({ auth }: { auth: Credentials }) {
  const verify = useMutation({ mutationFn: (uploadId: string) => verifyUpload(auth, uploadId) });
  const { mutate, reset } = verify;
  const onDone = useCallback((uploadId: string) => mutate(uploadId), [mutate]);
  const upload = useUpload(auth, 'verify', onDone);
  const r = verify.data;
  return (
    <section aria-labelledby="verify-title" className="rounded-xl border border-slate-200 p-4 dark:border-slate-800">
      <h2 id="verify-title" className="mb-2 text-xl font-semibold">
        Verify a file
      </h2>
      <FileDrop
        label="Choose a file to verify"
        hint="Drop any song here to check whether it carries a Soundlinks mark."
        state={upload.state}
        onFile={(f) => {
          reset();
          upload.start(f);
        }}
        onCancel={upload.cancel}
      />
      <div aria-live="polite" className="mt-3">
        {verify.isPending ? <p>Listening for a mark…</p> : null}
        {verify.isError ? (
          <p role="alert" className="text-red-700 dark:text-red-400">
            {verify.error.message}
          </p>
        ) : null}
        {r ? (
          r.found ? (
            <p role="status" className="font-medium">
              Mark found: ID <code className="font-mono">{r.id}</code> (confidence{' '}
              {Math.round((r.confidence ?? 0) * 100)}%)
              {r.jobId ? ', from one of your encodings.' : '.'}
              {r.factor && r.factor.change !== 'none' ? ` Read through a ${changeText(r.factor)}.` : null}
            </p>
          ) : (
            <p role="status" className="font-medium">
              No Soundlinks mark found in this file ({r.seconds} s listened to).
            </p>
          )
        ) : null}
      </div>
    </section>
  );
}
