import { expect, test } from '@playwright/test';
import { expectAccessible } from './a11y';
import { albumSongs, creditsBalance, expectAudioPast, logIn, nav, player, waitForDemoAudio } from './player-fixtures';
import { playlistSongs, settled } from './playlist-helpers';

// Where the two features meet: a playlist plays through the player, and the queue feeds playlists.
const ALBUM = 'A Little Color EP'; // unlocked for demo by the LITTLECOLOR token: no credits spent

test.beforeAll(async ({ playwright }, info) => {
  info.setTimeout(200_000);
  const baseURL = info.project.use.baseURL!;
  const request = await playwright.request.newContext({ baseURL });
  await waitForDemoAudio(request, baseURL, [ALBUM]);
  await request.dispose();
});

test('a playlist plays through the player, and a queued song is saved to a new playlist', async ({ page }) => {
  test.setTimeout(120_000);
  const songs = await albumSongs(page.request, ALBUM);
  const names = songs.map((s) => s.name);
  const list = `Color ${Date.now().toString(36)}`;
  const saved = `From the queue ${Date.now().toString(36)}`;

  await page.goto('/');
  await logIn(page, 'demo', 'demo-password');
  const before = await creditsBalance(page);

  // The whole album into a new playlist, from the album page.
  await nav(page).getByRole('link', { name: 'Albums' }).click();
  await page.getByRole('list', { name: 'Albums' }).getByRole('link', { name: ALBUM }).click();
  await page.getByRole('button', { name: `Add ${ALBUM} to a playlist` }).click();
  await page.getByRole('menuitem', { name: 'New playlist…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New playlist' });
  await dialog.getByLabel('Playlist name').fill(list);
  await dialog.getByRole('button', { name: 'Create playlist' }).click();
  await settled(page);

  // Play it from its page: the first song plays, the rest wait in the queue, nothing is charged.
  await nav(page).getByRole('link', { name: 'Playlists' }).click();
  await page.getByRole('link', { name: list }).click();
  await expect.poll(() => playlistSongs(page)).toEqual(names);
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expectAudioPast(page, 0.5);
  await expect(player(page).getByRole('button', { name: /^Now playing: / })).toHaveAccessibleName(
    new RegExp(names[0]!),
  );
  await player(page).getByRole('button', { name: 'Queue', exact: true }).click();
  const queue = page.getByRole('list', { name: 'Queue' });
  await expect(queue.getByRole('listitem')).toHaveCount(names.length);
  await expectAccessible(page);

  // "Add to queue" on the playlist page appends the playlist again.
  await page.getByRole('button', { name: 'Add to queue', exact: true }).click();
  await expect(queue.getByRole('listitem')).toHaveCount(names.length * 2);

  // A queued song goes into a new playlist from the queue panel's own menu.
  const last = names[names.length - 1]!;
  await queue
    .getByRole('listitem', { name: last })
    .first()
    .getByRole('button', { name: `Add ${last} to a playlist` })
    .click();
  await page.getByRole('menuitem', { name: 'New playlist…' }).click();
  await dialog.getByLabel('Playlist name').fill(saved);
  await dialog.getByRole('button', { name: 'Create playlist' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Created “${saved}” with “${last}”.` })).toBeVisible();
  await settled(page);
  await page.goto(`/playlists/${encodeURIComponent(saved)}`);
  await expect.poll(() => playlistSongs(page)).toEqual([last]);

  // Token-unlocked songs cost nothing.
  expect(await creditsBalance(page)).toBe(before);
});
