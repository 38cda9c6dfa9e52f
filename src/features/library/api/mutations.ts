import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Credentials } from '@contract/account';
import { libraryChangeSchema, type LibraryIds, type LibraryKind } from '@contract/listener-app';
import { apiRequest } from '@/lib/api-client';
import { libraryQueries } from './queries';

/**
 * Whether one thing is kept (a liked song, a saved album, a followed artist) and the toggle: the
 * change shows at once, is undone if the server refuses, and the lists are fetched again.
 */
export function useKept(auth: Credentials | null, kind: LibraryKind, id: string) {
  const client = useQueryClient();
  const ids = useQuery({ ...libraryQueries.ids(auth!), enabled: auth !== null });
  const kept = ids.data?.[kind].some((x) => x.id === id) ?? false;
  const toggle = useMutation({
    mutationFn: (keep: boolean) =>
      apiRequest({
        method: keep ? 'PUT' : 'DELETE',
        path: `/api/v1/me/library/${kind}/${encodeURIComponent(id)}`,
        schema: libraryChangeSchema,
        auth: auth!,
      }),
    onMutate: async (keep: boolean) => {
      const key = libraryQueries.ids(auth!).queryKey;
      await client.cancelQueries({ queryKey: key });
      const before = client.getQueryData<LibraryIds>(key);
      if (before) {
        const rest = before[kind].filter((x) => x.id !== id);
        const next = keep ? [{ id, at: new Date().toISOString() }, ...rest] : rest;
        client.setQueryData<LibraryIds>(key, { ...before, [kind]: next });
      }
      return { before };
    },
    onError: (_e, _keep, ctx) => {
      if (ctx?.before) client.setQueryData(libraryQueries.ids(auth!).queryKey, ctx.before);
    },
    onSettled: () => client.invalidateQueries({ queryKey: libraryQueries.mine(auth!) }),
  });
  return {
    kept,
    ready: ids.isSuccess,
    pending: toggle.isPending,
    toggle: () => toggle.mutate(!kept),
    error: toggle.error,
  };
}
