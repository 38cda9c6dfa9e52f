import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { Credentials } from '@contract/account';
import type { MyArtistProfile } from '@contract/release';
import { Field, FormAlert, TextAreaField } from '@/components/ui/form';
import { ErrorState, Skeleton } from '@/components/ui/query-state';
import { usePicture, useSaveProfile } from '../api/mutations';
import { releaseQueries } from '../api/queries';
import { ImageInput } from './image-input';
import { card, primaryButton, splitList } from './styles';

/** Becoming an artist, and editing the profile later: the fields of the document's artist profile. */
export function ArtistProfileEditor({ auth, onSaved }: { auth: Credentials; onSaved?: () => void }) {
  const q = useQuery(releaseQueries.profile(auth));
  if (q.isPending) return <Skeleton className="h-96" />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const { profile, signup } = q.data;
  if (!profile && signup === 'off') {
    return <p>Artist sign-up is closed on this server: ask its operator to make you an artist.</p>;
  }
  return <ProfileForm auth={auth} profile={profile} needsInvite={signup === 'invite'} onSaved={onSaved} />;
}

function ProfileForm({
  auth,
  profile,
  needsInvite,
  onSaved,
}: {
  auth: Credentials;
  profile: MyArtistProfile | null;
  needsInvite: boolean;
  onSaved?: (() => void) | undefined;
}) {
  const save = useSaveProfile(auth, profile !== null, onSaved);
  const picture = usePicture(auth);
  const [f, setF] = useState({
    name: profile?.name ?? '',
    bio: profile?.bio ?? '',
    website: profile?.website ?? '',
    genre: profile?.genre ?? '',
    tags: profile?.tags.join(', ') ?? '',
    marketsCatalog: profile?.marketsCatalog ?? '',
    inviteCode: '',
  });
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const { inviteCode, tags, ...rest } = f;
    save.mutate({
      ...rest,
      tags: splitList(tags),
      ...(profile === null && needsInvite ? { inviteCode } : {}),
    });
  };
  return (
    <div className="space-y-6">
      <form onSubmit={submit} className={`${card} max-w-2xl space-y-4`} aria-label="Artist profile">
        <Field label="Artist name" value={f.name} onChange={set('name')} required maxLength={100} />
        <TextAreaField label="Bio" hint="Markdown: **bold**, _italic_, links." value={f.bio} onChange={set('bio')} />
        <Field label="Website" type="url" placeholder="https://" value={f.website} onChange={set('website')} />
        <Field label="Genre" value={f.genre} onChange={set('genre')} maxLength={60} />
        <Field label="Tags" hint="Separated by commas" value={f.tags} onChange={set('tags')} />
        <Field
          label="Markets catalog"
          hint="Your Token Markets shop, such as owner/shop"
          value={f.marketsCatalog}
          onChange={set('marketsCatalog')}
        />
        {profile === null && needsInvite ? (
          <Field label="Invitation code" value={f.inviteCode} onChange={set('inviteCode')} required />
        ) : null}
        {save.isError ? <FormAlert messages={[save.error.message]} /> : null}
        {save.isSuccess ? <p role="status">Profile saved.</p> : null}
        <button type="submit" className={primaryButton} disabled={save.isPending}>
          {profile ? 'Save profile' : 'Create artist profile'}
        </button>
      </form>
      {profile ? (
        <section className={`${card} max-w-2xl`} aria-labelledby="picture-title">
          <h2 id="picture-title" className="mb-2 text-lg font-semibold">
            Picture
          </h2>
          <ImageInput
            label="Artist picture"
            current={profile.pictureUrl}
            busy={picture.isPending}
            error={picture.error?.message ?? null}
            onImage={(file) => picture.mutate(file)}
          />
        </section>
      ) : null}
    </div>
  );
}
