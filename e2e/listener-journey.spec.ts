import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './a11y';
import { logIn, nav } from './session';

async function logOut(page: Page) {
  await nav(page).getByRole('button', { name: 'Log out' }).click();
  await expect(nav(page).getByRole('link', { name: 'Log in' })).toBeVisible();
}

test('a listener registers, browses, searches, downloads, edits a profile and checks credits', async ({ page }) => {
  test.setTimeout(240_000);
  const username = `listener${Date.now().toString(36)}`;
  const password = 'a-long-enough-password';

  // Register with the invitation code, then log out and back in.
  await page.goto('/register');
  await expectAccessible(page);
  await page.getByLabel('Username', { exact: true }).fill(username);
  await page.getByLabel('Email', { exact: true }).fill(`${username}@example.com`);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Invitation code', { exact: true }).fill('WELCOME');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(
    page.getByRole('heading', { name: new RegExp(`^Good (morning|afternoon|evening), ${username}$`), level: 1 }),
  ).toBeVisible();
  await logOut(page);
  await logIn(page, username, password);
  await expectAccessible(page);

  // Catalog → album → artist, with access badges in words.
  await nav(page).getByRole('link', { name: 'Albums' }).click();
  await page.getByRole('list', { name: 'Albums' }).getByRole('link', { name: 'A Little Color EP' }).click();
  await expect(page.getByRole('heading', { name: 'A Little Color EP', level: 1 })).toBeVisible();
  const tracks = page.getByRole('list', { name: 'Tracks' });
  await expect(tracks.getByRole('listitem').first()).toContainText(/\d+(\.\d+)? credits?/);
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Mind To Matter' }).first().click();
  await expect(page.getByRole('heading', { name: 'Mind To Matter', level: 1 })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Songs' }).getByRole('listitem').first()).toBeVisible();
  await expectAccessible(page);

  await page.goto('/albums');
  await page.getByRole('link', { name: 'Fan Club Tapes' }).click();
  await expect(page.getByRole('list', { name: 'Tracks' }).getByRole('listitem').first()).toContainText(
    'Locked — needs CHIPSFANS',
  );

  // Search with AND, then with OR: the results change, and the search lives in the URL.
  await nav(page).getByRole('link', { name: 'Search' }).click();
  // Before a search the page browses genres; the document's filters are one click away.
  await expect(page.getByRole('list', { name: 'Genres' }).getByRole('link', { name: /^Jazz/ })).toBeVisible();
  await page.getByText('Filters', { exact: true }).click();
  await page.getByLabel('Artist', { exact: true }).fill('Mr. Chips');
  await page.getByLabel('Tag', { exact: true }).fill('piano');
  await page.getByRole('radio', { name: 'All filters (AND)' }).check();
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByText('1 song found')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Search results' }).getByRole('listitem')).toHaveCount(1);
  expect(new URL(page.url()).searchParams.get('operator')).toBe('AND');
  await page.getByRole('radio', { name: 'Any filter (OR)' }).check();
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByText('24 songs found')).toBeVisible();
  await page.reload();
  await expect(page.getByText('24 songs found')).toBeVisible();
  await expect(page.getByLabel('Artist', { exact: true })).toHaveValue('Mr. Chips');
  await expectAccessible(page);
  await logOut(page);

  // As demo: home picks up where the demo's listening history left off.
  await logIn(page, 'demo', 'demo-password');
  await nav(page).getByRole('link', { name: 'Home' }).click();
  await expect(page.getByRole('list', { name: 'Recently played' }).getByRole('listitem').first()).toBeVisible();
  await expect(page.getByRole('list', { name: 'Jump back in' }).getByRole('article').first()).toBeVisible();
  // The songs their tokens give them, with a working download link.
  await page.goto('/albums/' + (await albumId(page, 'Fan Club Tapes')));
  await expect(page.getByRole('list', { name: 'Tracks' }).getByRole('listitem').first()).toContainText(
    'Free with CHIPSFANS',
  );
  await nav(page).getByRole('link', { name: 'My songs' }).click();
  await expect(page.getByRole('heading', { name: 'My songs', level: 1 })).toBeVisible();
  // Fresh data: the demo audio renders in the background for about half a minute.
  const download = page
    .getByRole('list', { name: 'My songs' })
    .getByRole('link', { name: /^Download / })
    .first();
  await expect(async () => {
    await page.reload();
    await expect(download).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 150_000, intervals: [3000] });
  await expectAccessible(page);
  const href = await download.getAttribute('href');
  expect(href).toBeTruthy();
  const file = await page.request.get(href!);
  expect(file.status()).toBe(200);
  expect(file.headers()['content-type']).toMatch(/^audio\//);
  expect((await file.body()).length).toBeGreaterThan(1000);
  const [saved] = await Promise.all([page.waitForEvent('download'), download.click()]);
  expect(saved.suggestedFilename()).toMatch(/\.\w+$/);

  // Edit the profile and see it on the public profile page.
  await nav(page).getByRole('link', { name: 'Profile' }).click();
  await page.getByLabel('Display name', { exact: true }).fill('Demo Listener');
  await page
    .getByLabel('Bio', { exact: true })
    .fill('I **really** like chiptunes.\n\n- loud\n- [my site](https://example.com)');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Save profile' }).click();
  await page.getByRole('link', { name: 'See your public profile' }).click();
  await expect(page.getByRole('heading', { name: 'Demo Listener', level: 1 })).toBeVisible();
  await expect(page.getByText('really', { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'my site' })).toHaveAttribute('href', 'https://example.com/');
  await expectAccessible(page);

  // The credits balance, and a refresh of it.
  await nav(page).getByRole('link', { name: 'Credits' }).click();
  const balance = page.getByRole('region', { name: 'Balance' });
  // 250 at the start, less the demo history's paid listens
  await expect(balance).toContainText(/\d{3}(\.\d+)? credits/);
  const shown = await balance.locator('p').first().textContent();
  await page.getByRole('button', { name: 'Refresh balance' }).click();
  await expect(balance).toContainText(shown!.trim());
  await expectAccessible(page);

  await logOut(page);
  await expect(page.getByRole('link', { name: 'My songs' })).toHaveCount(0);
});

async function albumId(page: Page, name: string): Promise<string> {
  const albums = (await (await page.request.get('/api/v1/music/catalog/albums')).json()) as {
    id: string;
    name: string;
  }[];
  return albums.find((a) => a.name === name)!.id;
}
