import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './a11y';
import { albumSongs, expectAudioPast, player, waitForDemoAudio } from './player-fixtures';
import { logIn, newUser, playlistSongs, putPlaylists, settled } from './playlist-helpers';

// Playlists as resources (issue 21): two browsers on one playlist, and a live shared link.
const ALBUM = 'A Little Color EP'; // unlocked for demo by the LITTLECOLOR token: no credits spent

test.beforeAll(async ({ playwright }, info) => {
  info.setTimeout(200_000);
  const baseURL = info.project.use.baseURL!;
  const request = await playwright.request.newContext({ baseURL });
  await waitForDemoAudio(request, baseURL, [ALBUM]);
  await request.dispose();
});

const heading = (p: Page, name: string) => p.getByRole('heading', { name, level: 1 });

test('two browsers edit one playlist at once: both edits are kept, and a rename is followed', async ({
  browser,
  request,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const songs = await albumSongs(request, ALBUM);
  const [s0, s1, s2, s3] = songs.map((s) => s.name);
  const user = await newUser(request, 'both');
  await putPlaylists(request, baseURL!, user, JSON.stringify({ Both: songs.slice(0, 4).map((s) => ({ id: s.id })) }));
  const a = await (await browser.newContext()).newPage();
  const b = await (await browser.newContext()).newPage();
  for (const p of [a, b]) {
    await p.goto('/');
    await logIn(p, user.username, user.password);
    await p.goto('/playlists/Both');
    await expect.poll(() => playlistSongs(p)).toEqual([s0, s1, s2, s3]);
  }
  // At the same moment, both made on the same version: A moves the first song down, B removes the last.
  await Promise.all([
    a.getByRole('button', { name: `Move ${s0} down` }).click(),
    b.getByRole('button', { name: `Remove ${s3} from the playlist` }).click(),
  ]);
  await settled(a);
  await settled(b);
  for (const p of [a, b]) await expect.poll(() => playlistSongs(p), { timeout: 15_000 }).toEqual([s1, s0, s2]);

  // A renames it; B's page follows without a reload (it is the same playlist, by id).
  await a.getByRole('button', { name: 'Rename' }).click();
  const rename = a.getByRole('dialog', { name: 'Rename playlist' });
  await rename.getByLabel('Playlist name').fill('Both, renamed');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(heading(a, 'Both, renamed')).toBeVisible();
  await expect(heading(b, 'Both, renamed')).toBeVisible({ timeout: 15_000 });
  await expect(b.getByText(/no playlist called/)).toHaveCount(0);
  await expectAccessible(b);
});

test('a shared link opened by a second listener plays; revoking it ends the page', async ({
  browser,
  request,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const songs = await albumSongs(request, ALBUM);
  const owner = await newUser(request, 'owner');
  await putPlaylists(request, baseURL!, owner, JSON.stringify({ 'For you': songs.map((s) => ({ id: s.id })) }));
  const o = await (await browser.newContext()).newPage();
  await o.goto('/');
  await logIn(o, owner.username, owner.password);
  await o.goto('/playlists/For%20you');
  await expect(heading(o, 'For you')).toBeVisible();
  await o.getByRole('button', { name: 'Share' }).click();
  const share = o.getByRole('dialog', { name: 'Share “For you”' });
  await share.getByRole('radio', { name: /Anyone with the link/ }).check();
  const link = await share.getByLabel('Link to share').inputValue();
  expect(link).toMatch(/\/p\/[\w-]{16,}$/);
  await share.getByRole('button', { name: 'Close' }).click();

  const l = await (await browser.newContext()).newPage();
  await l.goto('/');
  await logIn(l, 'demo', 'demo-password');
  await l.goto(link);
  await expect(heading(l, 'For you')).toBeVisible();
  await expect(l.getByText(`Shared playlist by ${owner.username}`)).toBeVisible();
  await expect.poll(() => playlistSongs(l, 'Shared songs')).toEqual(songs.map((s) => s.name));
  await l.getByRole('button', { name: 'Play', exact: true }).click();
  await expectAudioPast(l, 0.5);
  await expect(player(l).getByRole('button', { name: /^Now playing: / })).toHaveAccessibleName(
    new RegExp(songs[0]!.name),
  );
  await l.getByRole('button', { name: 'Follow' }).click();
  await expect(l.getByRole('button', { name: 'Following' })).toHaveAttribute('aria-pressed', 'true');
  await expectAccessible(l);

  // The owner makes it private: the link ends.
  await o.getByRole('button', { name: 'Share' }).click();
  await share.getByRole('radio', { name: /Private/ }).check();
  await expect(share.getByRole('status')).toContainText('no longer works');
  await l.reload();
  await expect(l.getByRole('alert')).toContainText('This link no longer works');
});
