import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { logIn, nav, signedFetch } from './session';

export { logIn, nav };

export interface TestUser {
  username: string;
  password: string;
  id: string;
  apiToken: string;
  apiSecretKey: string;
}

/** A fresh listener per test, registered through the API, so that tests do not share playlists. */
export async function newUser(request: APIRequestContext, prefix: string): Promise<TestUser> {
  const username = `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
  const password = 'a-long-enough-password';
  const reg = await request.post('/api/v1/account/register', {
    data: { username, password, email: `${username}@example.com`, code: 'WELCOME' },
  });
  expect(reg.status()).toBe(200);
  const login = await request.post('/api/v1/account/login', { data: { username, password } });
  const creds = (await login.json()) as { id: string; apiToken: string; apiSecretKey: string };
  return { username, password, ...creds };
}

/** Stores a playlists document through the API, signed as the documented curl examples sign. */
export async function putPlaylists(request: APIRequestContext, baseURL: string, user: TestUser, body: string) {
  const r = await signedFetch(request, baseURL, user, 'PUT', '/api/v1/playlists', body);
  expect(r.status(), await r.text()).toBe(200);
}

/** Song ids of the demo catalog, from the public API. */
export async function catalogSongIds(request: APIRequestContext): Promise<string[]> {
  const albums = (await (await request.get('/api/v1/music/catalog/albums')).json()) as { id: string }[];
  const ids: string[] = [];
  for (const a of albums) {
    const songs = (await (await request.get(`/api/v1/music/catalog/songs/${a.id}`)).json()) as { id: string }[];
    ids.push(...songs.map((s) => s.id));
  }
  return ids;
}

/**
 * Chooses `playlist` for the first row of a song list: from its Add-to-playlist menu, or, on the
 * album and artist pages, from the row's More menu (Add to playlist… opens the list of playlists).
 */
export async function addFirstRowTo(page: Page, listName: string, playlist: string): Promise<string> {
  const row = page.getByRole('list', { name: listName }).getByRole('listitem').first();
  const song = (await row.getAttribute('aria-label'))!;
  const more = row.getByRole('button', { name: `More actions for ${song}` });
  const add = row.getByRole('button', { name: `Add ${song} to a playlist` });
  await expect(more.or(add)).toBeVisible();
  if (await more.count()) {
    await more.click();
    await page.getByRole('menuitem', { name: 'Add to playlist…' }).click();
    await page
      .getByRole('dialog', { name: `Add ${song} to a playlist` })
      .getByRole('button', { name: playlist, exact: true })
      .click();
  } else {
    await add.click();
    await page.getByRole('menu').getByRole('menuitem', { name: playlist, exact: true }).click();
  }
  await expect(page.getByRole('status').filter({ hasText: `Added “${song}” to “${playlist}”` })).toBeVisible();
  return song;
}

/** The song names of the playlist page, in order. */
export async function playlistSongs(page: Page, list = 'Playlist songs'): Promise<string[]> {
  const rows = page.getByRole('list', { name: list }).getByRole('listitem');
  return rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
}

/** Waits until no edit is waiting to be saved. */
export async function settled(page: Page) {
  await expect(page.getByRole('status').filter({ hasText: 'Saving playlists…' })).toHaveCount(0);
}
