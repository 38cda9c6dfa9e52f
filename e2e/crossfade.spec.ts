import { expect, test, type Page } from '@playwright/test';
import { albumSongs, expectAudioPast, logIn, nav, player, demoAudioReady } from './player-fixtures';
import { startOutputTap, trackChanges } from './output-tap';
import { songSpans, startSongTaps } from './song-tap';

// A song of one album, then two songs of another album in order: the first change crosses over,
// the second (within the album) stays gapless, as Settings → Playback promises.
const FIRST_ALBUM = 'Keys in the Rain';
const ALBUM = 'Deep Water';
const CROSSFADE_SEC = 4;

test.beforeAll(demoAudioReady([FIRST_ALBUM, ALBUM], 380_000));

async function openAlbum(page: Page, name: string) {
  await nav(page).getByRole('link', { name: 'Albums' }).click();
  await page.getByRole('list', { name: 'Albums' }).getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}

/** Seeks to about 10 s before the end of the song playing, and waits until `next` plays. */
async function playOnInto(page: Page, next: string) {
  const seek = player(page).getByRole('slider', { name: 'Seek' });
  await seek.focus();
  await page.keyboard.press('End');
  for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowLeft');
  await expect(player(page).getByRole('button', { name: /^Now playing: / })).toHaveAccessibleName(new RegExp(next), {
    timeout: 40_000,
  });
}

test('a crossfade overlaps songs of different albums by the chosen time, and an album in order stays gapless', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const first = (await albumSongs(page.request, FIRST_ALBUM)).at(-1)!;
  const [one, two] = await albumSongs(page.request, ALBUM);
  await logIn(page, 'demo', 'demo-password');

  await nav(page).getByRole('link', { name: 'Settings' }).click();
  const crossfade = page.getByRole('slider', { name: 'Crossfade' });
  await crossfade.fill(String(CROSSFADE_SEC));
  await expect(crossfade).toHaveAttribute('aria-valuetext', `${CROSSFADE_SEC} seconds`);

  await openAlbum(page, FIRST_ALBUM);
  await page
    .getByRole('list', { name: 'Tracks' })
    .getByRole('button', { name: `Play ${first.name}`, exact: true })
    .click();
  await expectAudioPast(page, 0.3);
  await openAlbum(page, ALBUM);
  for (const song of [one!, two!]) {
    await page.getByRole('button', { name: `More actions for ${song.name}` }).click();
    await page.getByRole('menuitem', { name: 'Add to queue' }).click();
  }
  await startSongTaps(page);

  await playOnInto(page, one!.name);
  await expectAudioPast(page, 0.5);
  await startOutputTap(page); // the mix, for the change within the album (as the gapless journey reads it)
  await playOnInto(page, two!.name);
  await expectAudioPast(page, 0.5);

  const spans = await songSpans(page);
  expect(spans).toHaveLength(3);
  const [a, b, c] = spans.map((s) => ({ first: s.first!, last: s.last! }));
  // the next album's song started the crossfade's length before the first song stopped sounding
  expect(a!.last - b!.first).toBeGreaterThan(CROSSFADE_SEC - 0.1);
  expect(a!.last - b!.first).toBeLessThan(CROSSFADE_SEC + 0.1);
  // within the album no crossfade: the next song starts as the one before ends, not seconds before
  expect(b!.last - c!.first).toBeLessThan(0.5);
  // and it follows with no gap in what the page outputs (the target of the gapless journey)
  const changes = await trackChanges(page);
  expect(changes).toHaveLength(1);
  expect(changes[0]!.levelBefore).toBeGreaterThan(0.01);
  expect(changes[0]!.levelAfter).toBeGreaterThan(0.01);
  expect(changes[0]!.gapMs).toBeLessThanOrEqual(5);
});
