import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { expectAccessible } from './a11y';
import { nav, signedFetch } from './session';

/** The demo SOUNDLINKS_APP_SECRET (server/config.ts): it must never reach a browser. */
const APP_SECRET = 'demo-soundlinks-secret-change-me';

/** A song of the demo catalog, fetched through the API as the listener `demo` (signed like the curl examples). */
async function demoSong(request: APIRequestContext, baseURL: string, dir: string): Promise<string> {
  const login = await request.post('/api/v1/account/login', { data: { username: 'demo', password: 'demo-password' } });
  const creds = (await login.json()) as { apiToken: string; apiSecretKey: string };
  let url: string | null = null;
  // Fresh data: the demo audio renders in the background for about half a minute.
  await expect(async () => {
    const r = await signedFetch(request, baseURL, creds, 'GET', '/api/v1/music/mysongs');
    const songs = (await r.json()) as { downloadUrl: string | null }[];
    url = songs.find((s) => s.downloadUrl)?.downloadUrl ?? null;
    expect(url).toBeTruthy();
  }).toPass({ timeout: 150_000, intervals: [3000] });
  const file = await request.get(url!);
  expect(file.status()).toBe(200);
  fs.mkdirSync(dir, { recursive: true });
  const out = path.join(dir, 'demo-song.mp3');
  fs.writeFileSync(out, await file.body());
  return out;
}

test('an artist uploads a demo song, has it encoded, downloads it and verifies its mark', async ({
  page,
  request,
  baseURL,
}, testInfo) => {
  test.setTimeout(300_000);
  const song = await demoSong(request, baseURL!, testInfo.outputDir);

  // Every answer the browser gets is kept, to check that none of them carries the app secret.
  const answers: Promise<string>[] = [];
  page.on('response', (r) => {
    const type = r.headers()['content-type'] ?? '';
    if (/json|javascript|html|text/.test(type)) answers.push(r.text().catch(() => ''));
  });
  // Notifications the page creates are recorded (the artist allows them below).
  await page.context().grantPermissions(['notifications']);
  await page.addInitScript(() => {
    const Native = window.Notification;
    const shown: string[] = [];
    (window as unknown as { shownNotifications: string[] }).shownNotifications = shown;
    class Recorded extends Native {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        shown.push(title);
      }
    }
    window.Notification = Recorded;
  });

  await page.goto('/login');
  await page.getByLabel('Username', { exact: true }).fill('artist');
  await page.getByLabel('Password', { exact: true }).fill('artist-password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await nav(page).getByRole('link', { name: 'Artist', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Artist: encoding', level: 1 })).toBeVisible();
  await expect(page.getByText('Mind To Matter', { exact: true })).toBeVisible();
  await expectAccessible(page);

  // A file that is not audio is refused before anything is sent.
  await page
    .getByLabel('Choose a song')
    .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hi') });
  await expect(page.getByRole('alert')).toContainText('notes.txt is not an audio file');

  // On a slow line the progress shows, and the upload can be cancelled.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 50,
    downloadThroughput: -1,
    uploadThroughput: 64 * 1024,
  });
  await page.getByLabel('Choose a song').setInputFiles(song);
  const progress = page.getByRole('progressbar', { name: 'Uploading demo-song.mp3' });
  await expect(progress).toBeVisible();
  await expect(page.getByText(/^\d+% of /)).toBeVisible();
  await page.getByRole('button', { name: 'Cancel upload' }).click();
  await expect(page.getByText('Upload of demo-song.mp3 cancelled.')).toBeVisible();
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });

  await page.getByLabel('Choose a song').setInputFiles(song);
  await expect(page.getByText(/demo-song\.mp3: uploaded/)).toBeVisible();
  await expect(progress).toHaveAttribute('value', String(fs.statSync(song).size));
  const jobs = page.getByRole('list', { name: 'Encoding jobs' });
  const job = jobs.getByRole('listitem').filter({ hasText: 'demo-song.mp3' }).first();
  await expect(job).toContainText('Status: Ready to submit');

  await page.getByRole('button', { name: 'Notify me when a job completes' }).click();
  await expect(page.getByRole('button', { name: 'Notify me when a job completes' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  await job.getByRole('button', { name: /^Submit to Soundlinks/ }).click();
  await expect(job).toContainText(/Status: (Submitted|Processing|Complete)/);
  await expect(job).toContainText('Status: Complete', { timeout: 90_000 });
  await expect(job.getByRole('list', { name: 'Timeline of demo-song.mp3' }).getByRole('listitem')).toHaveText([
    /Uploaded \(done\)/,
    /Submitted \(done\)/,
    /Processing \(done\)/,
    /Complete \(done\)/,
  ]);
  await expect(job).toContainText(/Elapsed: \d+ s/);
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { shownNotifications: string[] }).shownNotifications))
    .toContain('Encoding complete');
  const markId = (await job.locator('code').first().textContent())!.trim();
  expect(markId).toMatch(/^[0-9a-f]{16}$/);

  // The list is the server's: it is still there after a reload.
  await page.reload();
  await expect(job).toContainText('Status: Complete');
  await expect(job.getByRole('img', { name: 'Waveform of the original song demo-song.mp3' })).toBeVisible({
    timeout: 30_000,
  });
  await expect(job.getByRole('img', { name: 'Waveform of the encoded song demo-song.mp3' })).toBeVisible({
    timeout: 30_000,
  });
  await expect(job.getByLabel('Play the original song demo-song.mp3')).toBeVisible();
  await expect(job.getByLabel('Play the encoded song demo-song.mp3')).toBeVisible();
  await expectAccessible(page);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    job.getByRole('link', { name: /^Download the encoded song/ }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('demo-song (Soundlinks).mp3');
  const encoded = path.join(testInfo.outputDir, 'encoded.mp3');
  await download.saveAs(encoded);

  // The verify tool reads the mark of the downloaded file, and finds none in the original.
  // Dropped onto the zone, as a person drags a file from their desktop.
  const dataTransfer = await page.evaluateHandle(
    ({ b64, name }) => {
      const bin = atob(b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], name, { type: 'audio/mpeg' }));
      return dt;
    },
    { b64: fs.readFileSync(encoded).toString('base64'), name: 'encoded.mp3' },
  );
  await page.getByText('Drop any song here').dispatchEvent('drop', { dataTransfer });
  await expect(page.getByText(`Mark found: ID ${markId}`)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('from one of your encodings')).toBeVisible();
  await page.getByLabel('Choose a file to verify').setInputFiles(song);
  await expect(page.getByText(/No Soundlinks mark found in this file/)).toBeVisible({ timeout: 60_000 });
  await expectAccessible(page);

  for (const text of await Promise.all(answers)) expect(text).not.toContain(APP_SECRET);
  expect(answers.length).toBeGreaterThan(10);
});

/** A 16-bit mono WAV of a tone, `seconds` long. */
function toneWav(seconds: number, rate = 22050): Buffer {
  const n = Math.floor(seconds * rate);
  const b = Buffer.alloc(44 + n * 2);
  b.write('RIFF', 0);
  b.writeUInt32LE(36 + n * 2, 4);
  b.write('WAVEfmt ', 8);
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20);
  b.writeUInt16LE(1, 22);
  b.writeUInt32LE(rate, 24);
  b.writeUInt32LE(rate * 2, 28);
  b.writeUInt16LE(2, 32);
  b.writeUInt16LE(16, 34);
  b.write('data', 36);
  b.writeUInt32LE(n * 2, 40);
  for (let i = 0; i < n; i++) b.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / rate)), 44 + i * 2);
  return b;
}

test('a song too short to carry a mark fails with the reason, can be retried, and can be deleted', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Username', { exact: true }).fill('artist');
  await page.getByLabel('Password', { exact: true }).fill('artist-password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await nav(page).getByRole('link', { name: 'Artist', exact: true }).click();
  await page
    .getByLabel('Choose a song')
    .setInputFiles({ name: 'jingle.wav', mimeType: 'audio/wav', buffer: toneWav(2) });
  const job = page.getByRole('list', { name: 'Encoding jobs' }).getByRole('listitem').filter({ hasText: 'jingle.wav' });
  await job.getByRole('button', { name: /^Submit to Soundlinks/ }).click();
  await expect(job).toContainText('Status: Failed', { timeout: 60_000 });
  await expect(job).toContainText('Why: The song is too short to carry a mark (at least 5 s)');
  await expect(job.getByRole('list', { name: 'Timeline of jingle.wav' }).getByRole('listitem').last()).toHaveText(
    /Failed \(failed\)/,
  );
  await job.getByRole('button', { name: /^Retry/ }).click();
  await expect(job).toContainText('Attempt 2');
  await expect(job).toContainText('Status: Failed', { timeout: 60_000 });
  await expectAccessible(page);

  // A failed song can be deleted, after a confirmation; it is gone after a reload too.
  await job.getByRole('button', { name: 'Delete jingle.wav' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete “jingle.wav”?' });
  await expectAccessible(page);
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(job).toHaveCount(1);
  await job.getByRole('button', { name: 'Delete jingle.wav' }).click();
  await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(job).toHaveCount(0);
  await page.reload();
  // the job list has loaded (other songs, or the empty state) and this one is not in it
  await expect(
    page.getByRole('list', { name: 'Encoding jobs' }).or(page.getByText('No songs yet: upload one above')),
  ).toBeVisible();
  await expect(job).toHaveCount(0);
});

test('the built app does not contain the Soundlinks app secret', () => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(dir, e.name));
      else files.push(path.join(dir, e.name));
    }
  };
  walk(path.resolve('dist'));
  expect(files.some((f) => f.endsWith('.js'))).toBe(true);
  for (const f of files) expect(fs.readFileSync(f).includes(APP_SECRET), f).toBe(false);
});

test('a listener without an artist profile has no Artist link and no dashboard', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Username', { exact: true }).fill('demo');
  await page.getByLabel('Password', { exact: true }).fill('demo-password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(nav(page).getByRole('button', { name: 'Log out' })).toBeVisible();
  await expect(nav(page).getByRole('link', { name: 'Credits' })).toBeVisible();
  await expect(nav(page).getByRole('link', { name: 'Artist', exact: true })).toHaveCount(0);
  await page.goto('/artist');
  await expect(page.getByText('this account has no artist profile')).toBeVisible();
});
