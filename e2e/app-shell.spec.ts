import { expect, test } from '@playwright/test';

test('the app shell lists the albums of the running server', async ({ page, request }) => {
  const albums = (await (await request.get('/api/v1/music/catalog/albums')).json()) as { name: string }[];
  expect(albums.length).toBeGreaterThanOrEqual(10);

  await page.goto('/albums');
  await expect(page.getByRole('heading', { name: 'Albums', level: 1 })).toBeVisible();
  const grid = page.getByRole('list', { name: 'Albums' });
  await expect(grid.getByRole('listitem')).toHaveCount(albums.length);
  for (const album of albums.slice(0, 3)) {
    await expect(grid.getByRole('article', { name: album.name })).toBeVisible();
    await expect(page.getByRole('img', { name: `Artwork of ${album.name}` })).toBeVisible();
  }
});

test('an unknown page shows the not-found page, not a blank screen', async ({ page }) => {
  const res = await page.goto('/no/such/page');
  expect(res?.status()).toBe(200);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to the catalog' }).click();
  await expect(page.getByRole('heading', { name: 'Albums' })).toBeVisible();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the links fold behind a More button that opens, navigates and folds again', async ({ page }) => {
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: 'Main' });
    const menu = nav.getByRole('button', { name: 'More' });
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(nav.getByRole('link', { name: 'Artists' })).toBeHidden();

    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await nav.getByRole('link', { name: 'Artists' }).click();
    await expect(page.getByRole('heading', { name: 'Artists', level: 1 })).toBeVisible();
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(nav.getByRole('link', { name: 'Genres' })).toBeHidden();
    // the page itself does not overflow sideways
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
