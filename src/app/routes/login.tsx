import { useNavigate, useSearchParams } from 'react-router';
import { cardClass } from '@/components/ui/form';
import { usePageTitle } from '@/lib/use-page-title';
import { LoginForm } from '@/features/account';
import { safeNext } from '@/features/account';

export default function LoginRoute() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  usePageTitle('Log in');
  return (
    <section aria-labelledby="login-title" className={`mx-auto max-w-md ${cardClass}`}>
      <h1 id="login-title" className="mb-6 text-2xl font-bold">
        Log in
      </h1>
      <LoginForm onDone={() => void navigate(safeNext(params.get('next')), { replace: true })} />
    </section>
  );
}
