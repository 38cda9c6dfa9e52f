import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Credentials } from '../../../../contract/account';
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
