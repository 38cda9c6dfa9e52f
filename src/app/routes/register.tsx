import { useNavigate, useSearchParams } from 'react-router';
import { cardClass } from '@/components/ui/form';
import { usePageTitle } from '@/lib/use-page-title';
import { RegisterForm } from '@/features/account';

export default function RegisterRoute() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  usePageTitle('Create an account');
  return (
    <section aria-labelledby="register-title" className={`mx-auto max-w-md ${cardClass}`}>
      <h1 id="register-title" className="mb-6 text-2xl font-bold">
        Create an account
      </h1>
      <RegisterForm initialCode={params.get('code') ?? ''} onDone={() => void navigate('/', { replace: true })} />
    </section>
  );
}
