import { useMutation } from '@tanstack/react-query';
import {
  credentialsSchema,
  emptyObjectSchema,
  successSchema,
  type LoginBody,
  type RegisterBody,
} from '@contract/account';
import { apiRequest } from '@/lib/api-client';
import { actions } from '../store';

export function useLogin() {
  return useMutation({
    mutationFn: (body: LoginBody) =>
      apiRequest({ method: 'POST', path: '/api/v1/account/login', body, schema: credentialsSchema }),
    onSuccess: (credentials) => actions.signIn(credentials),
  });
}

export function useRegister() {
  return useMutation({
    mutationFn: (body: RegisterBody) =>
      apiRequest({ method: 'POST', path: '/api/v1/account/register', body, schema: credentialsSchema }),
    onSuccess: (credentials) => actions.signIn(credentials),
  });
}

/**
 * Ends the session on the server (all of the user's sessions, as the API defines logout) and always
 * drops the local credentials, even when the server cannot be reached: logging out must not fail.
 */
export function useLogout() {
  return useMutation({
    mutationFn: async () => {
      const auth = actions.current();
      if (!auth) return;
      try {
        await apiRequest({ path: '/api/v1/account/logout', schema: emptyObjectSchema, auth });
      } catch {
        // the local drop below is what matters to this browser
      }
    },
    onSettled: () => actions.signOut(),
  });
}

export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (email: string) =>
      apiRequest({ method: 'POST', path: '/api/v1/password/reset-email', body: { email }, schema: successSchema }),
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: (body: { email: string; token: string; password: string }) =>
      apiRequest({ method: 'POST', path: '/api/v1/password/reset', body, schema: successSchema }),
  });
}
