import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectAccessible } from './a11y';
import { catalogSongIds, newUser, putPlaylists, type TestUser } from './playlist-helpers';

const phone = { width: 390, height: 844 };
const player = (page: Page) => page.getByRole('region', { name: 'Player' });
const tracks = (page: Page) => page.getByRole('list', { name: 'Tracks' }).getByRole('listitem');

async function box(l: Locator) {
  const b = await l.boundingBox();
  expect(b, 'element on screen').not.toBeNull();
  return b!;
}

/** The top edge of the player bar's controls row: what sits lower is hidden under the bar. */
async function barTop(page: Page) {
  return (await box(player(page))).y;
}

/** A listener with eight playlists (a tall menu) on the first album, with the player bar showing. */
async function albumWithBar(page: Page, user: Pick<TestUser, 'username' | 'password'>) {
  await page.goto('/login');
  await page.getByLabel('Username', { exact: true }).fill(user.username);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto('/albums');
  await page
    .getByRole('link', { name: /Quiet Hours/ })
    .first()
    .click();
  await expect(tracks(page).first()).toBeVisible();
  await addToQueue(page, tracks(page).first());
  await expect(player(page)).toBeVisible();
}

/** A track row's "Add to queue", from its More menu. */
async function addToQueue(page: Page, row: Locator) {
  await row.getByRole('button', { name: /^More actions for / }).click();
  await page.getByRole('menuitem', { name: 'Add to queue' }).click();
}

async function userWithPlaylists(request: Parameters<typeof newUser>[0], baseURL: string) {
  const user = await newUser(request, 'polish');
  const ids = await catalogSongIds(request);
  const names = ['Dinner', 'Focus', 'Late night', 'Morning', 'Rainy day', 'Road trip', 'Sunday', 'Workout'];
  const doc = Object.fromEntries(names.map((n) => [n, ids.slice(0, 2).map((id) => ({ id }))]));
  await putPlaylists(request, baseURL, user, JSON.stringify(doc));
  return user;
}

test.describe('on a phone', () => {
  test.use({ viewport: phone });

  test('the last row of the page can be scrolled clear of the player bar, and a focused control is never under it', async ({
    page,
    request,
  }) => {
    await albumWithBar(page, await newUser(request, 'polish'));
    const last = tracks(page).last();
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    expect((await box(last)).y + (await box(last)).height).toBeLessThanOrEqual(await barTop(page));

    // With the last row on screen but covered by the bar, Tab from its Like button onto its More
    // button: the browser scrolls the focused button clear of the bar.
    const queueButton = last.getByRole('button', { name: /^More actions for / });
    const nextButton = last.getByRole('button', { name: /^Like / });
    await nextButton.focus();
    await nextButton.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top - (window.innerHeight - 40)));
    expect((await box(queueButton)).y).toBeGreaterThan(await barTop(page));
    await page.keyboard.press('Tab');
    await expect(queueButton).toBeFocused();
    const b = await box(queueButton);
    expect(b.y + b.height).toBeLessThanOrEqual(await barTop(page));
  });

  test('the Add-to-playlist menu opens upward above the player bar near the bottom of the screen', async ({
    page,
    request,
    baseURL,
  }) => {
    await albumWithBar(page, await userWithPlaylists(request, baseURL!));
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const last = tracks(page).last();
    const song = (await last.getAttribute('aria-label'))!;
    const button = last.getByRole('button', { name: `More actions for ${song}` });
    await button.click();
    const menu = page.getByRole('menu', { name: `More actions for ${song}` });
    await expect(menu.getByRole('menuitem', { name: 'Play next' })).toBeFocused();
    const m = await box(menu);
    expect(m.y + m.height).toBeLessThanOrEqual((await box(button)).y);
    expect(m.y).toBeGreaterThanOrEqual(0);
    // every item can be seen, none of them under the bar
    await expect(menu.getByRole('menuitem', { name: 'Share' })).toBeInViewport();
    expect(m.y + m.height).toBeLessThanOrEqual(await barTop(page));
    await expectAccessible(page);

    // Escape closes it and gives focus back; choosing an item is confirmed above the bar.
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await expect(button).toBeFocused();
    await button.press('Enter');
    await menu.getByRole('menuitem', { name: 'Add to playlist…' }).click();
    await page
      .getByRole('dialog', { name: `Add ${song} to a playlist` })
      .getByRole('button', { name: 'Workout' })
      .click();
    const message = page.getByRole('status').filter({ hasText: `Added “${song}” to “Workout”` });
    await expect(message).toBeVisible();
    const msg = await box(message);
    expect(msg.y + msg.height).toBeLessThanOrEqual(await barTop(page));
  });

  test('the player bar gives the song title its own row and passes the accessibility check with the queue open', async ({
    page,
    request,
    baseURL,
  }) => {
    await albumWithBar(page, await userWithPlaylists(request, baseURL!));
    const nowPlaying = player(page).getByRole('button', { name: /^Now playing: / });
    // the title is not squeezed to a few letters by the transport buttons
    expect((await box(nowPlaying)).width).toBeGreaterThan(phone.width / 2);
    await expectAccessible(page);

    // The compact phone bar opens the full-screen view, which has the queue.
    await nowPlaying.click();
    await page.getByRole('button', { name: 'Queue', exact: true }).click();
    const queue = page.getByRole('list', { name: 'Queue' });
    await expect(queue.getByRole('listitem')).toHaveCount(1);
    await expectAccessible(page);
  });
});

test.describe('signed-in pages on a phone, with the player bar showing', () => {
  test.use({ viewport: phone });

  test('the credits, profile and playlist pages pass the accessibility check', async ({ page, request, baseURL }) => {
    await albumWithBar(page, await userWithPlaylists(request, baseURL!));
    await page.goto('/playlists');
    await expect(page.getByRole('list', { name: 'Your playlists' }).getByRole('listitem')).toHaveCount(8);
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Dinner' }).click();
    await expect(page.getByRole('list', { name: 'Playlist songs' }).getByRole('listitem')).toHaveCount(2);
    await expectAccessible(page);
    await page.goto('/profile');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    await expectAccessible(page);
  });

  test('the credit history fits a phone, and its sideways-scrolling box can be reached with the keyboard', async ({
    page,
  }) => {
    await albumWithBar(page, { username: 'demo', password: 'demo-password' });
    await page.goto('/credits');
    const history = page.getByRole('region', { name: 'Credit history' });
    await expect(history.getByRole('table')).toBeVisible();
    // the time goes under the date, so the last column is on screen without scrolling sideways
    await expect(history.getByRole('columnheader', { name: 'Balance after' })).toBeInViewport({ ratio: 1 });
    await history.focus();
    await expect(history).toBeFocused();
    await expectAccessible(page);
  });
});

test('in the queue panel the Add-to-playlist menu stays inside the panel, and the page passes the accessibility check', async ({
  page,
  request,
  baseURL,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await albumWithBar(page, await userWithPlaylists(request, baseURL!));
  for (const row of await tracks(page).all()) await addToQueue(page, row);
  await player(page).getByRole('button', { name: 'Queue', exact: true }).click();
  const panel = page.getByRole('region', { name: /^Queue/ });
  const lastEntry = page.getByRole('list', { name: 'Queue' }).getByRole('listitem').last();
  const song = (await lastEntry.getAttribute('aria-label'))!;
  await lastEntry.scrollIntoViewIfNeeded();
  await lastEntry.getByRole('button', { name: `Add ${song} to a playlist` }).click();
  const menu = page.getByRole('menu', { name: `Add ${song} to a playlist` });
  await expect(menu.getByRole('menuitem', { name: 'Dinner' })).toBeFocused();
  const m = await box(menu);
  const p = await box(panel);
  expect(m.y).toBeGreaterThanOrEqual(p.y);
  expect(m.y + m.height).toBeLessThanOrEqual(p.y + p.height);
  await expectAccessible(page);
  await page.keyboard.press('End');
  await expect(menu.getByRole('menuitem', { name: 'New playlist…' })).toBeFocused();
  await expect(menu.getByRole('menuitem', { name: 'New playlist…' })).toBeInViewport();
});

for (const viewport of [{ width: 1280, height: 900 }, phone]) {
  test(`at ${viewport.width}px the shortcuts help and the new-playlist dialog open in the middle of the screen, and Escape gives focus back`, async ({
    page,
    request,
  }) => {
    await page.setViewportSize(viewport);
    await albumWithBar(page, await newUser(request, 'polish'));
    const centred = async (dialog: Locator) => {
      const d = await box(dialog);
      expect(Math.abs(d.x + d.width / 2 - viewport.width / 2)).toBeLessThanOrEqual(2);
      expect(d.y).toBeGreaterThan(0);
      expect(d.x).toBeGreaterThan(0);
    };

    const help = player(page).getByRole('button', { name: 'Keyboard shortcuts' });
    if (viewport.width < 768) {
      // a phone's compact bar has no shortcuts button (no keyboard to use them with)
      await expect(help).toBeHidden();
    } else {
      await help.click();
      const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await expect(shortcuts).toBeVisible();
      await centred(shortcuts);
      await expectAccessible(page);
      await page.keyboard.press('Escape');
      await expect(shortcuts).toBeHidden();
      await expect(help).toBeFocused();
    }

    const song = (await tracks(page).first().getAttribute('aria-label'))!;
    const menuButton = tracks(page)
      .first()
      .getByRole('button', { name: `More actions for ${song}` });
    await menuButton.click();
    await page.getByRole('menuitem', { name: 'Add to playlist…' }).click();
    await page
      .getByRole('dialog', { name: `Add ${song} to a playlist` })
      .getByRole('button', { name: 'New playlist…' })
      .click();
    const create = page.getByRole('dialog');
    await expect(create).toBeVisible();
    await centred(create);
    await page.keyboard.press('Escape');
    await expect(create).toBeHidden();
    await expect(menuButton).toBeFocused();
  });
}
