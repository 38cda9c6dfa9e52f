import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Credentials } from '@contract/account';
import { balanceSchema } from '@contract/listener';
import { apiRequest } from '@/lib/api-client';
import { creditsQueries, fetchBalance } from './queries';

/** The refresh button: asks the server to skip any cache (?refresh=1) and updates history too. */
export function useRefreshBalance(auth: Credentials) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => fetchBalance(auth, true),
    onSuccess: async (balance) => {
      client.setQueryData(creditsQueries.balance(auth).queryKey, balance);
      await client.invalidateQueries({ queryKey: [...creditsQueries.mine(auth), 'history'] });
    },
  });
}

/** Redeems a voucher code; the answer is the new balance, and the history gains the entry. */
export function useRedeemVoucher(auth: Credentials) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (code: string) =>
      apiRequest({ method: 'POST', path: '/api/v1/credits/redeem', body: { code }, schema: balanceSchema, auth }),
    onSuccess: async (balance) => {
      client.setQueryData(creditsQueries.balance(auth).queryKey, balance);
      await client.invalidateQueries({ queryKey: [...creditsQueries.mine(auth), 'history'] });
    },
  });
}
