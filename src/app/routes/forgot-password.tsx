import { cardClass } from '@/components/ui/form';
import { usePageTitle } from '@/lib/use-page-title';
import { ForgotPasswordForm } from '@/features/account';

export default function ForgotPasswordRoute() {
  usePageTitle('Forgot your password');
  return (
    <section aria-labelledby="forgot-title" className={`mx-auto max-w-md ${cardClass}`}>
      <h1 id="forgot-title" className="mb-2 text-2xl font-bold">
        Forgot your password?
      </h1>
      <p className="mb-6 text-sm text-slate-600 dark:text-slate-400">
        Enter the email address of your account and we will send you a link to choose a new password.
      </p>
      <ForgotPasswordForm />
    </section>
  );
}
