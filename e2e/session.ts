import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { signRequest } from '@/lib/signing';

/** The app's main navigation, where the account links live. */
export const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

/** Logs in through the page as a person would: the nav's Log in link, the form, Log out appears. */
export async function logIn(page: Page, username: string, password: string) {
  if (page.url() === 'about:blank') await page.goto('/');
  await nav(page).getByRole('link', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { name: 'Log in', level: 1 })).toBeVisible();
  await page.getByLabel('Username', { exact: true }).fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(nav(page).getByRole('button', { name: 'Log out' })).toBeVisible();
}

export interface ApiCreds {
  apiToken: string;
  apiSecretKey: string;
}

/**
 * A protected API request from a fixture, signed with the app's own signing code (the signed
 * string of the API document, HMAC-SHA256 over Web Crypto). `body` is sent exactly as signed.
 */
export async function signedFetch(
  request: APIRequestContext,
  baseURL: string,
  creds: ApiCreds,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  body?: string,
) {
  const url = new URL(path, baseURL).toString();
  const headers = await signRequest({ method, url, body, apiToken: creds.apiToken, secret: creds.apiSecretKey });
  return request.fetch(url, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { data: body }),
  });
}
