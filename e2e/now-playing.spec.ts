import { expect, test, type Browser, type Page } from '@playwright/test';
import { ledgerPageSchema } from '@contract/listener';
import { expectAccessible } from './a11y';
import {
  albumSongs,
  audioPaused,
  audioTime,
  expectAudioPast,
  logIn,
  nav,
  player,
  registerListener,
  demoAudioReady,
} from './player-fixtures';
import { signedFetch } from './session';

const ALBUM = 'A Little Color EP'; // paid for anyone without LITTLECOLOR; its first song is time-tagged
const SONG = 'Ears on the Ground';

test.beforeAll(demoAudioReady([ALBUM]));

async function playFromAlbum(page: Page, song: string) {
  await nav(page).getByRole('link', { name: 'Albums' }).click();
  await page.getByRole('list', { name: 'Albums' }).getByRole('link', { name: ALBUM }).click();
  await page
    .getByRole('list', { name: 'Tracks' })
    .getByRole('button', { name: `Play ${song}`, exact: true })
    .click();
}

const current = (page: Page) => page.getByRole('list', { name: 'Lyrics' }).locator('[aria-current="true"]');

test('time-tagged lyrics follow the music in the full-screen view, and a line seeks when chosen', async ({
  page,
  request,
}) => {
  const me = await registerListener(request, 'lyrics');
  await logIn(page, me.username!, 'a-long-enough-password');
  await playFromAlbum(page, SONG);
  await expectAudioPast(page, 0.2);
  await player(page)
    .getByRole('button', { name: /^Now playing: / })
    .click();
  const view = player(page).getByRole('region', { name: SONG, exact: true });
  await expect(view).toBeVisible();
  await expect(view.getByRole('button', { name: 'Lyrics', pressed: true })).toBeVisible();
  const lines = view.getByRole('list', { name: 'Lyrics' }).getByRole('button');
  await expect(lines).toHaveCount(8);
  // The first line is sung from 1 s: it is the current one, then the next takes over as the music goes on.
  await expect(current(page)).toHaveText('Ears on the ground, listen for the sound');
  await expect(current(page)).toHaveText('Of a city waking slow', { timeout: 15_000 });
  await expectAccessible(page);
  // Choosing a later line moves the music there and makes it the current one.
  const sixth = lines.nth(5);
  const label = (await sixth.getAttribute('aria-label'))!;
  const [, m, s] = /\((\d+):(\d+)\)$/.exec(label)!;
  const lineAt = Number(m) * 60 + Number(s);
  await sixth.click();
  await expect(current(page)).toHaveText('Ears on the ground');
  await expect.poll(() => audioTime(page)).toBeGreaterThanOrEqual(lineAt);
  expect(await audioPaused(page)).toBe(false);
  // The queue is there too, and the view closes back to the bar.
  await view.getByRole('button', { name: 'Queue', exact: true }).click();
  await expect(view.getByRole('list', { name: 'Queue' }).getByRole('listitem')).toHaveCount(6);
  await view.getByRole('button', { name: 'Close now playing' }).click();
  await expect(view).toBeHidden();
  await expect(player(page).getByRole('button', { name: /^Now playing: / })).toBeFocused();
});

async function otherDevice(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ baseURL });
  return { context, page: await context.newPage() };
}

test('another browser continues the song where it is, the first one pauses, and the listen is charged once', async ({
  page,
  request,
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const [song] = await albumSongs(request, ALBUM);
  const me = await registerListener(request, 'handoff');
  await logIn(page, me.username!, 'a-long-enough-password');
  await playFromAlbum(page, SONG);
  await expectAudioPast(page, 3);

  const phone = await otherDevice(browser, baseURL!);
  await logIn(phone.page, me.username!, 'a-long-enough-password');
  const offer = phone.page.getByRole('region', { name: 'Continue from another device' });
  await expect(offer).toContainText('Playing on Chrome on Linux');
  const continueButton = offer.getByRole('button', { name: new RegExp(`^Continue ${SONG} at 0:\\d\\d$`) });
  await expect(continueButton).toBeVisible();
  await expectAccessible(phone.page);
  const before = { at: Date.now(), position: (await audioTime(page))! };
  await continueButton.click();
  await expectAudioPast(phone.page, before.position + 0.5);
  // Where the first device was, moved on by the time since: within a second of it (bench/ measures closer).
  const here = (await audioTime(phone.page))!;
  expect(Math.abs(here - (before.position + (Date.now() - before.at) / 1000))).toBeLessThan(1);
  // The first device learns within a save's interval, pauses and says where the music went.
  await expect.poll(() => audioPaused(page), { timeout: 10_000 }).toBe(true);
  await expect(page.getByText('Now playing on Chrome on Linux.')).toBeVisible();
  expect(await audioPaused(phone.page)).toBe(false);
  // …and may take it back: the offer is now on the first device.
  await expect(
    page.getByRole('region', { name: 'Continue from another device' }).getByRole('button', { name: /^Continue / }),
  ).toBeVisible();

  const history = ledgerPageSchema.parse(
    await (await signedFetch(request, baseURL!, me, 'GET', '/api/v1/credits/history')).json(),
  );
  expect(history.items.filter((i) => i.kind === 'stream' && i.songName === song!.name)).toHaveLength(1);
  await phone.context.close();
});
