import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Credentials } from '@contract/account';
import type { ReleaseAlbum } from '@contract/release';
import { Field, TextAreaField } from '@/components/ui/form';
import { ErrorState, Skeleton } from '@/components/ui/query-state';
import { useAddTrack, useArtwork, usePatchAlbum } from '../api/mutations';
import { releaseQueries } from '../api/queries';
import { ImageInput } from './image-input';
import { ReleaseControls } from './release-controls';
import { card, secondaryButton } from './styles';
import { TrackEditor } from './track-editor';
import { SaveStatus, useAutosave } from './use-autosave';

type AlbumPatch = Partial<Pick<ReleaseAlbum, 'name' | 'description' | 'releaseDate' | 'isSingle'>>;

/** The album or single being made (or already out): its fields, artwork, tracks and release. */
export function ReleaseEditor({ auth, albumId }: { auth: Credentials; albumId: string }) {
  const q = useQuery(releaseQueries.album(auth, albumId));
  if (q.isPending) return <Skeleton className="h-96" />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  return <Editor key={q.data.id} auth={auth} album={q.data} />;
}

function Editor({ auth, album }: { auth: Credentials; album: ReleaseAlbum }) {
  const patch = usePatchAlbum(auth, album.id);
  const artwork = useArtwork(auth, album.id);
  const addTrack = useAddTrack(auth, album.id);
  const encodings = useQuery(releaseQueries.encodings(auth));
  const rules = useQuery(releaseQueries.priceRules(auth));
  const save = useAutosave<AlbumPatch>((p) => patch.mutateAsync(p));
  const [f, setF] = useState({
    name: album.name,
    description: album.description,
    releaseDate: album.releaseDate?.slice(0, 10) ?? '',
  });
  const released = album.status !== 'draft';
  const live = album.tracks.filter((t) => !t.removed).length;
  return (
    <div className="space-y-6">
      <p>
        <Link to="/artist/releases" className="underline">
          All releases
        </Link>
      </p>
      <section className={`${card} space-y-3`} aria-labelledby="album-fields-title">
        <h2 id="album-fields-title" className="text-lg font-semibold">
          {album.isSingle ? 'Single' : 'Album'}
        </h2>
        <Field
          label="Album title"
          value={f.name}
          onChange={(e) => {
            setF({ ...f, name: e.target.value });
            if (e.target.value.trim()) save.queue({ name: e.target.value });
          }}
        />
        <TextAreaField
          label="Album description"
          rows={3}
          value={f.description}
          onChange={(e) => {
            setF({ ...f, description: e.target.value });
            save.queue({ description: e.target.value });
          }}
        />
        <Field
          label="Release date"
          type="date"
          hint="The date shown to listeners (the original release, if it came out before)"
          value={f.releaseDate}
          onChange={(e) => {
            setF({ ...f, releaseDate: e.target.value });
            save.queue({ releaseDate: e.target.value ? `${e.target.value}T00:00:00.000Z` : null });
          }}
        />
        <label className="flex min-h-11 items-center gap-2">
          <input
            type="checkbox"
            className="h-5 w-5"
            defaultChecked={album.isSingle}
            onChange={(e) => save.queue({ isSingle: e.target.checked })}
          />
          This is a single
        </label>
        <ImageInput
          label="Artwork"
          current={album.artworkSizes['600'] ?? album.artworkImage}
          busy={artwork.isPending}
          error={artwork.error?.message ?? null}
          onImage={(file) => artwork.mutate(file)}
        />
        <SaveStatus state={save.state} error={save.error} />
      </section>
      <section aria-labelledby="tracks-title" className="space-y-3">
        <h2 id="tracks-title" className="text-lg font-semibold">
          Tracks ({live})
        </h2>
        <ol className="space-y-3">
          {album.tracks.map((t) => (
            <TrackEditor
              key={t.id}
              auth={auth}
              albumId={album.id}
              track={t}
              encodings={encodings.data ?? []}
              rules={rules.data}
              released={released}
            />
          ))}
        </ol>
        <button
          type="button"
          className={secondaryButton}
          disabled={addTrack.isPending || released}
          onClick={() => addTrack.mutate({ name: `Track ${album.tracks.length + 1}` })}
        >
          Add a track
        </button>
        {addTrack.isError ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {addTrack.error.message}
          </p>
        ) : null}
      </section>
      <ReleaseControls auth={auth} album={album} />
    </div>
  );
}
