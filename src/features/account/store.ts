import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { credentialsSchema, type Credentials } from '@contract/account';
import { setAuthRejectedHandler, type ApiCredentials } from '@/lib/api-client';

/** The one localStorage key the session lives under. */
export const SESSION_STORAGE_KEY = 'tokenly.session';

/** Why the last session ended, so the login page can say "your session expired". */
export type SessionEnd = 'logout' | 'rejected' | null;

interface SessionState {
  credentials: Credentials | null;
  ended: SessionEnd;
}

const useSessionStore = create<SessionState>()(
  persist(() => ({ credentials: null as Credentials | null, ended: null as SessionEnd }), {
    name: SESSION_STORAGE_KEY,
    storage: createJSONStorage(() => localStorage),
    version: 1,
    partialize: (s) => ({ credentials: s.credentials }),
    // Whatever sits in storage is untrusted: a malformed entry means "signed out", not a crash.
    merge: (persisted, current) => {
      const parsed = credentialsSchema.safeParse((persisted as { credentials?: unknown } | null)?.credentials);
      return { ...current, credentials: parsed.success ? parsed.data : null };
    },
  }),
);

export const actions = {
  signIn(credentials: Credentials): void {
    useSessionStore.setState({ credentials: credentialsSchema.parse(credentials), ended: null });
  },
  /** Drops the credentials, secret key included, from memory and storage. */
  signOut(): void {
    useSessionStore.setState({ credentials: null, ended: 'logout' });
  },
  /** A signed request got 403: only the session that signed it ends, not a newer one. */
  rejected(signedWith?: ApiCredentials): void {
    const current = useSessionStore.getState().credentials;
    if (!current) return;
    if (signedWith && signedWith.apiToken !== current.apiToken) return;
    useSessionStore.setState({ credentials: null, ended: 'rejected' });
  },
  clearEnded(): void {
    useSessionStore.setState({ ended: null });
  },
  /** For code outside React (mutations): the credentials right now. */
  current(): Credentials | null {
    return useSessionStore.getState().credentials;
  },
  subscribe(listener: (credentials: Credentials | null) => void): () => void {
    return useSessionStore.subscribe((s, prev) => {
      if (s.credentials !== prev.credentials) listener(s.credentials);
    });
  },
};

setAuthRejectedHandler((signedWith) => actions.rejected(signedWith));

// Another tab logged in or out: follow it, so no tab keeps signing with dropped credentials.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (e) => {
    if (e.key === SESSION_STORAGE_KEY) void useSessionStore.persist.rehydrate();
  });
}

/** The signed-in user's credentials for protected queries, or null when signed out. */
export const useAuth = (): Credentials | null => useSessionStore((s) => s.credentials);
export const useUsername = (): string | null => useSessionStore((s) => s.credentials?.username ?? null);
export const useIsSignedIn = (): boolean => useSessionStore((s) => s.credentials !== null);
export const useSessionEnded = (): SessionEnd => useSessionStore((s) => s.ended);
