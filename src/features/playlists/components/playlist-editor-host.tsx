import { usePlaylistEditor, usePlaylistSync } from '../api/mutations';
import type { PlaylistAuth } from '../api/queries';
import { editorActions, useConflicts, useEditorMessage, useSaving } from '../store';
import { ConflictDialog } from './conflict-dialog';

/**
 * Mounted once for a signed-in listener (in the layout): tells what happened to playlist edits made
 * anywhere in the app (saved, merged, undone and why) and asks about edits that conflict.
 */
export function PlaylistEditorHost({ auth }: { auth: PlaylistAuth }) {
  usePlaylistSync(auth);
  const { resolve } = usePlaylistEditor(auth);
  const conflicts = useConflicts();
  const message = useEditorMessage();
  const saving = useSaving();
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
      {conflicts.length ? (
        <ConflictDialog
          key={conflicts.map((c) => c.names.join('/')).join('|')}
          conflicts={conflicts}
          onResolve={resolve}
        />
      ) : null}
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
