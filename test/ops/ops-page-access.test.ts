import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageAccessFor } from '../../src/ops/page/ops-page-access.js';
import { type OpsPageHarness, startOpsPageHarness } from './ops-page-harness.js';

const TOKEN = 'ops-token-0123456789abcdef';

describe('who may see /ops', () => {
  it.each([
    ['private', '127.0.0.1', undefined, 'open'],
    ['private', '::1', TOKEN, 'open'],
    ['private', '0.0.0.0', TOKEN, 'token'],
    ['private', '0.0.0.0', undefined, 'none'],
    ['public', undefined, TOKEN, 'token'],
    ['public', undefined, undefined, 'none'],
  ] as const)('%s port on %s, token %s: %s', (exposure, host, token, kind) => {
    expect(pageAccessFor(exposure, host, token).kind).toBe(kind);
  });

  describe('on the public port with READOUT_OPS_TOKEN', () => {
    let harness: OpsPageHarness;
    beforeAll(async () => {
      harness = await startOpsPageHarness({ subscriptions: 20, outcomes: 10, exposure: 'public', pageToken: TOKEN });
    });
    afterAll(() => harness.close());

    it('sends a browser to the sign-in form and refuses the JSON without the token', async () => {
      const page = await fetch(`${harness.url}/ops`, { redirect: 'manual' });
      expect(page.status).toBe(303);
      expect(page.headers.get('location')).toBe('/ops/login');
      expect((await fetch(`${harness.url}/ops/now.json`)).status).toBe(401);
      expect((await fetch(`${harness.url}/ops/now.json`, { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(
        401,
      );
      const form = await (await fetch(`${harness.url}/ops/login`)).text();
      expect(form).toContain('<form method="post" action="/ops/login">');
    });

    it('serves the page to the bearer token, and to the cookie the sign-in form sets; never shows the token', async () => {
      const bearer = await fetch(`${harness.url}/ops`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(bearer.status).toBe(200);
      expect(await bearer.text()).not.toContain(TOKEN);

      const wrong = await fetch(`${harness.url}/ops/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'token=nope',
        redirect: 'manual',
      });
      expect(wrong.status).toBe(401);
      expect(wrong.headers.get('set-cookie')).toBeNull();

      const signIn = await fetch(`${harness.url}/ops/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token: TOKEN }).toString(),
        redirect: 'manual',
      });
      expect(signIn.status).toBe(303);
      const cookie = signIn.headers.get('set-cookie')!;
      expect(cookie).toMatch(/^readout_ops=[^;]+; HttpOnly; SameSite=Strict; Path=\/ops/);
      expect(cookie).not.toContain(TOKEN);
      const withCookie = await fetch(`${harness.url}/ops`, { headers: { cookie: cookie.split(';')[0]! } });
      expect(withCookie.status).toBe(200);
      const body = await withCookie.text();
      expect(body).toContain('readout operations');
      expect(body).not.toContain(TOKEN);
      expect((await fetch(`${harness.url}/ops`, { headers: { cookie: 'readout_ops=forged' }, redirect: 'manual' })).status).toBe(303);
    });
  });

  it('is not served on the public port without a token', async () => {
    const harness = await startOpsPageHarness({ subscriptions: 5, outcomes: 2, exposure: 'public' });
    try {
      const response = await fetch(`${harness.url}/ops`);
      expect(response.status).toBe(404);
      expect(await response.text()).toContain('READOUT_OPS_PORT');
    } finally {
      await harness.close();
    }
  });
});
