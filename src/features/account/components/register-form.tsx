import { Link } from 'react-router';
import { PASSWORD_MIN, registerBodySchema } from '@contract/account';
import { Field, FormAlert, SubmitButton } from '@/components/ui/form';
import { useRegister } from '../api/mutations';
import { useAccountForm } from '../lib/use-account-form';

const FIELDS = ['username', 'email', 'password', 'code'] as const;
type F = (typeof FIELDS)[number];

export function RegisterForm({ onDone, initialCode = '' }: { onDone: () => void; initialCode?: string }) {
  const register = useRegister();
  const { values, errors, send, submit, set } = useAccountForm<F>(
    FIELDS,
    { username: '', email: '', password: '', code: initialCode },
    {
      schema: registerBodySchema,
      send: (v, onError) => register.mutate(v, { onSuccess: () => onDone(), onError }),
    },
  );

  return (
    <form onSubmit={submit} aria-label="Create an account" noValidate className="space-y-4">
      <Field
        label="Username"
        name="username"
        autoComplete="username"
        required
        value={values.username}
        onChange={set('username')}
        error={errors.fields.username}
        hint="3 to 32 letters, digits, dots, dashes or underscores."
      />
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        value={values.email}
        onChange={set('email')}
        error={errors.fields.email}
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        value={values.password}
        onChange={set('password')}
        error={errors.fields.password}
        hint={`At least ${PASSWORD_MIN} characters.`}
      />
      <Field
        label="Invitation code"
        name="code"
        autoComplete="off"
        required
        value={values.code}
        onChange={set('code')}
        error={errors.fields.code}
      />
      <FormAlert messages={errors.general} onRetry={errors.retryable ? send : undefined} />
      <SubmitButton busy={register.isPending}>
        {register.isPending ? 'Creating account…' : 'Create account'}
      </SubmitButton>
      <p className="text-sm">
        Already have an account?{' '}
        <Link to="/login" className="text-brand-700 underline dark:text-brand-400">
          Log in
        </Link>
      </p>
    </form>
  );
}
