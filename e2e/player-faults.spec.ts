import { expect, test, type Page, type Route } from '@playwright/test';
import { albumSongs, audioTime, expectAudioPast, logIn, nav, player, waitForDemoAudio } from './player-fixtures';

// Faults are injected on the way to the real server (Playwright routing); everything else is real.
// The demo songs are small enough that Chromium buffers them whole, so a fault meets the player
// when it (re)loads a song: at the start, or when it resumes after a reload.

test.beforeAll(async ({ playwright }, info) => {
  info.setTimeout(200_000);
  const baseURL = info.project.use.baseURL!;
  const request = await playwright.request.newContext({ baseURL });
  await waitForDemoAudio(request, baseURL, ['A Little Color EP', 'Fan Club Tapes']);
  await request.dispose();
});

const nowPlaying = (page: Page) => player(page).getByRole('button', { name: /^Now playing: / });

/** Answers the next `times` audio requests for this song with `answer`, then lets them through. */
async function failStream(page: Page, songId: string, times: number, answer: (route: Route) => Promise<void>) {
  let left = times;
  const seen: string[] = [];
  await page.route(`**/media/stream/${songId}?**`, async (route) => {
    seen.push(route.request().url());
    if (left-- > 0) return answer(route);
    return route.continue();
  });
  return seen;
}

async function authorizations(page: Page, songId: string) {
  const answers: { chargedSat: number }[] = [];
  page.on('response', async (res) => {
    if (res.request().method() === 'POST' && res.url().endsWith(`/api/v1/stream/${songId}`)) {
      answers.push((await res.json()) as { chargedSat: number });
    }
  });
  return answers;
}

test('a 403 on the stream (expired link) re-authorizes once and plays', async ({ page }) => {
  await logIn(page, 'demo', 'demo-password');
  const [song] = await albumSongs(page.request, 'Fan Club Tapes');
  const asked = await authorizations(page, song!.id);
  // The element's request and the player's probe of it both meet the 403.
  const seen = await failStream(page, song!.id, 2, (r) =>
    r.fulfill({ status: 403, contentType: 'application/json', body: '{"message":"This link has expired"}' }),
  );
  await page.goto(`/albums/${song!.albumId}`);
  await page
    .getByRole('list', { name: 'Tracks' })
    .getByRole('button', { name: `Play ${song!.name}`, exact: true })
    .click();
  await expectAudioPast(page, 0.5);
  expect(asked).toHaveLength(2); // the first authorization, and exactly one more after the 403
  expect(asked.every((a) => a.chargedSat === 0)).toBe(true);
  expect(seen.length).toBeGreaterThanOrEqual(3);
});

test('a network drop is retried and playback resumes at the same position', async ({ page }) => {
  test.setTimeout(90_000);
  await logIn(page, 'demo', 'demo-password');
  const songs = await albumSongs(page.request, 'Fan Club Tapes');
  const song = songs[1]!;
  await page.goto(`/albums/${song.albumId}`);
  await page
    .getByRole('list', { name: 'Tracks' })
    .getByRole('button', { name: `Play ${song.name}`, exact: true })
    .click();
  await expectAudioPast(page, 3);
  await page.reload();
  const resumeAt = Number(await player(page).getByRole('slider', { name: 'Seek' }).getAttribute('aria-valuenow'));
  expect(resumeAt).toBeGreaterThanOrEqual(2);

  await failStream(page, song.id, 2, (r) => r.abort('internetdisconnected'));
  await player(page).getByRole('button', { name: 'Play', exact: true }).click();
  await expect(player(page).getByRole('status').first()).toContainText(/Connection lost: trying again/);
  await expect.poll(() => audioTime(page), { timeout: 20_000 }).toBeGreaterThan(resumeAt - 1);
  await expectAudioPast(page, resumeAt + 0.5);
  expect(await audioTime(page)).toBeLessThan(resumeAt + 10); // resumed there, not from the start or the end
});

test('a song that cannot be played is reported and skipped, and the queue goes on', async ({ page }) => {
  await logIn(page, 'demo', 'demo-password');
  const [broken, next] = await albumSongs(page.request, 'A Little Color EP');
  await failStream(page, broken!.id, 100, (r) =>
    r.fulfill({ status: 200, contentType: 'audio/mpeg', body: Buffer.alloc(4096, 7) }),
  );
  await nav(page).getByRole('link', { name: 'Albums' }).click();
  await page.getByRole('list', { name: 'Albums' }).getByRole('link', { name: 'A Little Color EP' }).click();
  await page
    .getByRole('list', { name: 'Tracks' })
    .getByRole('button', { name: `Play ${broken!.name}`, exact: true })
    .click();
  await expect(page.getByText(`"${broken!.name}" could not be played and was skipped.`)).toBeVisible();
  await expect(nowPlaying(page)).toHaveAccessibleName(new RegExp(next!.name));
  await expectAudioPast(page, 0.5);
});
