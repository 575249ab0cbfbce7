// Per-client token-bucket rate limit on the token endpoint (product.md §2): 429 +
// Retry-After + slow_down once the burst is spent; other clients unaffected; failed
// authentications do not spend a legitimate client's budget.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertOAuthError, basic, http, parseMetrics, postForm, sleep, startServer } from './harness.mjs';

const RATE = 1;
const BURST = 3;

describe('token endpoint rate limit', () => {
  let server;

  before(async () => {
    server = await startServer({ env: { MUSTER_STS_RATE_LIMIT_PER_S: String(RATE), MUSTER_STS_RATE_LIMIT_BURST: String(BURST) } });
  });
  after(async () => {
    await server?.stop();
  });

  const req = (c, secret = c.client_secret) => postForm(server.tokenEndpoint, 'grant_type=client_credentials', { auth: basic(c.client_id, secret) });

  // Sends requests back to back until one is refused; returns them with the elapsed time.
  async function drain(c, max = 20) {
    const started = Date.now();
    const results = [];
    for (let i = 0; i < max; i++) {
      const r = await req(c);
      results.push(r);
      if (r.status !== 200) break;
    }
    return { results, elapsedS: (Date.now() - started) / 1000 };
  }

  test('burst of 3, then 429 slow_down with Retry-After; another client is unaffected', async () => {
    const a = server.client(0, 'oneroster');
    const b = server.client(1, 'oneroster');
    const { results, elapsedS } = await drain(a);
    const ok = results.filter((r) => r.status === 200).length;
    // The bucket holds BURST and refills RATE per second: at most BURST + RATE*elapsed pass.
    assert.ok(ok >= BURST, `only ${ok} requests passed before the limit`);
    assert.ok(ok <= BURST + Math.floor(RATE * elapsedS), `${ok} requests passed in ${elapsedS}s`);
    if (elapsedS < 1) assert.equal(ok, BURST, 'the 4th rapid request must be refused');
    const refused = results.at(-1);
    assertOAuthError(refused, 429, 'slow_down');
    const retryAfter = refused.headers.get('retry-after');
    assert.match(retryAfter || '', /^\d+$/, 'Retry-After is delay-seconds');
    assert.ok(Number(retryAfter) >= 1, `Retry-After ${retryAfter}`);
    assert.ok(Number(retryAfter) <= Math.ceil(1 / RATE) + 1, `Retry-After ${retryAfter} is not the refill time`);

    // Another client has its own bucket.
    assert.equal((await req(b)).status, 200);

    // Honouring Retry-After works.
    await sleep(Number(retryAfter) * 1000 + 100);
    const again = await req(a);
    assert.equal(again.status, 200, again.text);
  });

  test("failed authentications do not spend the client's budget", async () => {
    const c = server.client(1, 'dex');
    for (let i = 0; i < 10; i++) {
      const r = await req(c, 'wrong-secret');
      assertOAuthError(r, 401, 'invalid_client');
    }
    const { results } = await drain(c);
    assert.ok(results.filter((r) => r.status === 200).length >= BURST, 'bad-secret requests under this client id ate its burst');
  });

  test('refusals are counted as slow_down in the metrics', async () => {
    const m = parseMetrics((await http(`${server.url}/metrics`)).text);
    assert.ok((m.get('muster_tokens_refused_total{reason="slow_down"}') || 0) >= 2);
    assert.ok((m.get('muster_http_requests_total{method="POST",route="/connect/token",status="429"}') || 0) >= 2);
  });
});
