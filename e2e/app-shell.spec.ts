import { expect, test } from '@playwright/test';

test('the app shell lists the albums of the running server', async ({ page, request }) => {
  const albums = (await (await request.get('/api/v1/music/catalog/albums')).json()) as { name: string }[];
  expect(albums.length).toBeGreaterThanOrEqual(10);

  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Catalog', level: 1 })).toBeVisible();
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
  await expect(page.getByRole('heading', { name: 'Catalog' })).toBeVisible();
});
