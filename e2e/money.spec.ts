import { expect, test, type Page } from '@playwright/test';
import type { Credentials } from '@contract/account';
import { earningsSchema } from '@contract/money';
import { expectAccessible } from './a11y';
import { albumSongs, logIn, nav, player, demoAudioReady } from './player-fixtures';
import { signedFetch } from './session';

const PAID_ALBUM = 'A Little Color EP'; // Mind To Matter's, paid for anyone without LITTLECOLOR
const GATED_ALBUM = 'Fan Club Tapes'; // only for holders of CHIPSFANS

test.beforeAll(demoAudioReady([PAID_ALBUM, GATED_ALBUM]));

async function openAlbum(page: Page, name: string) {
  await nav(page).getByRole('link', { name: 'Albums' }).click();
  await page.getByRole('list', { name: 'Albums' }).getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  return page.getByRole('list', { name: 'Tracks' });
}

const credits = (sat: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 8 }).format(sat / 1e8);

test('a new listener gets welcome credits, redeems a voucher and pays for a listen that the artist sees on Earnings', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(150_000);
  const [song] = await albumSongs(page.request, PAID_ALBUM);
  const artist = (await (
    await page.request.post('/api/v1/account/login', { data: { username: 'artist', password: 'artist-password' } })
  ).json()) as Credentials;
  const earningsOf = async () =>
    earningsSchema.parse(
      await (await signedFetch(page.request, baseURL!, artist, 'GET', '/api/v1/artist/earnings')).json(),
    );
  const before = (await earningsOf()).songs.find((s) => s.songId === song!.id)!;

  const username = `payer${Date.now().toString(36)}`;
  await page.goto('/register');
  await page.getByLabel('Username', { exact: true }).fill(username);
  await page.getByLabel('Email', { exact: true }).fill(`${username}@example.com`);
  await page.getByLabel('Password', { exact: true }).fill('a-long-enough-password');
  await page.getByLabel('Invitation code', { exact: true }).fill('WELCOME');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: new RegExp(username), level: 1 })).toBeVisible();
  // The catalog says which albums need a token.
  await nav(page).getByRole('link', { name: 'Albums' }).click();
  await expect(page.getByRole('article', { name: GATED_ALBUM })).toContainText('Token-gated · CHIPSFANS');

  await nav(page).getByRole('link', { name: 'Credits' }).click();
  const balance = page.getByRole('region', { name: 'Balance' });
  await expect(balance).toContainText('10 credits');
  const history = page.getByRole('region', { name: 'Credit history' });
  await expect(history).toContainText('Welcome credits');
  await page.getByLabel('Voucher code').fill('try-tokenly');
  await page.getByRole('button', { name: 'Redeem' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Voucher' })).toHaveText(
    'Voucher TRY-TOKENLY redeemed: your balance is now 30 credits.',
  );
  await expect(balance).toContainText('30 credits');
  await expect(history).toContainText('Voucher TRY-TOKENLY');
  await page.getByLabel('Voucher code').fill('TRY-TOKENLY');
  await page.getByRole('button', { name: 'Redeem' }).click();
  await expect(page.getByText('you have already redeemed this voucher')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Buy credits' })).toHaveCount(0);
  await expectAccessible(page);

  const tracks = await openAlbum(page, PAID_ALBUM);
  await tracks.getByRole('button', { name: `Play ${song!.name}`, exact: true }).click();
  await expect(player(page)).toContainText(
    `Paid ${song!.priceFloat} credits · balance ${30 - song!.priceFloat} credits`,
  );
  await nav(page).getByRole('link', { name: 'Credits' }).click();
  await expect(history).toContainText(`Stream of ${song!.name} — to Mind To Matter`);

  // A locked song says how to unlock it: the token, and where the artist sells it.
  const gated = await openAlbum(page, GATED_ALBUM);
  const note = page.getByRole('note');
  await expect(note).toContainText('Locked songs on this album play for holders of CHIPSFANS');
  await expect(note.getByRole('link', { name: "get CHIPSFANS from Mr. Chips's market" })).toHaveAttribute(
    'href',
    'https://tokenmarkets.com/catalog/mr-chips',
  );
  await expect(gated.getByRole('listitem').first()).toContainText('Locked — needs CHIPSFANS');

  // The artist sees the listen and what it earned.
  await nav(page).getByRole('button', { name: 'Log out' }).click();
  await logIn(page, 'artist', 'artist-password');
  await page.goto('/artist');
  await page.getByRole('link', { name: 'Earnings' }).click();
  await expect(page.getByRole('heading', { name: 'Artist: earnings', level: 1 })).toBeVisible();
  const after = (await earningsOf()).songs.find((s) => s.songId === song!.id)!;
  expect(after.plays).toBe(before.plays + 1);
  expect(after.creditsSat - before.creditsSat).toBe(Math.round(song!.priceFloat * 1e8 * 0.9));
  const row = page
    .getByRole('region', { name: 'Plays and credits per song' })
    .getByRole('row', { name: new RegExp(song!.name) });
  await expect(row.getByRole('cell').nth(1)).toHaveText(String(after.plays));
  await expect(row.getByRole('cell').nth(3)).toHaveText(credits(after.creditsSat));
  await expect(page.getByTestId('earnings-chart').locator('canvas')).toBeVisible();
  await expectAccessible(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download statement (CSV)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`mind-to-matter-earnings-${new Date().toISOString().slice(0, 7)}.csv`);
  const csv = await (await import('node:fs/promises')).readFile((await file.path())!, 'utf8');
  expect(csv.split('\r\n')[0]).toBe('date,entry,kind,song,description,credits,sat,balance_after_sat');
  expect(csv).toContain(`,stream,${song!.name},Stream of ${song!.name},`);
});

test('play while signed out says "Log in to listen" and the link comes back to the same song', async ({ page }) => {
  await page.goto('/');
  const tracks = await openAlbum(page, PAID_ALBUM);
  const albumUrl = new URL(page.url()).pathname;
  const [song] = await albumSongs(page.request, PAID_ALBUM);
  await tracks.getByRole('button', { name: `Play ${song!.name}`, exact: true }).click();
  const link = player(page).getByRole('link', { name: 'Log in to listen' });
  await expect(link).toBeVisible();
  await link.click();
  await page.getByLabel('Username', { exact: true }).fill('demo');
  await page.getByLabel('Password', { exact: true }).fill('demo-password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(new RegExp(`${albumUrl}$`));
  // Back on the song's album, signed in: the same Play button now plays it (demo holds LITTLECOLOR).
  await tracks.getByRole('button', { name: `Play ${song!.name}`, exact: true }).click();
  await expect(player(page).getByRole('button', { name: new RegExp(`^Now playing: ${song!.name}`) })).toBeVisible();
});
