import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildSignedString } from '@contract/signing';
import { signRequest } from './signing';

// The reference: what the API document's curl + openssl examples compute, here with Node's crypto.
function reference(secret: string, parts: Parameters<typeof buildSignedString>[0]): string {
  return createHmac('sha256', secret).update(buildSignedString(parts)).digest('base64');
}

const apiToken = 'Txxxxxxxxxxxxxxx';
const secret = 'Kxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx';
const nowMs = 1_700_000_000_123;

describe('signRequest', () => {
  it('signs a GET with its query as a JSON object and no query in the URL', async () => {
    const h = await signRequest({
      method: 'get',
      url: 'https://music.example.com/api/v1/credits/history?pg=2&limit=10',
      apiToken,
      secret,
      nowMs,
    });
    expect(h['X-TOKENLY-AUTH-API-TOKEN']).toBe(apiToken);
    expect(h['X-TOKENLY-AUTH-NONCE']).toBe('1700000000');
    expect(h['X-TOKENLY-AUTH-SIGNATURE']).toBe(
      reference(secret, {
        method: 'GET',
        url: 'https://music.example.com/api/v1/credits/history',
        params: '{"pg":"2","limit":"10"}',
        apiToken,
        nonce: 1700000000,
      }),
    );
  });

  it('signs a GET without query as {} and keeps a non-default port', async () => {
    const h = await signRequest({
      method: 'GET',
      url: 'http://127.0.0.1:8181/api/v1/music/mysongs',
      apiToken,
      secret,
      nowMs,
    });
    expect(h['X-TOKENLY-AUTH-SIGNATURE']).toBe(
      reference(secret, {
        method: 'GET',
        url: 'http://127.0.0.1:8181/api/v1/music/mysongs',
        params: '{}',
        apiToken,
        nonce: 1700000000,
      }),
    );
  });

  it('signs a PUT with the exact body text sent, unicode included', async () => {
    const body = '{"bio":"I luv music — ♫ «été»"}';
    const h = await signRequest({
      method: 'PUT',
      url: 'https://music.example.com:443/api/v1/profile',
      body,
      apiToken,
      secret,
      nowMs,
    });
    expect(h['X-TOKENLY-AUTH-SIGNATURE']).toBe(
      reference(secret, {
        method: 'PUT',
        url: 'https://music.example.com/api/v1/profile',
        params: body,
        apiToken,
        nonce: 1700000000,
      }),
    );
  });

  it('matches the document example string byte for byte', async () => {
    // echo -en "GET\nhttps://music.tokenly.com/api/v1/music/mysongs\n{}\n${API_TOKEN}\n${NONCE}" | openssl …
    const expected = createHmac('sha256', secret)
      .update(`GET\nhttps://music.tokenly.com/api/v1/music/mysongs\n{}\n${apiToken}\n1700000000`)
      .digest('base64');
    const h = await signRequest({
      method: 'GET',
      url: 'https://music.tokenly.com/api/v1/music/mysongs',
      apiToken,
      secret,
      nowMs,
    });
    expect(h['X-TOKENLY-AUTH-SIGNATURE']).toBe(expected);
  });
});
