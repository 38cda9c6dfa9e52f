import { expect, test, type APIRequestContext } from '@playwright/test';
import { expectAccessible } from './a11y';
import { logIn, nav, signedFetch, type ApiCreds } from './session';

const OLD = 'a-long-enough-password';
const NEW = 'copper-meadow-violin-38';

async function apiLogin(request: APIRequestContext, username: string, password: string): Promise<ApiCreds> {
  const r = await request.post('/api/v1/account/login', { data: { username, password } });
  expect(r.status()).toBe(200);
  return (await r.json()) as ApiCreds;
}

test('change the password, see other sessions end, log in with the new one; end another session', async ({
  page,
  request,
  baseURL,
}) => {
  const username = `settings${Date.now() % 1_000_000}`;
  const reg = await request.post('/api/v1/account/register', {
    data: { username, password: OLD, email: `${username}@example.com`, code: 'WELCOME' },
  });
  expect(reg.status()).toBe(200);
  const elsewhere = (await reg.json()) as ApiCreds;
  const mySessions = (creds: ApiCreds) => signedFetch(request, baseURL!, creds, 'GET', '/api/v1/account/sessions');

  await logIn(page, username, OLD);
  await page.goto('/settings');
  const sessions = page.getByRole('list', { name: 'Sessions' });
  await expect(sessions.getByRole('listitem')).toHaveCount(2);
  await expect(sessions.getByText('This device')).toBeVisible();
  await expectAccessible(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page);
  await page.emulateMedia({ colorScheme: 'light' });

  const form = page.getByRole('form', { name: 'Change password' });
  await form.getByLabel('Current password').fill('not-my-password');
  await form.getByLabel('New password').fill(NEW);
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(form.getByLabel('Current password')).toHaveAccessibleDescription(/not your current password/);
  await expect(nav(page).getByRole('button', { name: 'Log out' })).toBeVisible();

  await form.getByLabel('Current password').fill(OLD);
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Password changed' })).toContainText(
    '1 other session was logged out',
  );
  await expect(sessions.getByRole('listitem')).toHaveCount(1);
  expect((await mySessions(elsewhere)).status()).toBe(403);

  await nav(page).getByRole('button', { name: 'Log out' }).click();
  await logIn(page, username, NEW);

  // Another device signs in; this one ends it from the list.
  const other = await apiLogin(request, username, NEW);
  expect((await mySessions(other)).status()).toBe(200);
  await page.goto('/settings');
  await expect(sessions.getByRole('listitem')).toHaveCount(2);
  await sessions.getByRole('button', { name: /^End session/ }).click();
  await expect(sessions.getByRole('listitem')).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Log out everywhere else' })).toBeDisabled();
  expect((await mySessions(other)).status()).toBe(403);
});

test('delete the account with its password: signed out, and signing in again fails', async ({ page, request }) => {
  const username = `leaving${Date.now() % 1_000_000}`;
  const reg = await request.post('/api/v1/account/register', {
    data: { username, password: OLD, email: `${username}@example.com`, code: 'WELCOME' },
  });
  expect(reg.status()).toBe(200);
  await logIn(page, username, OLD);
  await page.goto('/settings');
  await page.getByRole('button', { name: 'Delete account…' }).click();
  const form = page.getByRole('form', { name: 'Delete account' });
  await expectAccessible(page);
  await form.getByLabel('Current password').fill('not-my-password');
  await form.getByRole('button', { name: 'Delete my account' }).click();
  await expect(form.getByLabel('Current password')).toHaveAccessibleDescription(/not your current password/);

  await form.getByLabel('Current password').fill(OLD);
  await form.getByRole('button', { name: 'Delete my account' }).click();
  await expect(page.getByText('Your account was deleted.')).toBeVisible();
  await expect(page).toHaveURL(/\/$/);
  await expect(nav(page).getByRole('link', { name: 'Log in' })).toBeVisible();

  await nav(page).getByRole('link', { name: 'Log in' }).click();
  await page.getByLabel('Username', { exact: true }).fill(username);
  await page.getByLabel('Password', { exact: true }).fill(OLD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('alert')).toContainText(/incorrect|invalid|wrong|not/i);
  await expect(nav(page).getByRole('link', { name: 'Log in' })).toBeVisible();
  expect((await request.post('/api/v1/account/login', { data: { username, password: OLD } })).status()).toBe(403);
});
