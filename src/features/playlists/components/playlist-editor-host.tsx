import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { listenToOtherTabs, useSavingAny } from '../api/edits';
import type { PlaylistAuth } from '../api/resources';
import { editorActions, useEditorMessage } from '../store';
import { DuplicateDialog } from './duplicate-dialog';

/**
 * Mounted once for a signed-in listener (in the layout): tells what happened to playlist edits made
 * anywhere in the app (saved, merged, refused and why), asks before adding a song twice, and follows
 * other tabs' saves.
 */
export function PlaylistEditorHost({ auth }: { auth: PlaylistAuth }) {
  const client = useQueryClient();
  useEffect(() => listenToOtherTabs(client, auth.id), [client, auth.id]);
  const message = useEditorMessage();
  const saving = useSavingAny();
  return (
    <>
      {/* above the player bar when it shows (it is fixed at the bottom too) */}
      <div className="fixed bottom-[calc(var(--player-inset,0px)+1rem)] left-4 z-30 max-w-md space-y-2">
        <p role="status" className="sr-only">
          {saving ? 'Saving playlists…' : ''}
        </p>
        {/* An alert is announced when it appears; an empty one would only be noise. */}
        {message?.kind === 'error' ? (
          <div role="alert" key={message.id}>
            <MessageCard text={message.text} error />
          </div>
        ) : null}
        <div role="status" aria-live="polite">
          {message?.kind === 'info' ? <MessageCard text={message.text} /> : null}
        </div>
      </div>
      <DuplicateDialog />
    </>
  );
}

function MessageCard({ text, error = false }: { text: string; error?: boolean }) {
  return (
    <div
      className={`flex items-start gap-3 rounded-lg border p-3 text-sm shadow-lg ${
        error
          ? 'border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100'
          : 'border-slate-300 bg-white text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100'
      }`}
    >
      <p className="flex-1">{text}</p>
      <button
        type="button"
        onClick={() => editorActions.dismiss()}
        aria-label="Dismiss message"
        className="rounded px-1 font-semibold"
      >
        ×
      </button>
    </div>
  );
}
