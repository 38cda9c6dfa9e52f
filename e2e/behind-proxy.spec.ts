import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { albumSongs, audioTime, logIn, waitForDemoAudio } from './player-fixtures';
import { signedFetch } from './session';

/**
 * The product behind Debian's nginx with TLS (issue 13, item 11): a certificate made here with
 * openssl, PUBLIC_URL set to the proxy's origin. Signed requests, the player, uploads and mail
 * links work through it, and HSTS is sent. Its own server and proxy, on E2E_PORT + 10 and + 11.
 */
const BASE = Number(process.env.E2E_PORT ?? 8181);
const PROXY_PORT = BASE + 10;
const APP_PORT = BASE + 11;
const PROXY = `https://127.0.0.1:${PROXY_PORT}`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tokenly-proxy-e2e-'));
const dataDir = path.join(dir, 'data');
let app: ChildProcess | undefined;
let nginx: ChildProcess | undefined;

test.use({ baseURL: PROXY, ignoreHTTPSErrors: true });
test.describe.configure({ mode: 'serial' });

function nginxConf() {
  return `worker_processes 1;
error_log ${dir}/error.log warn;
pid ${dir}/nginx.pid;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  client_max_body_size 300m;
  server {
    listen 127.0.0.1:${PROXY_PORT} ssl;
    ssl_certificate ${dir}/cert.pem;
    ssl_certificate_key ${dir}/key.pem;
    location / {
      proxy_pass http://127.0.0.1:${APP_PORT};
      proxy_http_version 1.1;
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_request_buffering off;
      proxy_buffering off;
    }
  }
}
`;
}

/** Six seconds of quiet stereo WAV: an upload the server accepts as audio. */
function wav(seconds: number): Buffer {
  const rate = 44_100;
  const data = rate * 2 * 2 * seconds;
  const b = Buffer.alloc(44 + data);
  b.write('RIFF', 0);
  b.writeUInt32LE(36 + data, 4);
  b.write('WAVEfmt ', 8);
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20);
  b.writeUInt16LE(2, 22);
  b.writeUInt32LE(rate, 24);
  b.writeUInt32LE(rate * 4, 28);
  b.writeUInt16LE(4, 32);
  b.writeUInt16LE(16, 34);
  b.write('data', 36);
  b.writeUInt32LE(data, 40);
  for (let i = 44; i < b.length; i += 2) b.writeInt16LE(Math.round(Math.sin(i / 20) * 3000), i);
  return b;
}

test.beforeAll(async ({ request }) => {
  test.setTimeout(240_000);
  execFileSync(
    'openssl',
    [
      ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1'],
      ...['-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', `${dir}/key.pem`, '-out', `${dir}/cert.pem`],
    ],
    { stdio: 'ignore' },
  );
  fs.writeFileSync(path.join(dir, 'nginx.conf'), nginxConf());
  app = spawn(path.join('node_modules', '.bin', 'tsx'), ['server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(APP_PORT),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      SEED_DEMO: '1',
      PUBLIC_URL: PROXY,
      RATE_LIMIT_PER_MIN: '100000',
      AUTH_RATE_LIMIT_PER_MIN: '1000',
      LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
  });
  nginx = spawn(
    'nginx',
    ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log'), '-g', 'daemon off;'],
    {
      stdio: 'ignore',
    },
  );
  await expect
    .poll(async () => (await request.get('/api/v1/genres').catch(() => undefined))?.status(), { timeout: 120_000 })
    .toBe(200);
  await waitForDemoAudio(request, PROXY, ['Circuit Breaker']);
});

test.afterAll(() => {
  nginx?.kill('SIGTERM');
  app?.kill('SIGTERM');
  fs.rmSync(dir, { recursive: true, force: true });
});

test('through the TLS proxy: HSTS, signed requests of a logged-in listener, and the player', async ({ page }) => {
  test.setTimeout(90_000);
  const first = await page.request.get('/api/v1/genres');
  expect(first.headers()['strict-transport-security']).toBe('max-age=31536000');
  expect(first.headers()['x-content-type-options']).toBe('nosniff');

  await logIn(page, 'demo', 'demo-password');
  const [song] = await albumSongs(page.request, 'Circuit Breaker');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Albums' }).click();
  await page.getByRole('list', { name: 'Albums' }).getByRole('link', { name: 'Circuit Breaker' }).click();
  await page
    .getByRole('list', { name: 'Tracks' })
    .getByRole('button', { name: `Play ${song!.name}`, exact: true })
    .click();
  await expect.poll(() => audioTime(page), { timeout: 30_000 }).toBeGreaterThan(0.5);
  const src = await page.evaluate(() => window.tokenlyPlayer?.audio()?.currentSrc ?? '');
  expect(src.startsWith(`${PROXY}/media/stream/`)).toBe(true);
});

test('through the TLS proxy: an artist uploads a song to its signed URL on the public origin', async ({ request }) => {
  const login = await request.post('/api/v1/account/login', {
    data: { username: 'artist', password: 'artist-password' },
  });
  expect(login.status()).toBe(200);
  const creds = (await login.json()) as { apiToken: string; apiSecretKey: string };
  const bytes = wav(6);
  const ticket = await signedFetch(
    request,
    PROXY,
    creds,
    'POST',
    '/api/v1/artist/uploads',
    JSON.stringify({ name: 'quiet.wav', size: bytes.length, type: 'audio/wav' }),
  );
  expect(ticket.status()).toBe(200);
  const { uploadUrl } = (await ticket.json()) as { uploadUrl: string };
  expect(uploadUrl.startsWith(`${PROXY}/media/uploads/`)).toBe(true);
  const put = await request.put(uploadUrl, { data: bytes, headers: { 'content-type': 'audio/wav' } });
  expect(put.status()).toBe(200);
});

test('through the TLS proxy: a reset link is mailed with the public origin, and it works', async ({
  page,
  request,
}) => {
  test.setTimeout(60_000);
  const username = `proxied${Date.now().toString(36)}`;
  const email = `${username}@example.com`;
  const reg = await request.post('/api/v1/account/register', {
    data: { username, password: 'a-long-enough-password', email, code: 'WELCOME' },
    headers: { 'x-forwarded-host': 'evil.example' },
  });
  expect(reg.status()).toBe(200);
  await page.goto('/forgot-password');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByRole('status').filter({ hasText: email })).toBeVisible();

  const outbox = path.join(dataDir, 'mail');
  const mail = await expect
    .poll(() => (fs.existsSync(outbox) ? fs.readdirSync(outbox).find((f) => f.includes(username)) : undefined))
    .toBeTruthy()
    .then(() =>
      fs.readFileSync(
        path.join(
          outbox,
          fs.readdirSync(outbox).find((f) => f.includes(username))!,
        ),
        'utf8',
      ),
    );
  // Quoted-printable: soft line breaks and "=" written as =3D.
  const text = mail.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  const link = /(https?:\/\/\S+\/reset-password\?\S+)/.exec(text)?.[1];
  expect(link?.startsWith(`${PROXY}/reset-password?email=`)).toBe(true);

  await page.goto(link!);
  await page.getByLabel('New password', { exact: true }).fill('another-long-password');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your password has been changed' })).toBeVisible();
  await page.goto('/');
  await logIn(page, username, 'another-long-password');
});
