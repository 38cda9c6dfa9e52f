import { useMutation, useQueryClient } from '@tanstack/react-query';
import { idResponseSchema, type Credentials, type Profile } from '@contract/account';
import { apiRequest } from '@/lib/api-client';
import { profileQueries } from './queries';

export function useSaveProfile(auth: Credentials) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (profile: Profile) =>
      apiRequest({ method: 'PUT', path: '/api/v1/profile', body: profile, schema: idResponseSchema, auth }),
    onSuccess: async (_id, profile) => {
      client.setQueryData(profileQueries.own(auth).queryKey, profile);
      await client.invalidateQueries({ queryKey: profileQueries.public(auth.username).queryKey });
    },
  });
}
