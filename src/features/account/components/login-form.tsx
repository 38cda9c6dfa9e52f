import { Link } from 'react-router';
import { Field, FormAlert, SubmitButton } from '@/components/ui/form';
import { useLogin } from '../api/mutations';
import { useAccountForm } from '../lib/use-account-form';
import { actions, useSessionEnded } from '../store';

const FIELDS = ['username', 'password'] as const;
type F = (typeof FIELDS)[number];

export function LoginForm({ onDone }: { onDone: () => void }) {
  const ended = useSessionEnded();
  const login = useLogin();
  const { values, errors, send, submit, set } = useAccountForm<F>(
    FIELDS,
    { username: '', password: '' },
    { send: (v, onError) => login.mutate(v, { onSuccess: () => onDone(), onError }) },
  );

  return (
    <form onSubmit={submit} aria-label="Log in" className="space-y-4">
      {ended === 'rejected' ? (
        <p
          role="status"
          className="rounded-md bg-amber-100 p-3 text-sm text-amber-950 dark:bg-amber-900 dark:text-amber-50"
        >
          Your session has ended. Please log in again.{' '}
          <button type="button" className="underline" onClick={() => actions.clearEnded()}>
            Dismiss
          </button>
        </p>
      ) : null}
      <Field
        label="Username"
        name="username"
        autoComplete="username"
        required
        value={values.username}
        onChange={set('username')}
        error={errors.fields.username}
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        value={values.password}
        onChange={set('password')}
        error={errors.fields.password}
      />
      <FormAlert messages={errors.general} onRetry={errors.retryable ? send : undefined} />
      <SubmitButton busy={login.isPending}>{login.isPending ? 'Logging in…' : 'Log in'}</SubmitButton>
      <p className="flex flex-wrap justify-between gap-2 text-sm">
        <Link to="/forgot-password" className="text-brand-700 underline dark:text-brand-400">
          Forgot your password?
        </Link>
        <Link to="/register" className="text-brand-700 underline dark:text-brand-400">
          Create an account
        </Link>
      </p>
    </form>
  );
}
