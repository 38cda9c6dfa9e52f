import { useState } from 'react';
import { changePasswordBodySchema } from '@contract/account-settings';
import { Field, FormAlert, SubmitButton } from '@/components/ui/form';
import { useChangePassword } from '../api/settings';
import { useAccountForm } from '../lib/use-account-form';
import { CurrentPasswordField } from './current-password-field';

const FIELDS = ['currentPassword', 'newPassword'] as const;

function PasswordForm({ onDone }: { onDone: (endedSessions: number) => void }) {
  const change = useChangePassword();
  const { values, errors, send, submit, set } = useAccountForm(
    FIELDS,
    { currentPassword: '', newPassword: '' },
    {
      schema: changePasswordBodySchema,
      send: (v, onError) => change.mutate(v, { onSuccess: (r) => onDone(r.endedSessions), onError }),
    },
  );
  return (
    <form onSubmit={submit} aria-label="Change password" className="space-y-4" noValidate>
      <CurrentPasswordField
        value={values.currentPassword}
        onChange={set('currentPassword')}
        error={errors.fields.currentPassword}
      />
      <Field
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        value={values.newPassword}
        onChange={set('newPassword')}
        error={errors.fields.newPassword}
        hint="At least 10 characters; a few unrelated words work well."
      />
      <FormAlert messages={errors.general} onRetry={errors.retryable ? send : undefined} />
      <SubmitButton busy={change.isPending}>{change.isPending ? 'Changing…' : 'Change password'}</SubmitButton>
    </form>
  );
}

/** Change password; on success the form empties and says how many other sessions ended. */
export function ChangePasswordForm() {
  const [done, setDone] = useState<{ ended: number; n: number } | null>(null);
  return (
    <div className="space-y-4">
      {done ? (
        <p
          role="status"
          className="rounded-md bg-green-50 p-3 text-sm text-green-900 dark:bg-green-950 dark:text-green-100"
        >
          Password changed. {done.ended === 1 ? '1 other session was' : `${done.ended} other sessions were`} logged out;
          this device stays signed in.
        </p>
      ) : null}
      <PasswordForm key={done?.n ?? 0} onDone={(ended) => setDone((d) => ({ ended, n: (d?.n ?? 0) + 1 }))} />
    </div>
  );
}
