import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { Credentials, Profile } from '@contract/account';
import { Field, FormAlert, SubmitButton, TextAreaField } from '@/components/ui/form';
import { formErrorsFrom, noFormErrors, type FormErrors } from '@/lib/form-errors';
import { useSaveProfile } from '../api/mutations';
import { mergeProfile, profileFields, type ProfileFields } from '../lib/profile-fields';

const FIELDS = ['displayName', 'location', 'website', 'bio'] as const;

/** Edits the signed-in user's public profile; `doc` is the stored document it starts from. */
export function ProfileForm({ auth, doc }: { auth: Credentials; doc: Profile }) {
  const [values, setValues] = useState<ProfileFields>(() => profileFields(doc));
  const [errors, setErrors] = useState<FormErrors<keyof ProfileFields>>(noFormErrors);
  const save = useSaveProfile(auth);

  const send = () => {
    const website = values.website.trim();
    if (website && !/^https?:\/\/\S+$/i.test(website)) {
      setErrors({ fields: { website: 'Website must start with http:// or https://' }, general: [], retryable: false });
      return;
    }
    setErrors(noFormErrors);
    save.mutate(mergeProfile(doc, values), { onError: (err) => setErrors(formErrorsFrom(err, FIELDS)) });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send();
  };
  const set = (f: keyof ProfileFields) => (e: { target: { value: string } }) => {
    save.reset();
    setValues({ ...values, [f]: e.target.value });
  };

  return (
    <form onSubmit={submit} aria-label="Edit your profile" noValidate className="space-y-4">
      <Field
        label="Display name"
        name="displayName"
        maxLength={80}
        value={values.displayName}
        onChange={set('displayName')}
        error={errors.fields.displayName}
      />
      <Field
        label="Location"
        name="location"
        maxLength={80}
        value={values.location}
        onChange={set('location')}
        error={errors.fields.location}
      />
      <Field
        label="Website"
        name="website"
        type="url"
        maxLength={300}
        value={values.website}
        onChange={set('website')}
        error={errors.fields.website}
      />
      <TextAreaField
        label="Bio"
        name="bio"
        maxLength={3000}
        value={values.bio}
        onChange={set('bio')}
        error={errors.fields.bio}
        hint="Markdown: **bold**, *emphasis*, lists and [links](https://example.com)."
      />
      <FormAlert messages={errors.general} onRetry={errors.retryable ? send : undefined} />
      {save.isSuccess ? (
        <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">
          Profile saved.{' '}
          <Link to={`/users/${encodeURIComponent(auth.username)}`} className="underline">
            See your public profile
          </Link>
        </p>
      ) : null}
      <SubmitButton busy={save.isPending}>{save.isPending ? 'Saving…' : 'Save profile'}</SubmitButton>
    </form>
  );
}
