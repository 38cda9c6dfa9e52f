import { useState } from 'react';
import type { Credentials } from '@contract/account';
import type { EncodingJob } from '@contract/encoding';
import type { PriceRules, Track } from '@contract/release';
import { Field, TextAreaField } from '@/components/ui/form';
import { parseLyrics } from '@/lib/lrc';
import { usePatchTrack, useRemoveTrack, type TrackPatch } from '../api/mutations';
import { SaveStatus, useAutosave } from './use-autosave';
import { card, dangerButton, splitList } from './styles';

const TEXTS = [
  ['description', 'Description'],
  ['performers', 'Performers'],
  ['composers', 'Composers'],
  ['lyrics', 'Lyrics'],
  ['credits', 'Credits'],
  ['copyright', 'Copyright'],
  ['ownership', 'Ownership'],
  ['usageRights', 'Usage rights'],
  ['usageProhibitions', 'Usage prohibitions'],
  ['bitcoinAddress', 'Bitcoin address'],
  ['other', 'Other'],
] as const;
type TextKey = (typeof TEXTS)[number][0];

/** Lyrics are plain text or LRC: what the player will do with what was typed. */
function lyricsHint(text: string): string {
  const l = parseLyrics(text);
  if (l.kind === 'synced') return `Time-tagged: ${l.lines.length} lines will follow the music in the player.`;
  return 'Plain text scrolls beside the music. Start lines with time tags such as [00:12.50] to sync them.';
}

/** One track's fields, saved as the artist types. */
export function TrackEditor({
  auth,
  albumId,
  track,
  encodings,
  rules,
  released,
}: {
  auth: Credentials;
  albumId: string;
  track: Track;
  encodings: EncodingJob[];
  rules: PriceRules | undefined;
  released: boolean;
}) {
  const patch = usePatchTrack(auth, albumId, track.id);
  const remove = useRemoveTrack(auth, albumId);
  const save = useAutosave<TrackPatch>((p) => patch.mutateAsync(p));
  const [f, setF] = useState({
    name: track.name,
    trackNumber: String(track.trackNumber),
    price: String(track.price),
    genre: track.genre,
    tags: track.tags.join(', '),
    tokens: track.tokens.join(', '),
    ...(Object.fromEntries(TEXTS.map(([k]) => [k, track[k]])) as Record<TextKey, string>),
  });
  const edit = (k: keyof typeof f, value: string, p: TrackPatch | null) => {
    setF((old) => ({ ...old, [k]: value }));
    if (p) save.queue(p);
  };
  const label = `Track ${f.trackNumber}: ${f.name || 'untitled'}`;
  const done = encodings.filter((e) => e.status === 'complete' || e.id === track.encodingId);
  if (track.removed) {
    return (
      <li className={`${card} opacity-70`}>
        <p>
          {track.name} <span className="text-sm">(taken down)</span>
        </p>
      </li>
    );
  }
  return (
    <li className={card} aria-label={label}>
      <div className="grid gap-3 sm:grid-cols-[1fr_6rem_8rem]">
        <Field
          label="Track title"
          value={f.name}
          onChange={(e) => edit('name', e.target.value, e.target.value.trim() ? { name: e.target.value } : null)}
        />
        <Field
          label="Track number"
          type="number"
          min={1}
          max={999}
          value={f.trackNumber}
          onChange={(e) => {
            const n = Number(e.target.value);
            edit('trackNumber', e.target.value, Number.isInteger(n) && n >= 1 ? { trackNumber: n } : null);
          }}
        />
        <Field
          label="Price (credits)"
          type="number"
          step="0.01"
          min={rules?.min}
          max={rules?.max}
          hint={rules ? `${rules.min} to ${rules.max}` : undefined}
          value={f.price}
          onChange={(e) => {
            const n = Number(e.target.value);
            edit('price', e.target.value, e.target.value !== '' && Number.isFinite(n) ? { price: n } : null);
          }}
        />
      </div>
      <div className="mt-3 grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor={`enc-${track.id}`} className="block text-sm font-medium">
            Audio (encoding)
          </label>
          <select
            id={`enc-${track.id}`}
            className="mt-1 block min-h-11 w-full rounded-md border border-slate-300 bg-white px-3 dark:border-slate-600 dark:bg-slate-900"
            value={track.encodingId ?? ''}
            onChange={(e) => e.target.value && save.queue({ encodingId: e.target.value })}
          >
            <option value="">Choose a completed encoding</option>
            {done.map((e) => (
              <option key={e.id} value={e.id}>
                {e.fileName} ({e.status})
              </option>
            ))}
          </select>
          <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
            {track.encodingStatus
              ? `Encoding: ${track.encodingStatus}${track.durationSec ? ` · ${Math.round(track.durationSec)} s` : ''}`
              : 'No audio yet'}
          </p>
        </div>
        <Field
          label="Genre"
          value={f.genre}
          onChange={(e) => edit('genre', e.target.value, { genre: e.target.value })}
        />
        <Field
          label="Tags"
          hint="Separated by commas"
          value={f.tags}
          onChange={(e) => edit('tags', e.target.value, { tags: splitList(e.target.value) })}
        />
        <Field
          label="Tokens that unlock it"
          hint="Token names separated by commas"
          value={f.tokens}
          onChange={(e) => edit('tokens', e.target.value, { tokens: splitList(e.target.value) })}
        />
      </div>
      <label className="mt-3 flex min-h-11 items-center gap-2">
        <input
          type="checkbox"
          className="h-5 w-5"
          defaultChecked={track.publicStreamable}
          onChange={(e) => save.queue({ publicStreamable: e.target.checked })}
        />
        Anyone may stream it (otherwise only token holders)
      </label>
      <details className="mt-2">
        <summary className="min-h-11 cursor-pointer py-2 font-medium">More details of “{f.name}”</summary>
        <div className="grid gap-3 sm:grid-cols-2">
          {TEXTS.map(([k, text]) =>
            k === 'lyrics' || k === 'description' ? (
              <TextAreaField
                key={k}
                label={text}
                rows={k === 'lyrics' ? 8 : 4}
                hint={k === 'lyrics' ? lyricsHint(f.lyrics) : undefined}
                value={f[k]}
                onChange={(e) => edit(k, e.target.value, { [k]: e.target.value })}
              />
            ) : (
              <Field
                key={k}
                label={text}
                value={f[k]}
                onChange={(e) => edit(k, e.target.value, { [k]: e.target.value })}
              />
            ),
          )}
        </div>
      </details>
      <div className="mt-2 flex flex-wrap items-center justify-between gap-2">
        <SaveStatus state={save.state} error={save.error} />
        <button
          type="button"
          className={dangerButton}
          disabled={remove.isPending}
          onClick={() => remove.mutate(track.id)}
        >
          {released ? `Take down “${f.name}”` : `Remove “${f.name}”`}
        </button>
      </div>
    </li>
  );
}
