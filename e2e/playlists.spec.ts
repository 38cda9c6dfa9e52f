import { expect, test } from '@playwright/test';
import { expectAccessible } from './a11y';
import {
  addFirstRowTo,
  catalogSongIds,
  logIn,
  nav,
  newUser,
  playlistSongs,
  putPlaylists,
  settled,
} from './playlist-helpers';

test('a listener builds a playlist from three pages, reorders it by drag and keyboard, renames it and finds it intact', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const user = await newUser(request, 'pl');
  await page.goto('/');
  await logIn(page, user.username, user.password);

  // Create it from the playlists page.
  await nav(page).getByRole('link', { name: 'Playlists' }).click();
  await expect(page.getByRole('heading', { name: 'Playlists', level: 1 })).toBeVisible();
  // no 4 KB meter any more (issue 21): playlists are rows, not a document
  await expect(page.getByText(/bytes used/)).toHaveCount(0);
  await page.getByRole('button', { name: 'New playlist' }).click();
  const dialog = page.getByRole('dialog', { name: 'New playlist' });
  await dialog.getByLabel('Playlist name').fill('Trip');
  await dialog.getByRole('button', { name: 'Create playlist' }).click();
  await expect(page.getByRole('list', { name: 'Your playlists' }).getByRole('link', { name: 'Trip' })).toBeVisible();
  await expectAccessible(page);

  // Add a song from an album, a search result and an artist's page.
  await nav(page).getByRole('link', { name: 'Albums' }).click();
  await page.getByRole('list', { name: 'Albums' }).getByRole('link', { name: 'A Little Color EP' }).click();
  const fromAlbum = await addFirstRowTo(page, 'Tracks', 'Trip');
  await expectAccessible(page);

  await nav(page).getByRole('link', { name: 'Search' }).click();
  await page.getByText('Filters', { exact: true }).click();
  await page.getByLabel('Artist', { exact: true }).fill('Mr. Chips');
  await page.getByRole('button', { name: 'Search' }).click();
  const fromSearch = await addFirstRowTo(page, 'Search results', 'Trip');

  await page.goto('/artists');
  await page.getByRole('link', { name: 'Mind To Matter' }).first().click();
  await expect(page.getByRole('heading', { name: 'Mind To Matter', level: 1 })).toBeVisible();
  // a song not added yet, so that the three differ (the album is this artist's too)
  const artistRows = page.getByRole('list', { name: 'Songs', exact: true }).getByRole('listitem');
  await expect(artistRows.first()).toBeVisible();
  const artistSongs = await artistRows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  const fromArtist = artistSongs.find((n) => n !== fromAlbum && n !== fromSearch)!;
  const row = artistRows.filter({ has: page.getByText(fromArtist, { exact: true }) });
  // keyboard: open the row's More menu with ArrowDown, move with arrows, choose with Enter
  await row.getByRole('button', { name: `More actions for ${fromArtist}` }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Play next' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Add to playlist…' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menu')).toHaveCount(0);
  const picker = page.getByRole('dialog', { name: `Add ${fromArtist} to a playlist` });
  await picker.getByRole('button', { name: 'Trip', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  await expect(row.getByRole('button', { name: `More actions for ${fromArtist}` })).toBeFocused();
  await settled(page);

  await nav(page).getByRole('link', { name: 'Playlists' }).click();
  await expect(page.getByRole('list', { name: 'Your playlists' })).toContainText('3 songs');
  await page.getByRole('link', { name: 'Trip' }).click();
  await expect(page.getByRole('heading', { name: 'Trip', level: 1 })).toBeVisible();
  expect(await playlistSongs(page)).toEqual([fromAlbum, fromSearch, fromArtist]);
  // access in words, as on the other song lists
  await expect(
    page.getByRole('list', { name: 'Playlist songs' }).getByRole('listitem', { name: fromAlbum }),
  ).toContainText(/\d+ credits?|Free/);
  await expectAccessible(page);

  // Drag the first song onto the last place.
  const rows = page.getByRole('list', { name: 'Playlist songs' }).getByRole('listitem');
  await rows.nth(0).dragTo(rows.nth(2));
  await expect.poll(() => playlistSongs(page)).toEqual([fromSearch, fromArtist, fromAlbum]);

  // Move the last one up from the keyboard: focus stays on it and its new place is announced.
  await page.getByRole('button', { name: `Move ${fromAlbum} up` }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => playlistSongs(page)).toEqual([fromSearch, fromAlbum, fromArtist]);
  await expect(page.getByRole('status').filter({ hasText: `“${fromAlbum}” moved to position 2 of 3.` })).toBeVisible();
  await expect(page.getByRole('button', { name: `Move ${fromAlbum} up` })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => playlistSongs(page)).toEqual([fromAlbum, fromSearch, fromArtist]);
  // at the top "Move up" is disabled: focus goes to "Move down" rather than being lost
  await expect(page.getByRole('button', { name: `Move ${fromAlbum} down` })).toBeFocused();

  // Rename (to a name with characters that mean something in a URL): the address follows.
  const renamed = 'Road trip / 100% #1?';
  await page.getByRole('button', { name: 'Rename' }).click();
  const rename = page.getByRole('dialog', { name: 'Rename playlist' });
  await rename.getByLabel('Playlist name').fill(renamed);
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByRole('heading', { name: renamed, level: 1 })).toBeVisible();
  await settled(page);

  // Duplicate, remove from the copy, delete the copy.
  await page.getByRole('button', { name: 'Duplicate' }).click();
  await expect(page.getByText(`Duplicated as “${renamed} (2)”.`)).toBeVisible();
  await settled(page);

  await page.reload();
  await expect(page.getByRole('heading', { name: renamed, level: 1 })).toBeVisible();
  await expect.poll(() => playlistSongs(page)).toEqual([fromAlbum, fromSearch, fromArtist]);

  await page.goto('/playlists');
  await page.getByRole('link', { name: `${renamed} (2)` }).click();
  await page.getByRole('button', { name: `Remove ${fromSearch} from the playlist` }).click();
  await expect.poll(() => playlistSongs(page)).toEqual([fromAlbum, fromArtist]);
  await page.getByRole('button', { name: 'Delete' }).click();
  await page
    .getByRole('dialog', { name: /Delete/ })
    .getByRole('button', { name: 'Delete playlist' })
    .click();
  await expect(page.getByRole('heading', { name: 'Playlists', level: 1 })).toBeVisible();
  await settled(page);
  await page.reload();
  const list = page.getByRole('list', { name: 'Your playlists' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText(renamed);
  await expect(list).toContainText('3 songs');
});

test('two browsers edit the same playlists at once and both edits are kept', async ({ browser, request, baseURL }) => {
  test.setTimeout(180_000);
  const user = await newUser(request, 'two');
  await putPlaylists(request, baseURL!, user, JSON.stringify({ Mix: [] }));
  const a = await (await browser.newContext()).newPage();
  const b = await (await browser.newContext()).newPage();
  for (const p of [a, b]) {
    await p.goto('/');
    await logIn(p, user.username, user.password);
  }
  // B loads its copy of the playlists first (the row menu's playlist picker loads them)...
  await b.goto('/search?artist=Mr.+Chips');
  const bRows = b.getByRole('list', { name: 'Search results' }).getByRole('listitem');
  await expect(bRows.first()).toBeVisible();
  const fromB = (await bRows.first().getAttribute('aria-label'))!;
  await bRows
    .first()
    .getByRole('button', { name: `More actions for ${fromB}` })
    .click();
  await b.getByRole('menuitem', { name: 'Add to playlist…' }).click();
  const pickerB = b.getByRole('dialog', { name: `Add ${fromB} to a playlist` });
  await expect(pickerB.getByRole('button', { name: 'Mix', exact: true })).toBeVisible();
  // B's network is slow from here: its copy of the playlists stays the one it has (nothing else
  // is held back: its edits still reach the server).
  const holdB = () =>
    b.route('**/api/v1/me/playlists', async (r) => {
      await new Promise((done) => setTimeout(done, 20_000));
      await r.continue().catch(() => undefined);
    });
  await holdB();

  // ...then A saves an edit, so that B's copy is out of date...
  await a.goto('/albums');
  await a.getByRole('list', { name: 'Albums' }).getByRole('link', { name: 'A Little Color EP' }).click();
  const fromA = await addFirstRowTo(a, 'Tracks', 'Mix');
  await settled(a);

  // ...and B's add, made on an older version, is merged on the server: both songs are kept.
  await pickerB.getByRole('button', { name: 'Mix', exact: true }).click();
  await expect(b.getByRole('status').filter({ hasText: `Added “${fromB}” to “Mix”` })).toBeVisible();
  await b.unroute('**/api/v1/me/playlists');
  await settled(b);

  for (const p of [a, b]) {
    await p.goto('/playlists/Mix');
    await expect.poll(() => playlistSongs(p)).toEqual([fromA, fromB]);
  }

  // A deletes Mix while B (out of date again) adds to it: B is told the playlist is gone.
  await b.goto('/search?artist=Mr.+Chips');
  const row = b.getByRole('list', { name: 'Search results' }).getByRole('listitem').nth(1);
  await expect(row).toBeVisible({ timeout: 15_000 });
  const second = (await row.getAttribute('aria-label'))!;
  await row.getByRole('button', { name: `More actions for ${second}` }).click();
  await b.getByRole('menuitem', { name: 'Add to playlist…' }).click();
  const pickerB2 = b.getByRole('dialog', { name: `Add ${second} to a playlist` });
  await expect(pickerB2.getByRole('button', { name: 'Mix', exact: true })).toBeVisible();
  await holdB();
  await a.getByRole('button', { name: 'Delete' }).click();
  await a
    .getByRole('dialog', { name: /Delete/ })
    .getByRole('button', { name: 'Delete playlist' })
    .click();
  await expect(a.getByRole('heading', { name: 'Playlists', level: 1 })).toBeVisible();
  await pickerB2.getByRole('button', { name: 'Mix', exact: true }).click();
  await expect(b.getByRole('alert').filter({ hasText: `“${second}” was not added to “Mix”` })).toContainText(
    'not found',
  );
  await b.unroute('**/api/v1/me/playlists');
  await expectAccessible(b);
});

test('a shared link shows the playlist to a logged-out visitor, survives a damaged link, and can be saved', async ({
  page,
  request,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const user = await newUser(request, 'share');
  const ids = await catalogSongIds(request);
  await putPlaylists(request, baseURL!, user, JSON.stringify({ 'Late night': [{ id: ids[0]! }, { id: ids[5]! }] }));
  await page.goto('/');
  await logIn(page, user.username, user.password);
  await page.goto('/playlists');
  await page.getByRole('link', { name: 'Late night' }).click();
  const names = await (async () => {
    await expect(page.getByRole('list', { name: 'Playlist songs' }).getByRole('listitem')).toHaveCount(2);
    await expect(page.getByText('Loading…')).toHaveCount(0);
    return playlistSongs(page);
  })();
  await page.getByRole('button', { name: 'Share' }).click();
  await page
    .getByRole('dialog')
    .getByRole('radio', { name: /Anyone with the link/ })
    .check();
  const link = await page.getByRole('dialog').getByLabel('Link to share').inputValue();
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  await nav(page).getByRole('button', { name: 'Log out' }).click();

  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Late night', level: 1 })).toBeVisible();
  await expect
    .poll(async () =>
      page
        .getByRole('list', { name: 'Shared songs' })
        .getByRole('listitem')
        .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label'))),
    )
    .toEqual(names);
  await expect(page.getByRole('button', { name: /Remove|Move/ })).toHaveCount(0);
  await expectAccessible(page);

  await page.goto('/shared-playlist#name=%00&s=x');
  await expect(page.getByRole('alert')).toContainText('This shared playlist link is damaged or incomplete');
  await page.goto('/shared-playlist#s=' + 'x'.repeat(100));
  await expect(page.getByRole('alert')).toContainText('exactly one playlist');

  // Log in from the shared view, come back, save a copy (the name is taken: it gets a new one).
  await page.goto(link);
  await page.getByRole('link', { name: 'Log in to play or save it' }).click();
  await page.getByLabel('Username', { exact: true }).fill(user.username);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { name: 'Late night', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Save to my playlists' }).click();
  await expect(page.getByRole('heading', { name: 'Late night (2)', level: 1 })).toBeVisible();
  await expect.poll(() => playlistSongs(page)).toEqual(names);
  await settled(page);
});

test('demo adds one of their own songs to a new playlist from the menu', async ({ page }) => {
  await page.goto('/');
  await logIn(page, 'demo', 'demo-password');
  await nav(page).getByRole('link', { name: 'My songs' }).click();
  const row = page.getByRole('list', { name: 'My songs' }).getByRole('listitem').first();
  const song = (await row.locator('p').first().textContent())!;
  await row.getByRole('button', { name: `Add ${song} to a playlist` }).click();
  await page.getByRole('menuitem', { name: 'New playlist…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New playlist' });
  const name = `Mine ${Date.now().toString(36)}`;
  await dialog.getByLabel('Playlist name').fill(name);
  await dialog.getByRole('button', { name: 'Create playlist' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Created “${name}” with “${song}”.` })).toBeVisible();
  await settled(page);
  await page.goto(`/playlists/${encodeURIComponent(name)}`);
  await expect.poll(() => playlistSongs(page)).toEqual([song]);
  // a taken name is refused in the dialog, next to the field
  await page.goto('/playlists');
  await page.getByRole('button', { name: 'New playlist' }).click();
  await page.getByRole('dialog').getByLabel('Playlist name').fill(name);
  await page.getByRole('dialog').getByRole('button', { name: 'Create playlist' }).click();
  await expect(page.getByRole('dialog').getByText(`You already have a playlist called “${name}”.`)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});
