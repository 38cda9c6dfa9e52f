import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './a11y';
import { albumSongs, expectAudioPast, logIn, nav, player, waitForDemoAudio } from './player-fixtures';

const ALBUM = 'A Little Color EP';
const ARTIST = 'Mind To Matter';
/** Logs in on the form (on a phone the Log out button sits behind More). */
async function phoneLogIn(page: Page) {
  await page.goto('/login');
  await page.getByLabel('Username', { exact: true }).fill('demo');
  await page.getByLabel('Password', { exact: true }).fill('demo-password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(nav(page).getByRole('link', { name: 'Library' })).toBeVisible();
}

const search = (page: Page) => page.getByRole('combobox', { name: 'Search songs, albums and artists' });

test.beforeAll(async ({ request, baseURL }) => {
  test.setTimeout(180_000);
  await waitForDemoAudio(request, baseURL!, [ALBUM]);
});

test('three letters in the header suggest songs, albums and artists; a song opens on its album', async ({
  page,
  request,
}) => {
  const [song] = await albumSongs(request, ALBUM);
  await page.goto('/albums');
  await expect(page.getByRole('heading', { name: 'Albums', level: 1 })).toBeVisible();
  // "/" focuses the box from anywhere on the page
  await page.keyboard.press('/');
  await expect(search(page)).toBeFocused();
  await page.keyboard.type(song!.name.slice(0, 3).toLowerCase());
  const list = page.getByRole('listbox', { name: 'Suggestions' });
  await expect(search(page)).toHaveAttribute('aria-expanded', 'true');
  const songs = list.getByRole('group', { name: 'Songs' });
  await expect(songs.getByRole('option').first()).toBeVisible();
  // arrows move the active option (the box keeps focus), Escape closes the list
  await page.keyboard.press('ArrowDown');
  const first = list.getByRole('option').first();
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await expect(search(page)).toHaveAttribute('aria-activedescendant', (await first.getAttribute('id'))!);
  await page.keyboard.press('Escape');
  await expect(list).toBeHidden();
  await expect(search(page)).toBeFocused();
  await expectAccessible(page);

  // Ctrl+K focuses it again; choosing the song opens its album with the song's row ready to play.
  await page.locator('main').click();
  await page.keyboard.press('Control+k');
  await expect(search(page)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  const option = songs.getByRole('option', { name: new RegExp(`^${song!.name}`) });
  await option.click();
  await expect(page.getByRole('heading', { name: ALBUM, level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: `Play ${song!.name}`, exact: true })).toBeFocused();

  // Enter with no option chosen opens the full results, whose boolean filters stay under Filters.
  await search(page).fill('little');
  await search(page).press('Enter');
  await expect(page.getByRole('heading', { name: 'Results for “little”', level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/search\?q=little$/);
  await expect(page.getByRole('list', { name: 'Albums' }).getByRole('link', { name: ALBUM })).toBeVisible();
  await page.getByText('Filters', { exact: true }).click();
  await expect(page.getByRole('radio', { name: 'All filters (AND)' })).toBeVisible();
  await expectAccessible(page);
});

test('like a song and play Liked songs; shuffle an album; follow an artist and see the discography', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const songs = await albumSongs(request, ALBUM);
  const liked = songs[1]!;
  await logIn(page, 'demo', 'demo-password');
  await nav(page).getByRole('link', { name: 'Albums' }).click();
  await page.getByRole('list', { name: 'Albums' }).getByRole('link', { name: ALBUM }).click();
  await expect(page.getByText(/\d+ min \d+ s/)).toBeVisible();
  const like = page.getByRole('button', { name: `Like ${liked.name}`, exact: true });
  await expect(like).toBeEnabled();
  if ((await like.getAttribute('aria-pressed')) !== 'true') await like.click();
  await expect(like).toHaveAttribute('aria-pressed', 'true');
  // the row's context menu (right-click) is its More menu
  await page
    .getByRole('list', { name: 'Tracks' })
    .getByRole('listitem', { name: liked.name })
    .click({ button: 'right' });
  await expect(page.getByRole('menu', { name: `More actions for ${liked.name}` })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'Go to artist' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expectAccessible(page);

  // Shuffle plays the whole album with the player's shuffle on.
  await page.getByRole('button', { name: `Shuffle ${ALBUM}` }).click();
  await expectAudioPast(page, 0.2);
  await expect(player(page).getByRole('button', { name: 'Shuffle' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveTitle(/^▶ /);
  await player(page).getByRole('button', { name: 'Shuffle' }).click();

  // Liked songs plays like a playlist.
  await nav(page).getByRole('link', { name: 'Library' }).click();
  const likedList = page.getByRole('list', { name: 'Liked songs' });
  await expect(likedList.getByRole('listitem', { name: liked.name })).toBeVisible();
  await page.getByRole('button', { name: 'Play Liked songs' }).click();
  await expect(player(page).getByRole('button', { name: /^Now playing: / })).toHaveAccessibleName(
    new RegExp(liked.name),
  );
  await expectAudioPast(page, 0.2);
  await expect(page).toHaveTitle(new RegExp(`▶ ${liked.name}`));
  await expectAccessible(page);

  // Home remembers what was played.
  await nav(page).getByRole('link', { name: 'Home' }).click();
  await expect(
    page.getByRole('list', { name: 'Recently played' }).getByRole('listitem', { name: liked.name }),
  ).toBeVisible();
  await expect(page.getByRole('list', { name: 'Jump back in' }).getByRole('article', { name: ALBUM })).toBeVisible();
  await expectAccessible(page);

  // Follow the artist; the discography is album cards, newest first; the library lists the artist.
  await page.goto('/artists');
  await page.getByRole('link', { name: ARTIST }).first().click();
  await expect(page.getByRole('heading', { name: ARTIST, level: 1 })).toBeVisible();
  const follow = page.getByRole('button', { name: `Follow ${ARTIST}` });
  await expect(follow).toBeEnabled();
  if ((await follow.getAttribute('aria-pressed')) !== 'true') await follow.click();
  await expect(follow).toHaveAttribute('aria-pressed', 'true');
  await expect(follow).toHaveText('Following');
  const discography = page.getByRole('list', { name: 'Discography' });
  await expect(discography.getByRole('article', { name: ALBUM })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Top songs' }).getByRole('listitem').first()).toBeVisible();
  await expectAccessible(page);
  await nav(page).getByRole('link', { name: 'Library' }).click();
  await expect(
    page.getByRole('list', { name: 'Artists you follow' }).getByRole('link', { name: ARTIST }),
  ).toBeVisible();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('every new page fits 390 px with no sideways scroll and no control smaller than 44 px', async ({
    page,
    request,
  }) => {
    test.setTimeout(120_000);
    const songs = await albumSongs(request, ALBUM);
    await phoneLogIn(page);
    const profile = (await (await request.get('/api/v1/artists')).json()) as {
      items: { artist: string; artistProfileId: string | null }[];
    };
    const artistId = profile.items.find((a) => a.artist === ARTIST)!.artistProfileId!;
    for (const path of [
      '/',
      '/albums',
      `/albums/${songs[0]!.albumId}`,
      `/artists/${artistId}`,
      '/library',
      '/search?q=little',
      '/settings',
      '/my-songs',
    ]) {
      await page.goto(path);
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth),
        `${path} scrolls sideways`,
      ).toBeLessThanOrEqual(390);
      // Controls (not links inside a sentence) are at least 44 px each way.
      const small = await page.evaluate(() =>
        [
          ...document.querySelectorAll<HTMLElement>(
            'button, input, select, summary, nav a, [role="option"], main article a',
          ),
        ]
          .filter((el) => el.offsetParent !== null && !el.closest('[hidden]'))
          .map((el) => ({ el, r: el.getBoundingClientRect() }))
          .filter(({ r }) => r.width > 0 && (r.height < 44 || r.width < 44))
          .filter(
            ({ el }) =>
              !(
                el instanceof HTMLInputElement &&
                (el.type === 'radio' || el.type === 'checkbox') &&
                el.closest('label')
              ),
          )
          .map(
            ({ el, r }) =>
              `${el.tagName} "${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`,
          ),
      );
      expect(small, `small targets on ${path}`).toEqual([]);
      // no title is cut: nothing in the lists hides text behind an ellipsis
      const cut = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('main li *')]
          .filter((el) => getComputedStyle(el).textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth)
          .map((el) => el.textContent),
      );
      expect(cut, `cut titles on ${path}`).toEqual([]);
      // every page at 390 px, light and dark, as at 1280
      await expectAccessible(page);
    }
  });

  test('the bottom bar navigates; the compact player opens a full-screen view with a tap', async ({
    page,
    request,
  }) => {
    const songs = await albumSongs(request, ALBUM);
    await phoneLogIn(page);
    await page.goto('/albums');
    await page.getByRole('list', { name: 'Albums' }).getByRole('link', { name: ALBUM }).click();
    await page.getByRole('button', { name: `Play ${ALBUM}` }).click();
    await expectAudioPast(page, 0.2);
    const bar = player(page);
    await expect(bar.getByRole('slider', { name: 'Volume' })).toBeHidden();
    await expect(bar.getByRole('button', { name: 'Keyboard shortcuts' })).toBeHidden();
    // the bar sits on the bottom navigation, not under it
    const navBox = (await nav(page).boundingBox())!;
    const barBox = (await bar.boundingBox())!;
    expect(barBox.y + barBox.height).toBeLessThanOrEqual(navBox.y + 1);
    await bar.getByRole('button', { name: /^Now playing: / }).click();
    // the view is labelled by the song's title, and fills the screen
    const full = page.getByRole('region', { name: songs[0]!.name, exact: true });
    await expect(full).toBeVisible();
    const fullBox = (await full.boundingBox())!;
    expect(fullBox.height).toBeGreaterThanOrEqual(800);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Close now playing' }).click();
    await expect(full).toBeHidden();
    await nav(page).getByRole('link', { name: 'Home' }).click();
    await expect(page.getByRole('heading', { name: /^Good (morning|afternoon|evening), /, level: 1 })).toBeVisible();
  });
});
