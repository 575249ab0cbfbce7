// RFC 7662 introspection and RFC 7009 revocation, through openid-client's own
// tokenIntrospection/tokenRevocation and raw requests. Introspection runs the same
// BearerValidator every data API uses, so "active" is what an API would accept.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as oidc from 'openid-client';
import { assertOAuthError, basic, cliOk, decodeJwt, http, introspect, postForm, revoke, startServer, token, waitFor } from './harness.mjs';

describe('introspection and revocation', () => {
  let server;
  let dex; // site 0 DeX (owner of the tokens under test)
  let dex1; // site 1 DeX: same vendor, another client
  let other; // a DeX client of a second vendor, installed at the same school as `dex`

  before(async () => {
    server = await startServer();
    dex = server.client(0, 'dex');
    dex1 = server.client(1, 'dex');
    // A second vendor, application and client, at site 0 — through the CLI, while serving.
    const vendor = (await cliOk(server, ['--json', 'vendor', 'create', '--name', 'Other Vendor Ltd'])).json[0];
    const app = (await cliOk(server, ['--json', 'app', 'create', '--vendor', vendor.id, '--name', 'Other App', '--no-approval'])).json[0];
    const org = server.demo.sites[0].organisation_id;
    await cliOk(server, ['site', 'install', '--site', org, '--app', app.id]);
    const c = (await cliOk(server, ['--json', 'client', 'create', '--kind', 'dex', '--vendor', vendor.id, '--app', app.id, '--site', org])).json[0];
    other = { ...c, vendor_id: vendor.id, organisation_id: org };
    await waitFor(async () => (await postForm(server.tokenEndpoint, 'grant_type=client_credentials', { auth: basic(other.client_id, other.client_secret) })).status === 200, {
      what: "the second vendor's client to get tokens",
    });
  });
  after(async () => {
    await server?.stop();
  });

  const discover = (c) =>
    oidc.discovery(new URL(server.url), c.client_id, c.client_secret, oidc.ClientSecretBasic(c.client_secret), { execute: [oidc.allowInsecureRequests] });

  test('introspection of a live token: active with its claims (openid-client)', async () => {
    const t = await token(server, dex, { scope: 'partnerserverapplication', acr_values: `orgselected:${dex.organisation_id}` });
    const { payload } = decodeJwt(t);
    const config = await discover(dex);
    const r = await oidc.tokenIntrospection(config, t);
    assert.equal(r.active, true);
    assert.equal(r.client_id, dex.client_id);
    assert.equal(r.sub, dex.client_id);
    assert.equal(r.scope, 'partnerserverapplication');
    assert.equal(r.token_type, 'Bearer');
    assert.equal(r.exp, payload.exp);
    assert.equal(r.iss, server.issuer);
    assert.equal(r.aud, `${server.issuer}/resources`);
    assert.equal(r.jti, payload.jti);
    assert.equal(r.vendorid, server.demo.vendor.id);
    assert.equal(r.applicationid, server.demo.application.id);
    assert.equal(r.userorganisationidentifier, `|${dex.organisation_id}|S`);
  });

  test('introspection response is no-store JSON; body auth works too', async () => {
    const t = await token(server, dex);
    const r = await postForm(`${server.url}/connect/introspect`, { token: t, client_id: dex.client_id, client_secret: dex.client_secret });
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type'), /^application\/json/);
    assert.match(r.headers.get('cache-control') || '', /no-store/);
    assert.equal(r.json.active, true);
  });

  test("the same vendor's other clients may introspect; another vendor's client sees active:false", async () => {
    const t = await token(server, dex);
    assert.equal((await introspect(server, dex1, t)).active, true);
    assert.equal((await introspect(server, server.management, t)).active, true);
    const seen = await introspect(server, other, t);
    assert.deepEqual(seen, { active: false }, 'nothing about another vendor\'s token');
    // And the reverse: the other vendor's (valid) token is invisible to the demo vendor.
    const ot = await token(server, other);
    assert.equal((await introspect(server, other, ot)).active, true, 'control: valid for its own vendor');
    assert.equal(decodeJwt(ot).payload.vendorid, other.vendor_id);
    assert.deepEqual(await introspect(server, dex, ot), { active: false });
    const viaOidc = await oidc.tokenIntrospection(await discover(other), t);
    assert.equal(viaOidc.active, false);
  });

  test('introspection needs client authentication', async () => {
    const t = await token(server, dex);
    const none = await postForm(`${server.url}/connect/introspect`, { token: t });
    assertOAuthError(none, 401, 'invalid_client');
    assert.equal(none.headers.get('www-authenticate'), null);
    const bad = await postForm(`${server.url}/connect/introspect`, { token: t }, { auth: basic(dex.client_id, 'wrong') });
    assertOAuthError(bad, 401, 'invalid_client');
    assert.match(bad.headers.get('www-authenticate') || '', /^Basic\b/i);
    // A bearer token is not client authentication.
    const bearer = await postForm(`${server.url}/connect/introspect`, { token: t }, { auth: `Bearer ${t}` });
    assert.equal(bearer.status, 401, bearer.text);
    assert.equal(bearer.json.error, 'invalid_client');
  });

  test('introspection without a token parameter → 400 invalid_request; GET → 405', async () => {
    assertOAuthError(await postForm(`${server.url}/connect/introspect`, {}, { auth: basic(dex.client_id, dex.client_secret) }), 400, 'invalid_request');
    const get = await http(`${server.url}/connect/introspect`);
    assert.equal(get.status, 405);
    assert.equal(get.headers.get('allow'), 'POST');
  });

  test('inactive tokens are exactly {"active":false}', async () => {
    for (const t of ['', 'garbage', 'a.b.c', 'eyJhbGciOiJub25lIn0.e30.']) {
      assert.deepEqual(await introspect(server, dex, t), { active: false }, JSON.stringify(t));
    }
  });

  test('revocation by the owner (openid-client) → 200; the token is then inactive', async () => {
    const t = await token(server, dex);
    assert.equal((await introspect(server, dex, t)).active, true, 'control (and now cached by the validator)');
    await oidc.tokenRevocation(await discover(dex), t);
    assert.deepEqual(await introspect(server, dex, t), { active: false });
    assert.deepEqual(await introspect(server, dex1, t), { active: false });
    // Other tokens of the same client are unaffected.
    const fresh = await token(server, dex);
    assert.equal((await introspect(server, dex, fresh)).active, true);
    // Revoking again is still 200 (RFC 7009 §2.2).
    const again = await revoke(server, dex, t);
    assert.equal(again.status, 200);
  });

  test('revocation response: 200, no-store; token_type_hint is accepted', async () => {
    const t = await token(server, dex);
    const r = await revoke(server, dex, t, { token_type_hint: 'access_token' });
    assert.equal(r.status, 200, r.text);
    assert.match(r.headers.get('cache-control') || '', /no-store/);
    assert.equal((await introspect(server, dex, t)).active, false);
    const t2 = await token(server, dex);
    assert.equal((await revoke(server, dex, t2, { token_type_hint: 'refresh_token' })).status, 200);
    assert.equal((await introspect(server, dex, t2)).active, false);
  });

  test("revoking another client's token is refused (400 unauthorized_client) and leaves it active", async () => {
    const t = await token(server, dex);
    assertOAuthError(await revoke(server, dex1, t), 400, 'unauthorized_client');
    assertOAuthError(await revoke(server, server.management, t), 400, 'unauthorized_client');
    assert.equal((await introspect(server, dex, t)).active, true);
    await assert.rejects(oidc.tokenRevocation(await discover(dex1), t), (e) => e.error === 'unauthorized_client');
  });

  test('revoking garbage or an unknown token → 200', async () => {
    for (const t of ['garbage', 'a.b.c', '']) {
      const r = await revoke(server, dex, t);
      assert.equal(r.status, 200, `${JSON.stringify(t)}: ${r.text}`);
    }
  });

  test('revocation needs client authentication; missing token → invalid_request', async () => {
    const t = await token(server, dex);
    assertOAuthError(await postForm(`${server.url}/connect/revocation`, { token: t }), 401, 'invalid_client');
    assertOAuthError(await postForm(`${server.url}/connect/revocation`, { token: t }, { auth: basic(dex.client_id, 'bad') }), 401, 'invalid_client');
    assertOAuthError(await postForm(`${server.url}/connect/revocation`, {}, { auth: basic(dex.client_id, dex.client_secret) }), 400, 'invalid_request');
    assert.equal((await introspect(server, dex, t)).active, true, 'unauthenticated revocations change nothing');
  });
});
