import { Link } from 'react-router';
import { resetEmailBodySchema } from '@contract/account';
import { Field, FormAlert, SubmitButton } from '@/components/ui/form';
import { useRequestPasswordReset } from '../api/mutations';
import { useAccountForm } from '../lib/use-account-form';

const FIELDS = ['email'] as const;

export function ForgotPasswordForm() {
  const request = useRequestPasswordReset();
  const { values, errors, send, submit, set } = useAccountForm(
    FIELDS,
    { email: '' },
    { schema: resetEmailBodySchema, send: (v, onError) => request.mutate(v.email.trim(), { onError }) },
  );
  const email = values.email;

  if (request.isSuccess) {
    // The server answers the same for unknown addresses, so the page does too.
    return (
      <div role="status" className="space-y-3">
        <p>
          If an account uses <strong>{email.trim()}</strong>, a message with a reset link and code is on its way.
        </p>
        <p>
          <Link
            to={`/reset-password?${new URLSearchParams({ email: email.trim() }).toString()}`}
            className="text-brand-700 underline dark:text-brand-400"
          >
            I have a reset code
          </Link>
        </p>
      </div>
    );
  }
  return (
    <form onSubmit={submit} aria-label="Request a password reset" noValidate className="space-y-4">
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        value={email}
        onChange={set('email')}
        error={errors.fields.email}
      />
      <FormAlert messages={errors.general} onRetry={errors.retryable ? send : undefined} />
      <SubmitButton busy={request.isPending}>{request.isPending ? 'Sending…' : 'Send reset link'}</SubmitButton>
    </form>
  );
}
