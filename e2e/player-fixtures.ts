import { expect, type APIRequestContext, type Page, type PlaywrightWorkerArgs, type TestInfo } from '@playwright/test';
import type { Credentials } from '@contract/account';
import { logIn, nav, signedFetch } from './session';

export { logIn, nav };
export const player = (page: Page) => page.getByRole('region', { name: 'Player' });

/** A new listener through the API: the welcome credits and no tokens. */
export async function registerListener(request: APIRequestContext, name: string): Promise<Credentials> {
  const username = `${name}${Date.now().toString(36)}`;
  const res = await request.post('/api/v1/account/register', {
    data: { username, password: 'a-long-enough-password', email: `${username}@example.com`, code: 'WELCOME' },
  });
  expect(res.status()).toBe(200);
  return { ...((await res.json()) as Credentials), username };
}

export interface DemoSong {
  id: string;
  name: string;
  albumId: string;
  durationSec: number;
  priceFloat: number;
}

/** The songs of a demo album by name, from the public API. */
export async function albumSongs(request: APIRequestContext, albumName: string): Promise<DemoSong[]> {
  const albums = (await (await request.get('/api/v1/music/catalog/albums')).json()) as { id: string; name: string }[];
  const album = albums.find((a) => a.name === albumName);
  expect(album, `album ${albumName}`).toBeTruthy();
  return (await (await request.get(`/api/v1/music/catalog/songs/${album!.id}`)).json()) as DemoSong[];
}

/**
 * The demo audio renders in the background after the server starts. A listener with no credits
 * and no tokens asks for each song: 503 while it is being prepared, 200 (refused, nothing spent)
 * once its audio exists.
 */
export async function waitForDemoAudio(
  request: APIRequestContext,
  baseURL: string,
  albums: string[],
  timeout = 170_000,
) {
  const prober = await registerListener(request, 'prober');
  const songs = (await Promise.all(albums.map((a) => albumSongs(request, a)))).flat();
  await expect
    .poll(
      async () => {
        let ready = 0;
        for (const s of songs) {
          const res = await signedFetch(request, baseURL, prober, 'POST', `/api/v1/stream/${s.id}`, '{}');
          if (res.status() === 200) ready++;
        }
        return ready;
      },
      { timeout, intervals: [2000, 3000, 5000] },
    )
    .toBe(songs.length);
}

/**
 * Spends a listener's welcome credits to the last one on the songs of these albums (audio ready),
 * dearest first, never on `keep`: the listener is then broke as a stream test needs.
 */
export async function spendAllCredits(
  request: APIRequestContext,
  baseURL: string,
  creds: Credentials,
  albums: string[],
  keep: string,
) {
  const songs = (await Promise.all(albums.map((a) => albumSongs(request, a))))
    .flat()
    .filter((s) => s.id !== keep && s.priceFloat > 0)
    .sort((a, b) => b.priceFloat - a.priceFloat);
  const balance = async () =>
    (
      (await (await signedFetch(request, baseURL, creds, 'GET', '/api/v1/credits/balance')).json()) as {
        balanceFloat: number;
      }
    ).balanceFloat;
  let left = await balance();
  for (const s of songs) {
    if (s.priceFloat > left) continue;
    const res = await signedFetch(request, baseURL, creds, 'POST', `/api/v1/stream/${s.id}`, '{}');
    expect(res.status()).toBe(200);
    left = ((await res.json()) as { balanceFloat: number }).balanceFloat;
  }
  expect(left).toBe(0);
}

/** The currentTime of the element that plays the current song (null when none is loaded). */
export const audioTime = (page: Page) => page.evaluate(() => window.tokenlyPlayer?.audio()?.currentTime ?? null);
export const audioPaused = (page: Page) => page.evaluate(() => window.tokenlyPlayer?.audio()?.paused ?? null);

/** Waits until the audio has played past `sec` (real playback, not the UI's number). */
export async function expectAudioPast(page: Page, sec: number, timeout = 20_000) {
  await expect.poll(() => audioTime(page), { timeout, message: `audio past ${sec} s` }).toBeGreaterThan(sec);
}

/** The balance the Credits page shows, as a number. */
export async function creditsBalance(page: Page): Promise<number> {
  await nav(page).getByRole('link', { name: 'Credits' }).click();
  const region = page.getByRole('region', { name: 'Balance' });
  await expect(region).toContainText(/\d+ credits/);
  const text = (await region.innerText()).replace(/,/g, '');
  return Number(/([\d.]+)\s*credits/.exec(text)![1]);
}

/**
 * A `test.beforeAll` hook that waits until these albums' demo audio is rendered (the server
 * renders it in the background after a fresh start): `test.beforeAll(demoAudioReady([ALBUM]))`.
 */
export function demoAudioReady(albums: string[], timeout = 190_000) {
  return async ({ playwright }: PlaywrightWorkerArgs, info: TestInfo) => {
    info.setTimeout(timeout + 20_000);
    const baseURL = info.project.use.baseURL!;
    const request = await playwright.request.newContext({ baseURL });
    await waitForDemoAudio(request, baseURL, albums, timeout);
    await request.dispose();
  };
}
