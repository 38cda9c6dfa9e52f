import { useSearchParams } from 'react-router';
import { cardClass } from '@/components/ui/form';
import { usePageTitle } from '@/lib/use-page-title';
import { ResetPasswordForm } from '@/features/account';

export default function ResetPasswordRoute() {
  const [params] = useSearchParams();
  usePageTitle('Choose a new password');
  return (
    <section aria-labelledby="reset-title" className={`mx-auto max-w-md ${cardClass}`}>
      <h1 id="reset-title" className="mb-6 text-2xl font-bold">
        Choose a new password
      </h1>
      <ResetPasswordForm email={params.get('email') ?? ''} token={params.get('token') ?? ''} />
    </section>
  );
}
