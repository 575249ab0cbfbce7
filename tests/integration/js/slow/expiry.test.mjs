// Real token expiry, with the shortest lifetime the config allows (60 s) and no clock skew
// allowance. It takes a minute, so run.sh runs this file in the background, in parallel
// with the rest of the suite.
//
// A token introspected before it expires is in the validator's cache; one that never was
// is not: both paths must refuse it from `exp` on, and neither may refuse it earlier.
// Meanwhile the key that signed them is retired by an immediate rotation: it must stay
// published until they have expired, and be unpublished after that.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as jose from 'jose';
import { cliOk, decodeJwt, introspect, jwks, sleep, startServer, token, waitFor, SLOW } from '../harness.mjs';

describe('real expiry (60 s lifetime, 0 s skew)', () => {
  let server;
  before(async () => {
    server = await startServer({ env: { MUSTER_STS_TOKEN_LIFETIME_S: '60', MUSTER_STS_CLOCK_SKEW_S: '0' } });
  });
  after(async () => {
    await server?.stop();
  });

  test('tokens are active until exp and inactive from then on (cached and uncached); their retired key stays published until then', { timeout: 180000 * SLOW }, async () => {
    const dex = server.client(0, 'dex');
    const r = await fetch(server.tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: dex.client_id, client_secret: dex.client_secret }),
    });
    const body = await r.json();
    assert.equal(body.expires_in, 60);
    const cached = body.access_token;
    const uncached = await token(server, dex);
    const exp = decodeJwt(cached).payload.exp;
    const expUncached = decodeJwt(uncached).payload.exp;
    assert.equal(exp - decodeJwt(cached).payload.nbf, 60);
    const remote = jose.createRemoteJWKSet(new URL(server.jwksUri));
    const opts = { issuer: server.issuer, audience: `${server.issuer}/resources`, clockTolerance: 0 };

    assert.equal((await introspect(server, dex, cached)).active, true, 'fresh token active (now cached)');
    await jose.jwtVerify(cached, remote, opts);
    const kidA = decodeJwt(cached).header.kid;
    // Rotate a few seconds later, so the key is still published for a while after exp and the
    // checks below see expiry, not an unknown kid.
    await sleep(5000);
    const kidB = (await cliOk(server, ['--json', 'key', 'rotate', '--immediate'])).json[0].kid;
    await waitFor(async () => decodeJwt(await token(server, dex)).header.kid === kidB, { what: 'the new key to sign' });
    const published = async () => (await jwks(server)).keys.map((k) => k.kid);

    // Shortly before exp: still active (not refused early).
    const beforeExpMs = (exp - 3) * 1000 - Date.now();
    if (beforeExpMs > 0) await sleep(beforeExpMs);
    if (Date.now() < (exp - 1) * 1000) {
      assert.equal((await introspect(server, dex, cached)).active, true, 'active 1-3 s before exp');
      assert.ok((await published()).includes(kidA), 'the retired key was unpublished before its tokens expired');
    }

    // From exp on (whole seconds, no skew: refused once the clock reaches exp).
    await sleep(Math.max(0, Math.max(exp, expUncached) * 1000 - Date.now() + 300));
    assert.ok((await published()).includes(kidA), 'control: the key is still published, so this is about expiry');
    assert.deepEqual(await introspect(server, dex, cached), { active: false }, 'expired token (cached) still active');
    assert.deepEqual(await introspect(server, dex, uncached), { active: false }, 'expired token (never cached) still active');
    await assert.rejects(jose.jwtVerify(cached, remote, opts), (e) => e.code === 'ERR_JWT_EXPIRED');

    // The retired key goes once nothing it signed can be valid (retired + lifetime + skew).
    await waitFor(async () => !(await published()).includes(kidA), { what: 'the retired key to be unpublished', timeoutMs: 15000 * SLOW, intervalMs: 250 });
    assert.deepEqual(await published(), [kidB]);

    // The server still issues good tokens.
    const fresh = await token(server, dex);
    assert.equal((await introspect(server, dex, fresh)).active, true);
  });
});
