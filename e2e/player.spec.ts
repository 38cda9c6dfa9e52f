import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './a11y';
import {
  albumSongs,
  audioPaused,
  audioTime,
  creditsBalance,
  expectAudioPast,
  logIn,
  nav,
  player,
  registerListener,
  spendAllCredits,
  waitForDemoAudio,
} from './player-fixtures';

const ALBUMS = ['Circuit Breaker', 'Fan Club Tapes', 'Deep Water', 'Year One'];

test.beforeAll(async ({ playwright }, info) => {
  info.setTimeout(200_000);
  const baseURL = info.project.use.baseURL!;
  const request = await playwright.request.newContext({ baseURL });
  await waitForDemoAudio(request, baseURL, ALBUMS);
  await request.dispose();
});

async function openAlbum(page: Page, name: string) {
  await nav(page).getByRole('link', { name: 'Albums' }).click();
  await page.getByRole('list', { name: 'Albums' }).getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  return page.getByRole('list', { name: 'Tracks' });
}

const nowPlaying = (page: Page) => player(page).getByRole('button', { name: /^Now playing: / });
const bar = (page: Page, name: string) => player(page).getByRole('button', { name, exact: true });

async function streamRows(page: Page, song: string) {
  await nav(page).getByRole('link', { name: 'Credits' }).click();
  const rows = page.getByRole('row').filter({ hasText: `Stream of ${song}` });
  // The page may first show the history cached before this listen; wait until it has caught up.
  await expect(rows.first()).toBeVisible();
  return rows.count();
}

test('a paid song is charged once: pause, resume and seek are free, and the balance drops by its price', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await logIn(page, 'demo', 'demo-password');
  const before = await creditsBalance(page);
  const [song] = await albumSongs(page.request, 'Circuit Breaker');
  const tracks = await openAlbum(page, 'Circuit Breaker');
  await tracks.getByRole('button', { name: `Play ${song!.name}`, exact: true }).click();
  await expectAudioPast(page, 0.5);
  await expect(nowPlaying(page)).toHaveAccessibleName(new RegExp(song!.name));
  await expect(player(page)).toContainText(
    `Paid ${song!.priceFloat} credits · balance ${before - song!.priceFloat} credits`,
  );

  // The system's media controls know the song (lock screen, media keys).
  const session = () =>
    page.evaluate(() => ({
      title: navigator.mediaSession.metadata?.title,
      artist: navigator.mediaSession.metadata?.artist,
      artwork: navigator.mediaSession.metadata?.artwork[0]?.src ?? '',
      state: navigator.mediaSession.playbackState,
    }));
  await expect.poll(session).toEqual({
    title: song!.name,
    artist: 'Mr. Chips',
    artwork: expect.stringContaining('/media/artwork/'),
    state: 'playing',
  });

  await bar(page, 'Pause').click();
  await expect.poll(() => audioPaused(page)).toBe(true);
  await expect.poll(async () => (await session()).state).toBe('paused');
  const pausedAt = (await audioTime(page))!;
  await bar(page, 'Play').click();
  await expectAudioPast(page, pausedAt + 0.5);

  // Seek with the keyboard (the slider), then with the pointer at the middle of the bar.
  const seek = player(page).getByRole('slider', { name: 'Seek' });
  const t = (await audioTime(page))!;
  await seek.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => audioTime(page)).toBeGreaterThan(t + 9);
  await expect(seek).toHaveAttribute('aria-valuetext', /^\d+:\d\d of \d+:\d\d$/);
  const box = (await seek.boundingBox())!;
  // The time under the pointer, before a click.
  await seek.hover({ position: { x: box.width / 4, y: box.height / 2 } });
  const quarter = Math.floor(song!.durationSec / 4);
  await expect(player(page).getByTestId('seek-hover-time')).toHaveText(
    new RegExp(`^0:(${[quarter - 1, quarter, quarter + 1].map((n) => String(n).padStart(2, '0')).join('|')})$`),
  );
  await seek.click({ position: { x: box.width / 2, y: box.height / 2 } });
  await expect.poll(() => audioTime(page)).toBeGreaterThan(song!.durationSec / 2 - 2);
  await expect.poll(() => audioTime(page)).toBeLessThan(song!.durationSec / 2 + 4);

  // One ledger row for this song, and the balance is down by exactly its price.
  expect(await creditsBalance(page)).toBe(before - song!.priceFloat);
  expect(await streamRows(page, song!.name)).toBe(1);
  await expect.poll(() => audioPaused(page)).toBe(false); // the page change did not stop the music

  // Next from the bar while the Credits page is open: the balance on the page follows the charge.
  const [, second] = await albumSongs(page.request, 'Circuit Breaker');
  await bar(page, 'Next').click();
  await expect(nowPlaying(page)).toHaveAccessibleName(new RegExp(second!.name));
  await expect(page.getByRole('region', { name: 'Balance' })).toContainText(
    `${before - song!.priceFloat - second!.priceFloat} credits`,
  );
});

test('a token-gated song plays with the held token, at no charge', async ({ page }) => {
  test.setTimeout(90_000);
  await logIn(page, 'demo', 'demo-password');
  const before = await creditsBalance(page);
  const [song] = await albumSongs(page.request, 'Fan Club Tapes');
  await nav(page).getByRole('link', { name: 'My songs' }).click();
  await page
    .getByRole('list', { name: 'My songs' })
    .getByRole('button', { name: `Play ${song!.name}`, exact: true })
    .click();
  await expectAudioPast(page, 0.5);
  await expect(nowPlaying(page)).toHaveAccessibleName(new RegExp(song!.name));
  await expect(player(page)).not.toContainText('Paid');
  // The now-playing view, with the album's artwork.
  await player(page)
    .getByRole('button', { name: /^Now playing: / })
    .click();
  const view = player(page).getByRole('region', { name: song!.name });
  await expect(view.getByRole('img', { name: 'Artwork of Fan Club Tapes' })).toBeVisible();
  await expect(view).toContainText('Free with CHIPSFANS');
  await expectAccessible(page);
  // The view is full screen on a desktop too: close it to reach the navigation.
  await view.getByRole('button', { name: 'Close now playing' }).click();
  expect(await creditsBalance(page)).toBe(before);
});

test('a song the listener cannot pay for, or lacks the token of, does not play and the player says why', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const listener = await registerListener(page.request, 'broke');
  const [song] = await albumSongs(page.request, 'Circuit Breaker');
  await spendAllCredits(
    page.request,
    test.info().project.use.baseURL!,
    listener,
    ['Deep Water', 'Circuit Breaker'],
    song!.id,
  );
  await logIn(page, listener.username, 'a-long-enough-password');
  const tracks = await openAlbum(page, 'Circuit Breaker');
  await tracks.getByRole('button', { name: `Play ${song!.name}`, exact: true }).click();
  const alert = player(page).getByRole('alert');
  await expect(alert).toContainText(`Not enough credits: "${song!.name}" costs ${song!.priceFloat}`);
  await expect(alert).toContainText('Your balance: 0 credits.');
  expect(await audioTime(page)).toBeNull();
  await expect(bar(page, 'Play')).toBeVisible();

  // The row of a locked album says why there is nothing to play...
  const locked = await openAlbum(page, 'Year One');
  await expect(locked.getByRole('listitem').first()).toContainText('Locked — needs MTMYEARONE');
  await expect(locked.getByRole('button', { name: /^Play / })).toHaveCount(0);
  // ...and a queue saved while the token was held is refused by the server, with the token named.
  const [gated] = await albumSongs(page.request, 'Year One');
  await page.evaluate((s) => {
    const item = {
      id: s.id,
      name: s.name,
      artist: 'Mind To Matter',
      artistProfileId: null,
      albumId: s.albumId,
      albumName: 'Year One',
      durationSec: s.durationSec,
      artworkUrl: null,
      access: { kind: 'token', label: 'Free with MTMYEARONE' },
    };
    const queue = { entries: [{ key: 'q1', item }], current: 0, shuffle: false, repeat: 'off', original: null, seq: 2 };
    localStorage.setItem('tokenly.player', JSON.stringify({ queue, position: 0, volume: 0.8, muted: false }));
  }, gated!);
  await page.reload();
  await expect(nowPlaying(page)).toHaveAccessibleName(new RegExp(gated!.name));
  await bar(page, 'Play').click();
  await expect(alert).toContainText('only for holders of MTMYEARONE');
  await expect(alert).toContainText("Hold MTMYEARONE to unlock it: get MTMYEARONE from the artist's market.");
  await expect(alert.getByRole('link', { name: "get MTMYEARONE from the artist's market" })).toHaveAttribute(
    'href',
    'https://tokenmarkets.com/catalog/mind-to-matter',
  );
  expect(await audioTime(page)).toBeNull();
});

test('the next song starts when one ends; after a reload the queue and position are back, paused, and resume is free', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await logIn(page, 'demo', 'demo-password');
  const songs = await albumSongs(page.request, 'Deep Water');
  const [first, second] = songs;
  const tracks = await openAlbum(page, 'Deep Water');
  await tracks.getByRole('button', { name: `Play ${first!.name}`, exact: true }).click();
  await expectAudioPast(page, 0.5);
  await bar(page, 'Repeat off').click();
  await expect(bar(page, 'Repeat all')).toHaveAttribute('aria-pressed', 'true');
  await player(page).getByRole('slider', { name: 'Volume' }).fill('40');

  // Jump to the end of the song and let it finish: the next one starts by itself.
  await player(page).getByRole('slider', { name: 'Seek' }).focus();
  await page.keyboard.press('End');
  await expect(nowPlaying(page)).toHaveAccessibleName(new RegExp(second!.name), { timeout: 20_000 });
  await expectAudioPast(page, 2.5);
  await bar(page, 'Shuffle').click();
  await expect(bar(page, 'Shuffle')).toHaveAttribute('aria-pressed', 'true');
  const savedAt = (await audioTime(page))!;

  await page.reload();
  await expect(nowPlaying(page)).toHaveAccessibleName(new RegExp(second!.name));
  await expect(bar(page, 'Play')).toBeVisible(); // paused: nothing plays by itself
  expect(await audioTime(page)).toBeNull();
  const seek = player(page).getByRole('slider', { name: 'Seek' });
  const shown = Number(await seek.getAttribute('aria-valuenow'));
  // saved on the way out (pagehide), a moment after it was read here
  expect(shown).toBeGreaterThanOrEqual(Math.floor(savedAt) - 2);
  expect(shown).toBeLessThanOrEqual(Math.ceil(savedAt) + 6);
  await expect(bar(page, 'Repeat all')).toHaveAttribute('aria-pressed', 'true');
  await expect(player(page).getByRole('slider', { name: 'Volume' })).toHaveValue('40');
  await bar(page, 'Queue').click();
  const queue = player(page).getByRole('list', { name: 'Queue' });
  await expect(queue.getByRole('listitem')).toHaveCount(songs.length);
  await expect(queue.locator('li[aria-current="true"]')).toHaveAttribute('aria-label', second!.name);
  await expect(bar(page, 'Shuffle')).toHaveAttribute('aria-pressed', 'true');

  await bar(page, 'Play').click();
  await expect.poll(() => audioTime(page)).toBeGreaterThan(shown - 1.5);
  await expectAudioPast(page, shown + 0.5);
  // Each listen was paid once, the resumed one included.
  expect(await streamRows(page, first!.name)).toBe(1);
  expect(await streamRows(page, second!.name)).toBe(1);
});

test('keyboard shortcuts drive the player, but never while typing in a field', async ({ page }) => {
  test.setTimeout(120_000);
  await logIn(page, 'demo', 'demo-password');
  const [first, second] = await albumSongs(page.request, 'Circuit Breaker');
  const tracks = await openAlbum(page, 'Circuit Breaker');
  await tracks.getByRole('button', { name: `Play ${first!.name}`, exact: true }).click();
  await expectAudioPast(page, 0.5);
  await page.getByRole('heading', { level: 1 }).click(); // focus leaves the buttons

  await page.keyboard.press(' ');
  await expect.poll(() => audioPaused(page)).toBe(true);
  await page.keyboard.press(' ');
  await expect.poll(() => audioPaused(page)).toBe(false);
  await page.keyboard.press('m');
  await expect(bar(page, 'Mute')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('M');
  await expect(bar(page, 'Mute')).toHaveAttribute('aria-pressed', 'false');
  const t = (await audioTime(page))!;
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => audioTime(page)).toBeGreaterThan(t + 4);
  await page.keyboard.press('n');
  await expect(nowPlaying(page)).toHaveAccessibleName(new RegExp(second!.name));
  await expectAudioPast(page, 0.2);
  await page.keyboard.press('p');
  await expect(nowPlaying(page)).toHaveAccessibleName(new RegExp(first!.name));

  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('Play or pause');
  await expectAccessible(page);
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  // In a text field the keys type.
  await nav(page).getByRole('link', { name: 'Search' }).click();
  await page.getByText('Filters', { exact: true }).click();
  const field = page.getByLabel('Artist', { exact: true });
  await field.click();
  await page.keyboard.type('n p m ?');
  await expect(field).toHaveValue('n p m ?');
  await expect(nowPlaying(page)).toHaveAccessibleName(new RegExp(first!.name));
  await expect(bar(page, 'Mute')).toHaveAttribute('aria-pressed', 'false');
  await expect(help).toBeHidden();
  expect(await audioPaused(page)).toBe(false);
  await expectAccessible(page);
});

test('play next, add to queue, reorder and remove in the queue panel', async ({ page }) => {
  test.setTimeout(90_000);
  await logIn(page, 'demo', 'demo-password');
  const fans = await albumSongs(page.request, 'Fan Club Tapes');
  const rock = await albumSongs(page.request, 'Circuit Breaker');
  const tapes = await openAlbum(page, 'Fan Club Tapes');
  await tapes.getByRole('button', { name: `Play ${fans[0]!.name}`, exact: true }).click();
  await expectAudioPast(page, 0.2);
  const rows = await openAlbum(page, 'Circuit Breaker');
  await rows.getByRole('button', { name: `More actions for ${rock[0]!.name}` }).click();
  await page.getByRole('menuitem', { name: 'Play next' }).click();
  await rows.getByRole('button', { name: `More actions for ${rock[5]!.name}` }).click();
  await page.getByRole('menuitem', { name: 'Add to queue' }).click();

  await bar(page, 'Queue').click();
  const queue = player(page).getByRole('list', { name: 'Queue' });
  // From the bar's last control, Tab goes on into the open panel (not back up the page).
  await bar(page, 'Keyboard shortcuts').focus();
  await page.keyboard.press('Tab');
  await expect(page.locator('#player-queue :focus')).toHaveCount(1);
  const names = () => queue.getByRole('listitem').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  await expect.poll(names).toEqual([fans[0]!.name, rock[0]!.name, ...fans.slice(1).map((s) => s.name), rock[5]!.name]);
  await queue.getByRole('button', { name: `Move ${rock[5]!.name} up` }).click();
  await queue.getByRole('button', { name: `Remove ${fans[1]!.name} from the queue` }).click();
  await expect
    .poll(names)
    .toEqual([fans[0]!.name, rock[0]!.name, fans[2]!.name, fans[3]!.name, rock[5]!.name, fans[4]!.name]);
  await expectAccessible(page);

  await bar(page, 'Next').click();
  await expect(nowPlaying(page)).toHaveAccessibleName(new RegExp(rock[0]!.name));
  await expect(queue.getByRole('listitem').nth(1)).toHaveAttribute('aria-current', 'true');
  await expectAudioPast(page, 0.2);
});

test('one tab plays at a time: starting a song in a second tab pauses the first', async ({ page, context }) => {
  test.setTimeout(90_000);
  await logIn(page, 'demo', 'demo-password');
  const [first, second] = await albumSongs(page.request, 'Fan Club Tapes');
  const tracks = await openAlbum(page, 'Fan Club Tapes');
  await tracks.getByRole('button', { name: `Play ${first!.name}`, exact: true }).click();
  await expectAudioPast(page, 0.5);

  const other = await context.newPage();
  await other.goto('/');
  const otherTracks = await openAlbum(other, 'Fan Club Tapes');
  await otherTracks.getByRole('button', { name: `Play ${second!.name}`, exact: true }).click();
  await expectAudioPast(other, 0.5);
  await expect.poll(() => audioPaused(page)).toBe(true);
  await expect(bar(page, 'Play')).toBeVisible();
  expect(await audioPaused(other)).toBe(false);
  await other.close();
});
