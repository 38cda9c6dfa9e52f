import { useState, type FormEvent } from 'react';
import type { Credentials } from '@contract/account';
import { Field } from '@/components/ui/form';
import { useRedeemVoucher } from '../api/mutations';
import { formatAmount } from './balance-card';

/** A voucher code box: the server says whether the code is wrong, used up, expired or already redeemed. */
export function RedeemForm({ auth }: { auth: Credentials }) {
  const [code, setCode] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const redeem = useRedeemVoucher(auth);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const trimmed = code.trim();
    if (!trimmed) return;
    redeem.mutate(trimmed, {
      onSuccess: (b) => {
        setDone(
          `Voucher ${trimmed.toUpperCase()} redeemed: your balance is now ${formatAmount(b.balanceFloat)} credits.`,
        );
        setCode('');
      },
    });
  };
  const error = redeem.isError ? redeem.error.message.replace(/^code: /, '') : undefined;
  return (
    <section
      aria-labelledby="redeem-title"
      className="rounded-xl border border-slate-200 p-6 shadow-sm dark:border-slate-800"
    >
      <h2 id="redeem-title" className="text-lg font-semibold">
        Redeem a voucher
      </h2>
      <form onSubmit={submit} className="mt-3 flex flex-col gap-3 sm:flex-row sm:items-end" noValidate>
        <div className="flex-1">
          <Field
            label="Voucher code"
            name="code"
            autoComplete="off"
            autoCapitalize="characters"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            error={error}
          />
        </div>
        <button
          type="submit"
          disabled={redeem.isPending || code.trim() === ''}
          className="min-h-11 rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-600 disabled:opacity-60 sm:mb-[1px]"
        >
          {redeem.isPending ? 'Redeeming…' : 'Redeem'}
        </button>
      </form>
      {done ? (
        <p role="status" className="mt-3 text-sm text-emerald-800 dark:text-emerald-300">
          {done}
        </p>
      ) : null}
    </section>
  );
}
