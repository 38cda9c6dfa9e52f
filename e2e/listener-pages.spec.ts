import { expect, test } from '@playwright/test';
import { expectAccessible } from './a11y';
import { nav } from './session';

test('every public page is accessible', async ({ page }) => {
  test.setTimeout(120_000);
  const pages: [string, string][] = [
    ['/albums', 'Albums'],
    ['/artists', 'Artists'],
    ['/genres', 'Genres'],
    ['/tags', 'Tags'],
    ['/search?genre=Jazz', 'Search'],
    ['/login', 'Log in'],
    ['/register', 'Create an account'],
    ['/forgot-password', 'Forgot your password?'],
    ['/reset-password?email=demo%40example.com&token=ABC', 'Choose a new password'],
    ['/users/demo', 'demo'],
    ['/my-songs', 'My songs'],
    ['/no/such/page', 'Page not found'],
  ];
  for (const [path, heading] of pages) {
    await page.goto(path);
    await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    await expectAccessible(page);
  }
});

test('genres and tags lead to a search for them', async ({ page }) => {
  await page.goto('/genres');
  await page.getByRole('list', { name: 'Genres' }).getByRole('link', { name: /^Jazz/ }).click();
  await expect(page.getByLabel('Genre', { exact: true })).toHaveValue('Jazz');
  await expect(page.getByText('6 songs found')).toBeVisible();
  await nav(page).getByRole('link', { name: 'Tags' }).click();
  await page
    .getByRole('list', { name: 'Tags' })
    .getByRole('link', { name: /^ocean/ })
    .click();
  await expect(page.getByLabel('Tag', { exact: true })).toHaveValue('ocean');
  await expect(page.getByRole('list', { name: 'Search results' }).getByRole('listitem').first()).toBeVisible();
});

test('bad input is explained next to the field it concerns', async ({ page }) => {
  await page.goto('/register');
  await page.getByLabel('Username', { exact: true }).fill('demo');
  await page.getByLabel('Email', { exact: true }).fill('someone-new@example.com');
  await page.getByLabel('Password', { exact: true }).fill('short');
  await page.getByLabel('Invitation code', { exact: true }).fill('WELCOME');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByLabel('Password', { exact: true })).toHaveAccessibleDescription(/at least 10 characters/);

  await page.getByLabel('Password', { exact: true }).fill('a-long-enough-password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByLabel('Username', { exact: true })).toHaveAccessibleDescription(/already taken/);

  await page.getByLabel('Username', { exact: true }).fill(`fresh${Date.now().toString(36)}`);
  await page.getByLabel('Invitation code', { exact: true }).fill('NOT-A-CODE');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByLabel('Invitation code', { exact: true })).toHaveAccessibleDescription(/not valid/);
  await expect(page.getByLabel('Email', { exact: true })).toHaveValue('someone-new@example.com');
  await expectAccessible(page);

  await page.goto('/login');
  await page.getByLabel('Username', { exact: true }).fill('demo');
  await page.getByLabel('Password', { exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('alert')).toContainText('Wrong username or password');

  await page.goto('/reset-password?email=demo%40example.com&token=EXPIRED1');
  await expect(page.getByLabel('Reset code', { exact: true })).toHaveValue('EXPIRED1');
  await page.getByLabel('New password', { exact: true }).fill('another-long-password');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByLabel('Reset code', { exact: true })).toHaveAccessibleDescription(/not valid or has expired/);

  await page.goto('/forgot-password');
  await page.getByLabel('Email', { exact: true }).fill('demo@example.com');
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'demo@example.com' })).toBeVisible();
});

test('a server that is down or busy gets a friendly message and a retry, and nothing typed is lost', async ({
  page,
}) => {
  await page.route('**/api/v1/account/login', (route) =>
    route.fulfill({ status: 500, contentType: 'application/json', body: '{"message":"boom"}' }),
  );
  await page.goto('/login');
  await page.getByLabel('Username', { exact: true }).fill('demo');
  await page.getByLabel('Password', { exact: true }).fill('demo-password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('alert')).toContainText('Nothing you typed is lost');
  await expect(page.getByLabel('Username', { exact: true })).toHaveValue('demo');
  await page.unroute('**/api/v1/account/login');
  await page.getByRole('alert').getByRole('button', { name: 'Try again' }).click();
  await expect(nav(page).getByRole('button', { name: 'Log out' })).toBeVisible();

  await page.route('**/api/v1/artists?*', (route) =>
    route.fulfill({
      status: 503,
      headers: { 'retry-after': '1' },
      contentType: 'application/json',
      body: '{"message":"maintenance"}',
    }),
  );
  await nav(page).getByRole('link', { name: 'Artists' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'retrying shortly' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('busy or unavailable', { timeout: 15_000 });
  await page.unroute('**/api/v1/artists?*');
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('list', { name: 'Artists' }).getByRole('link').first()).toBeVisible();
});
