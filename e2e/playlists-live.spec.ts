import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './a11y';
import { albumSongs, expectAudioPast, player, waitForDemoAudio } from './player-fixtures';
import { catalogSongIds, logIn, newUser, playlistSongs, putPlaylists, settled } from './playlist-helpers';

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

  // On the owner's profile too (the same link), then private: the link ends.
  await o.getByRole('button', { name: 'Share' }).click();
  await share.getByRole('radio', { name: /On your profile/ }).check();
  await expect(share.getByRole('status')).toContainText('Sharing updated');
  await l.goto(`/users/${owner.username}`);
  await l
    .getByRole('list', { name: `Playlists of ${owner.username}` })
    .getByRole('link', { name: 'For you' })
    .click();
  await expect(heading(l, 'For you')).toBeVisible();
  await share.getByRole('radio', { name: /Private/ }).check();
  await expect(share.getByRole('status')).toContainText('no longer works');
  await l.reload();
  await expect(l.getByRole('alert')).toContainText('This link no longer works');
});

test('a playlist grows past the old 4 KB document, and unknown songs show as unavailable', async ({
  page,
  request,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const user = await newUser(request, 'full');
  const ids = await catalogSongIds(request);
  // A document of almost 4 KB from an old-style client: real songs, plus one id the catalog does not have.
  // The songs of the album added below come first, so that adding it asks about them.
  const albums = (await (await request.get('/api/v1/music/catalog/albums')).json()) as { id: string; name: string }[];
  const color = albums.find((a) => a.name === 'A Little Color EP')!;
  const colorSongs = (await (await request.get(`/api/v1/music/catalog/songs/${color.id}`)).json()) as { id: string }[];
  const entries = ['00000000-0000-4000-8000-000000000000', ...colorSongs.map((x) => x.id)];
  const doc = () => JSON.stringify({ Full: entries.map((id) => ({ id })) });
  for (let i = 0; Buffer.byteLength(doc()) + 46 * 2 <= 4096; i++) entries.push(ids[i % ids.length]!);
  await putPlaylists(request, baseURL!, user, doc());

  await page.goto('/');
  await logIn(page, user.username, user.password);
  await page.goto('/playlists');
  await expect(page.getByText(/room for about/)).toHaveCount(0);
  await page.getByRole('link', { name: 'Full' }).click();
  await expect(page.getByText(`${entries.length} songs ·`)).toContainText('1 unavailable');
  const gone = page.getByRole('list', { name: 'Playlist songs' }).getByRole('listitem', { name: 'Unavailable song' });
  await expect(gone).toContainText('No longer in the catalog');

  // A whole album more, past what the document could hold: the songs already there are asked about.
  await page.goto('/albums');
  await page.getByRole('list', { name: 'Albums' }).getByRole('link', { name: 'A Little Color EP' }).click();
  await page.getByRole('button', { name: 'Add A Little Color EP to a playlist' }).click();
  await page.getByRole('menuitem', { name: 'Full', exact: true }).click();
  const ask = page.getByRole('dialog', { name: 'Add it again?' });
  await expect(ask).toContainText('already in “Full”');
  await expectAccessible(page);
  await ask.getByRole('button', { name: 'Add again' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'to “Full”' })).toBeVisible();
  await page.goto('/playlists');
  await expect(page.getByRole('list', { name: 'Your playlists' })).not.toContainText(`${entries.length} songs`);
});
