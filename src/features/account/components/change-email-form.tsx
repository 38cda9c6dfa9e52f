import { useState } from 'react';
import { changeEmailBodySchema } from '@contract/account-settings';
import { Field, FormAlert, SubmitButton } from '@/components/ui/form';
import { useChangeEmail } from '../api/settings';
import { useAccountForm } from '../lib/use-account-form';
import { CurrentPasswordField } from './current-password-field';
import { useAuth } from '../store';

const FIELDS = ['email', 'currentPassword'] as const;

function EmailForm({ onDone }: { onDone: (email: string) => void }) {
  const change = useChangeEmail();
  const { values, errors, send, submit, set } = useAccountForm(
    FIELDS,
    { email: '', currentPassword: '' },
    {
      schema: changeEmailBodySchema,
      send: (v, onError) => change.mutate(v, { onSuccess: (r) => onDone(r.email), onError }),
    },
  );
  return (
    <form onSubmit={submit} aria-label="Change email" className="space-y-4" noValidate>
      <Field
        label="New email"
        name="email"
        type="email"
        autoComplete="email"
        required
        value={values.email}
        onChange={set('email')}
        error={errors.fields.email}
      />
      <CurrentPasswordField
        value={values.currentPassword}
        onChange={set('currentPassword')}
        error={errors.fields.currentPassword}
      />
      <FormAlert messages={errors.general} onRetry={errors.retryable ? send : undefined} />
      <SubmitButton busy={change.isPending}>{change.isPending ? 'Changing…' : 'Change email'}</SubmitButton>
    </form>
  );
}

export function ChangeEmailForm() {
  const auth = useAuth();
  const [done, setDone] = useState<{ email: string; n: number } | null>(null);
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Current email: <span className="font-medium text-slate-900 dark:text-slate-100">{auth?.email}</span>
      </p>
      {done ? (
        <p
          role="status"
          className="rounded-md bg-green-50 p-3 text-sm text-green-900 dark:bg-green-950 dark:text-green-100"
        >
          Your email is now {done.email}.
        </p>
      ) : null}
      <EmailForm key={done?.n ?? 0} onDone={(email) => setDone((d) => ({ email, n: (d?.n ?? 0) + 1 }))} />
    </div>
  );
}
