import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { PLAYLIST_DESCRIPTION_MAX, type PlaylistSummary } from '@contract/playlists';
import { Dialog } from '@/components/ui/dialog';
import { ApiError } from '@/lib/api-error';
import { deletePlaylist, putCover, resourceQueries, type PlaylistAuth } from '../api/resources';
import { editorActions } from '../store';

const button =
  'min-h-11 rounded-md border border-slate-300 px-3 text-sm font-medium hover:bg-slate-100 sm:min-h-9 dark:border-slate-600 dark:hover:bg-slate-800';
const reason = (err: unknown) => (err instanceof ApiError ? err.message : 'Something went wrong.');

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(new Error('The file could not be read.'));
    r.readAsDataURL(file);
  });
}

/** Upload a cover (the server crops it square), or go back to the mosaic of album artwork. */
export function CoverButton({
  auth,
  playlist,
  className,
}: {
  auth: PlaylistAuth;
  playlist: Pick<PlaylistSummary, 'id' | 'coverImage'>;
  className: string;
}) {
  const client = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const send = async (image: string | null) => {
    setBusy(true);
    try {
      await putCover(auth, playlist.id, image);
      editorActions.tell('info', image ? 'The new cover is up.' : 'The cover is the albums’ artwork again.');
      await client.invalidateQueries({ queryKey: resourceQueries.all() });
    } catch (err) {
      editorActions.tell('error', `The cover was not changed. ${reason(err)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <input
        ref={input}
        type="file"
        accept="image/png,image/jpeg,image/webp,image/gif"
        className="sr-only"
        tabIndex={-1}
        aria-label="Cover image file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void readBase64(file).then(send, (err: Error) => editorActions.tell('error', err.message));
        }}
      />
      <button type="button" className={className} disabled={busy} onClick={() => input.current?.click()}>
        {busy ? 'Uploading…' : 'Upload cover'}
      </button>
      {playlist.coverImage ? (
        <button type="button" className={className} disabled={busy} onClick={() => void send(null)}>
          Remove cover
        </button>
      ) : null}
    </>
  );
}

export function DescriptionDialog(props: {
  open: boolean;
  initial: string;
  onClose: () => void;
  onSave: (description: string) => void;
}) {
  return (
    <Dialog open={props.open} title="Edit description" onClose={props.onClose}>
      <DescriptionForm key={String(props.open)} {...props} />
    </Dialog>
  );
}

function DescriptionForm({
  initial,
  onClose,
  onSave,
}: {
  initial: string;
  onClose: () => void;
  onSave: (d: string) => void;
}) {
  const [text, setText] = useState(initial);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSave(text.trim());
        onClose();
      }}
    >
      <label htmlFor="playlist-description" className="block text-sm font-medium">
        Description
      </label>
      <textarea
        id="playlist-description"
        value={text}
        maxLength={PLAYLIST_DESCRIPTION_MAX}
        rows={4}
        onChange={(e) => setText(e.target.value)}
        className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-900"
      />
      <div className="mt-4 flex justify-end gap-2">
        <button type="button" className={button} onClick={onClose}>
          Cancel
        </button>
        <button
          type="submit"
          className="min-h-11 rounded-md bg-brand-700 px-4 text-sm font-semibold text-white sm:min-h-9"
        >
          Save description
        </button>
      </div>
    </form>
  );
}

export function DeleteDialog(props: {
  auth: PlaylistAuth;
  playlist: { id: string; name: string };
  open: boolean;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const client = useQueryClient();
  const { playlist } = props;
  return (
    <Dialog open={props.open} title={`Delete “${playlist.name}”?`} onClose={props.onClose}>
      <p className="mb-4 text-sm">
        The playlist and its list of songs will be gone, and a link to it stops working. The songs stay in the catalog.
      </p>
      <div className="flex justify-end gap-2">
        <button type="button" className={button} onClick={props.onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="min-h-11 rounded-md bg-red-700 px-3 text-sm font-semibold text-white sm:min-h-9"
          onClick={() => {
            props.onClose();
            void deletePlaylist(props.auth, playlist.id).then(
              async () => {
                editorActions.tell('info', `Deleted “${playlist.name}”.`);
                await client.invalidateQueries({ queryKey: resourceQueries.mine(props.auth).queryKey });
                props.onDeleted();
              },
              (err: unknown) => editorActions.tell('error', `“${playlist.name}” was not deleted. ${reason(err)}`),
            );
          }}
        >
          Delete playlist
        </button>
      </div>
    </Dialog>
  );
}
