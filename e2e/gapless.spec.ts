import { expect, test } from '@playwright/test';
import { albumSongs, expectAudioPast, logIn, nav, player, demoAudioReady } from './player-fixtures';
import { startOutputTap, trackChanges } from './output-tap';

// Deep Water's songs flow into each other (no fades between them): a gap would be heard.
const ALBUM = 'Deep Water';
/** The target of issue 18: at most this much silence where one song hands over to the next. */
const MAX_GAP_MS = 5;

test.beforeAll(demoAudioReady([ALBUM], 380_000));

test('an album plays through a track change with no gap in what the page outputs', async ({ page }) => {
  test.setTimeout(120_000);
  const songs = await albumSongs(page.request, ALBUM);
  await logIn(page, 'demo', 'demo-password');
  await nav(page).getByRole('link', { name: 'Albums' }).click();
  await page.getByRole('list', { name: 'Albums' }).getByRole('link', { name: ALBUM }).click();
  await page
    .getByRole('list', { name: 'Tracks' })
    .getByRole('button', { name: `Play ${songs[0]!.name}`, exact: true })
    .click();
  await expectAudioPast(page, 0.3);
  await startOutputTap(page);

  // Near the end of track 1; the player loads track 2 and has it follow on the next sample.
  const seek = player(page).getByRole('slider', { name: 'Seek' });
  await seek.focus();
  await page.keyboard.press('End');
  for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowLeft');
  await expect(player(page).getByRole('button', { name: /^Now playing: / })).toHaveAccessibleName(
    new RegExp(songs[1]!.name),
    { timeout: 30_000 },
  );
  await expectAudioPast(page, 0.6);

  const changes = await trackChanges(page);
  expect(changes).toHaveLength(1);
  const [change] = changes;
  // the music around the change is not silent by itself, so silence there would be a gap
  expect(change!.levelBefore).toBeGreaterThan(0.01);
  expect(change!.levelAfter).toBeGreaterThan(0.01);
  expect(change!.gapMs).toBeLessThanOrEqual(MAX_GAP_MS);
});
