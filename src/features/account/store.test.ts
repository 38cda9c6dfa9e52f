import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiRequest } from '@/lib/api-client';
import { emptyObjectSchema } from '@contract/account';
import { actions, SESSION_STORAGE_KEY } from './store';

const alice = {
  id: '7a000000-8000-a000-b000-cc0000000001',
  username: 'alice',
  email: 'alice@example.com',
  apiToken: 'Talice',
  apiSecretKey: 'Ksecret-of-alice',
};
const bob = { ...alice, username: 'bob', apiToken: 'Tbob', apiSecretKey: 'Ksecret-of-bob' };

function stored(): unknown {
  return JSON.parse(localStorage.getItem(SESSION_STORAGE_KEY) ?? 'null');
}

describe('session store', () => {
  beforeEach(() => actions.signOut());
  afterEach(() => vi.unstubAllGlobals());

  it('persists the credentials under one key', () => {
    actions.signIn(alice);
    expect(actions.current()).toEqual(alice);
    expect(stored()).toMatchObject({ state: { credentials: alice } });
    expect(Object.keys(localStorage)).toEqual([SESSION_STORAGE_KEY]);
  });

  it('drops the secret key on logout, from memory and from storage', () => {
    actions.signIn(alice);
    actions.signOut();
    expect(actions.current()).toBeNull();
    expect(localStorage.getItem(SESSION_STORAGE_KEY)).not.toContain(alice.apiSecretKey);
  });

  it('drops the credentials when a signed request gets 403', async () => {
    actions.signIn(alice);
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ message: 'no' }), { status: 403 })),
    );
    await expect(
      apiRequest({ path: '/api/v1/account/logout', schema: emptyObjectSchema, auth: alice }),
    ).rejects.toMatchObject({ status: 403 });
    expect(actions.current()).toBeNull();
    expect(localStorage.getItem(SESSION_STORAGE_KEY)).not.toContain(alice.apiSecretKey);
  });

  it('keeps a newer session when an old one is rejected, and ignores unsigned 403s', async () => {
    actions.signIn(bob);
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('{"message":"Wrong"}', { status: 403 })),
    );
    await expect(apiRequest({ path: '/x', schema: emptyObjectSchema, auth: alice })).rejects.toBeTruthy();
    await expect(apiRequest({ path: '/x', schema: emptyObjectSchema })).rejects.toBeTruthy();
    expect(actions.current()).toEqual(bob);
  });

  it('never logs the secret key', async () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m));
    actions.signIn(alice);
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('{}', { status: 403 })),
    );
    await apiRequest({ path: '/x', schema: emptyObjectSchema, auth: alice }).catch(() => undefined);
    for (const spy of spies) {
      for (const call of spy.mock.calls) expect(JSON.stringify(call)).not.toContain(alice.apiSecretKey);
      spy.mockRestore();
    }
  });
});
