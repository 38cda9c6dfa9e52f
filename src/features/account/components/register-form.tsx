import { useState, type ChangeEvent, type FormEvent } from 'react';
import { Link } from 'react-router';
import { PASSWORD_MIN, registerBodySchema } from '../../../../contract/account';
import { Field, FormAlert, SubmitButton } from '../../../components/ui/form';
import { formErrorsFrom, noFormErrors, type FormErrors } from '../../../lib/form-errors';
import { useRegister } from '../api/mutations';
import { checkWith } from '../lib/client-checks';

const FIELDS = ['username', 'email', 'password', 'code'] as const;
type F = (typeof FIELDS)[number];

export function RegisterForm({ onDone, initialCode = '' }: { onDone: () => void; initialCode?: string }) {
  const [values, setValues] = useState<Record<F, string>>({ username: '', email: '', password: '', code: initialCode });
  const [errors, setErrors] = useState<FormErrors<F>>(noFormErrors);
  const register = useRegister();

  const send = () => {
    const local = checkWith(registerBodySchema, values);
    if (local) {
      setErrors({ fields: local, general: [], retryable: false });
      return;
    }
    setErrors(noFormErrors);
    register.mutate(values, {
      onSuccess: () => onDone(),
      onError: (err) => setErrors(formErrorsFrom(err, FIELDS)),
    });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send();
  };
  const set = (f: F) => (e: ChangeEvent<HTMLInputElement>) => setValues({ ...values, [f]: e.target.value });

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
