import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Credentials } from '@contract/account';
import type { ReleaseAlbum } from '@contract/release';
import { releaseApi } from '../api/mutations';
import { releaseQueries } from '../api/queries';
import { albumPrefill, trackPrefill } from '../lib/prefill';
import { readTags } from '../lib/read-tags';
import { card } from './styles';

/** Upload and encoding of one file, done by the app's encoding feature; answers the job's id. */
export type EncodeFile = (
  file: File,
  onProgress: (p: { loaded: number; total: number }) => void,
  signal: AbortSignal,
) => Promise<{ id: string }>;

interface FileProgress {
  name: string;
  phase: 'reading' | 'uploading' | 'encoding' | 'error';
  loaded: number;
  total: number;
  message?: string;
}

const AUDIO = /\.(mp3|wav|flac|ogg|m4a)$/i;

/**
 * Several files dropped at once become one album draft: its name, year and artwork from their tags,
 * a track per file (title, number, artist), each file uploaded and sent for encoding with its own
 * progress. The editor opens when every file is on its way.
 */
export function AlbumDrop({ auth, encodeFile }: { auth: Credentials; encodeFile: EncodeFile }) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const [files, setFiles] = useState<FileProgress[]>([]);
  const [error, setError] = useState<string | null>(null);
  const busy = files.length > 0 && files.some((f) => f.phase !== 'error');
  const update = (i: number, p: Partial<FileProgress>) =>
    setFiles((all) => all.map((f, j) => (j === i ? { ...f, ...p } : f)));

  const start = async (list: File[]) => {
    setError(null);
    const audio = list.filter((f) => AUDIO.test(f.name) || f.type.startsWith('audio/'));
    if (audio.length === 0) return setError('Drop MP3, WAV, FLAC or Ogg files');
    setFiles(audio.map((f) => ({ name: f.name, phase: 'reading', loaded: 0, total: f.size })));
    try {
      const tags = await Promise.all(audio.map(readTags));
      const fields = albumPrefill(tags);
      // A single without an album tag is named after its song.
      fields.name ??= trackPrefill(audio[0]!.name, tags[0]!, 0).name;
      let album: ReleaseAlbum = await releaseApi.createAlbum(auth, fields);
      const cover = tags.find((t) => t.picture)?.picture;
      if (cover) {
        album = await releaseApi
          .artwork(auth, album.id, new Blob([cover.data.slice()], { type: cover.format }))
          .catch(() => album);
      }
      const trackIds: string[] = [];
      for (const [i, file] of audio.entries()) {
        const before = new Set(album.tracks.map((t) => t.id));
        album = await releaseApi.addTrack(auth, album.id, trackPrefill(file.name, tags[i]!, i));
        trackIds.push(album.tracks.find((t) => !before.has(t.id))!.id);
      }
      client.setQueryData(releaseQueries.album(auth, album.id).queryKey, album);
      const controller = new AbortController();
      await Promise.all(
        audio.map(async (file, i) => {
          try {
            update(i, { phase: 'uploading' });
            const job = await encodeFile(file, (p) => update(i, p), controller.signal);
            update(i, { phase: 'encoding' });
            await releaseApi.patchTrack(auth, album.id, trackIds[i]!, { encodingId: job.id });
          } catch (err) {
            update(i, { phase: 'error', message: (err as Error).message });
            throw err;
          }
        }),
      );
      await client.invalidateQueries({ queryKey: releaseQueries.mine(auth) });
      void navigate(`/artist/releases/${album.id}`);
    } catch (err) {
      setError((err as Error).message);
    }
  };

  return (
    <section className={card} aria-labelledby="drop-title">
      <h2 id="drop-title" className="mb-1 text-lg font-semibold">
        New release from files
      </h2>
      <label
        className="flex min-h-24 cursor-pointer flex-col items-center justify-center rounded-lg border-2 border-dashed border-slate-300 p-4 text-center hover:border-brand-500 dark:border-slate-600"
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => {
          e.preventDefault();
          if (!busy) void start([...e.dataTransfer.files]);
        }}
      >
        <span className="font-medium">Drop songs here, or choose them</span>
        <span className="text-sm text-slate-600 dark:text-slate-400">
          One file makes a single, several make an album; their tags fill in titles, numbers, year and artwork.
        </span>
        <input
          type="file"
          multiple
          accept="audio/*,.mp3,.wav,.flac,.ogg"
          className="sr-only"
          aria-label="Songs for a new release"
          disabled={busy}
          onChange={(e) => {
            const list = [...(e.target.files ?? [])];
            e.target.value = '';
            void start(list);
          }}
        />
      </label>
      {files.length > 0 ? (
        <ul className="mt-3 space-y-2" aria-label="Files of the new release">
          {files.map((f, i) => (
            <li key={`${f.name}-${i}`} className="text-sm">
              <div className="flex justify-between gap-2">
                <span className="truncate">{f.name}</span>
                <span>{phaseText(f)}</span>
              </div>
              <progress
                className="h-2 w-full accent-brand-700"
                aria-label={`Upload of ${f.name}`}
                max={f.total || 1}
                value={f.phase === 'encoding' ? f.total : f.loaded}
              />
            </li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </section>
  );
}

function phaseText(f: FileProgress): string {
  if (f.phase === 'reading') return 'Reading tags…';
  if (f.phase === 'uploading') return `${Math.round((100 * f.loaded) / (f.total || 1))}%`;
  if (f.phase === 'encoding') return 'Uploaded: encoding';
  return f.message ?? 'Failed';
}
