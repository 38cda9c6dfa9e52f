import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Credentials } from '@contract/account';
import { emptyObjectSchema } from '@contract/account';
import {
  accountDeletedSchema,
  accountSessionListSchema,
  emailChangedSchema,
  passwordChangedSchema,
  sessionsEndedSchema,
  type ChangeEmailBody,
  type ChangePasswordBody,
  type DeleteAccountBody,
} from '@contract/account-settings';
import { apiRequest } from '@/lib/api-client';
import { ApiError } from '@/lib/api-error';
import { actions, useAuth } from '../store';

export const sessionQueries = {
  list: (auth: Credentials) =>
    queryOptions({
      queryKey: ['account', auth.id, 'sessions'] as const,
      queryFn: ({ signal }) =>
        apiRequest({ path: '/api/v1/account/sessions', schema: accountSessionListSchema, auth, signal }),
      meta: { private: true },
    }),
};

/** A 403 that is not about the current password means the session itself is over. */
function endIfSessionDead(err: unknown, auth: Credentials): void {
  if (err instanceof ApiError && err.status === 403 && !err.message.startsWith('currentPassword:'))
    actions.rejected(auth);
}

function useRefreshSessions() {
  const client = useQueryClient();
  const auth = useAuth();
  return () => (auth ? client.invalidateQueries({ queryKey: sessionQueries.list(auth).queryKey }) : undefined);
}

export function useChangePassword() {
  const auth = useAuth();
  const refresh = useRefreshSessions();
  return useMutation({
    mutationFn: (body: ChangePasswordBody) =>
      apiRequest({
        method: 'POST',
        path: '/api/v1/account/password',
        body,
        schema: passwordChangedSchema,
        auth: auth!,
        forbiddenKeepsSession: true,
      }),
    onError: (err) => auth && endIfSessionDead(err, auth),
    onSuccess: () => void refresh(),
  });
}

export function useChangeEmail() {
  const auth = useAuth();
  return useMutation({
    mutationFn: (body: ChangeEmailBody) =>
      apiRequest({
        method: 'POST',
        path: '/api/v1/account/email',
        body,
        schema: emailChangedSchema,
        auth: auth!,
        forbiddenKeepsSession: true,
      }),
    onError: (err) => auth && endIfSessionDead(err, auth),
    onSuccess: ({ email }) => {
      const now = actions.current();
      if (now) actions.signIn({ ...now, email });
    },
  });
}

export function useEndSession() {
  const auth = useAuth();
  const refresh = useRefreshSessions();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest({ method: 'DELETE', path: `/api/v1/account/sessions/${id}`, schema: emptyObjectSchema, auth: auth! }),
    onSettled: () => void refresh(),
  });
}

export function useEndOtherSessions() {
  const auth = useAuth();
  const refresh = useRefreshSessions();
  return useMutation({
    mutationFn: () =>
      apiRequest({
        method: 'POST',
        path: '/api/v1/account/sessions/end-others',
        body: {},
        schema: sessionsEndedSchema,
        auth: auth!,
      }),
    onSettled: () => void refresh(),
  });
}

/** Deletes the account; the caller then leaves the page and drops the credentials (`actions.signOut`). */
export function useDeleteAccount() {
  const auth = useAuth();
  return useMutation({
    mutationFn: (body: DeleteAccountBody) =>
      apiRequest({
        method: 'POST',
        path: '/api/v1/account/delete',
        body,
        schema: accountDeletedSchema,
        auth: auth!,
        forbiddenKeepsSession: true,
      }),
    onError: (err) => auth && endIfSessionDead(err, auth),
  });
}
