import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { actions } from '@/features/account';
import { createQueryClient } from '@/lib/query-client';

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(createQueryClient);
  // A user's private answers (songs, balance, profile) leave the cache with their session.
  useEffect(
    () =>
      actions.subscribe((credentials) => {
        if (!credentials) client.removeQueries({ predicate: (q) => q.meta?.private === true });
      }),
    [client],
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
