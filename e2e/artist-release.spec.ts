import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { expectAccessible } from './a11y';
import { creditsBalance, expectAudioPast, player } from './player-fixtures';
import { logIn, nav } from './session';

const ALBUM = 'Neon Harbour';

/** Two tagged MP3s (title, artist, album, track, year; the first with a cover), made with ffmpeg. */
function taggedFiles(dir: string): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const cover = path.join(dir, 'cover.png');
  const ff = (args: string[]) => execFileSync('ffmpeg', ['-loglevel', 'error', '-y', ...args]);
  ff(['-f', 'lavfi', '-i', 'color=c=0x2050a0:s=500x500', '-frames:v', '1', cover]);
  return ['Harbour Lights', 'Low Tide'].map((title, i) => {
    const out = path.join(dir, `0${i + 1}-track.mp3`);
    const audio = ['-f', 'lavfi', '-i', `sine=frequency=${330 + 110 * i}:duration=22`];
    const noise = ['-f', 'lavfi', '-i', 'anoisesrc=color=pink:amplitude=0.2:duration=22'];
    const tags = ['title', title, 'artist', 'Nova Lights', 'album', ALBUM, 'track', `${i + 1}/2`, 'date', '2025'];
    const meta = tags.flatMap((v, j) => (j % 2 === 0 ? ['-metadata', `${v}=${tags[j + 1]}`] : []));
    const inputs = i === 0 ? [...audio, ...noise, '-i', cover] : [...audio, ...noise];
    const mapping =
      i === 0
        ? ['-filter_complex', '[0:a][1:a]amix=inputs=2[a]', '-map', '[a]', '-map', '2:v', '-c:v', 'png']
        : ['-filter_complex', '[0:a][1:a]amix=inputs=2[a]', '-map', '[a]'];
    ff([
      ...inputs,
      ...mapping,
      '-ac',
      '2',
      '-ar',
      '44100',
      '-c:a',
      'libmp3lame',
      '-b:a',
      '128k',
      '-id3v2_version',
      '3',
      ...meta,
      out,
    ]);
    return out;
  });
}

test('an artist releases a tagged two-track album; a listener finds it, plays it and pays its price', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const files = taggedFiles(testInfo.outputDir);

  await logIn(page, 'newartist', 'newartist-password');
  await nav(page).getByRole('link', { name: 'Artist', exact: true }).click();
  await page.getByRole('navigation', { name: 'Artist' }).getByRole('link', { name: 'Releases' }).click();
  await expect(page.getByRole('heading', { name: 'Artist: releases' })).toBeVisible();
  await page.getByLabel('Songs for a new release').setInputFiles(files);
  await expect(page.getByRole('list', { name: 'Files of the new release' }).getByRole('listitem')).toHaveCount(2);

  // The tags made the draft: album name, year, artwork, the tracks' titles and numbers.
  await expect(page.getByRole('heading', { name: 'Artist: edit release' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByLabel('Album title')).toHaveValue(ALBUM);
  await expect(page.getByLabel('Release date')).toHaveValue('2025-01-01');
  await expect(page.getByRole('img', { name: 'Current artwork' })).toBeVisible();
  const first = page.getByRole('listitem', { name: 'Track 1: Harbour Lights' });
  const second = page.getByRole('listitem', { name: 'Track 2: Low Tide' });
  await expect(first).toBeVisible();
  await expect(second).toBeVisible();

  // A price typed in is saved as a draft, and survives a reload.
  await first.getByLabel('Price (credits)').fill('3');
  await expect(first.getByRole('status')).toHaveText('Saved');
  await page.reload();
  await expect(first.getByLabel('Price (credits)')).toHaveValue('3');
  for (const track of [first, second]) {
    await expect(track).toContainText('Encoding: complete', { timeout: 120_000 });
  }
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Release now' }).click();
  await expect(page.getByRole('region', { name: 'Release', exact: true }).getByRole('status')).toHaveText(
    'Released: listeners can find and play it.',
  );

  // Another browser: the listener finds it in search and plays it, paying its price.
  const listenerContext = await browser.newContext();
  const listener = await listenerContext.newPage();
  await logIn(listener, 'demo', 'demo-password');
  const before = await creditsBalance(listener);
  await nav(listener).getByRole('link', { name: 'Search' }).click();
  await listener.getByText('Filters', { exact: true }).click();
  await listener.getByLabel('Album or song name', { exact: true }).fill('Harbour Lights');
  await listener.getByRole('button', { name: 'Search' }).click();
  const results = listener.getByRole('list', { name: 'Search results' });
  await expect(results.getByRole('listitem')).toHaveCount(1);
  await expect(results).toContainText(ALBUM);
  await results.getByRole('button', { name: 'Play Harbour Lights', exact: true }).click();
  await expectAudioPast(listener, 0.5);
  await expect(player(listener)).toContainText(`Paid 3 credits · balance ${before - 3} credits`);
  expect(await creditsBalance(listener)).toBe(before - 3);
  await listenerContext.close();
});
