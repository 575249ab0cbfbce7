// Client secret rotation through the CLI while the server runs: with a grace period both
// secrets work; with --grace 0 the previous secret stops working at once. Tokens issued
// under an old secret stay valid (they are not tied to the secret).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertOAuthError, basic, cliOk, introspect, postForm, startServer, waitFor } from './harness.mjs';

describe('client secret rotation', () => {
  let server;
  let client;

  before(async () => {
    server = await startServer();
    client = server.client(0, 'oneroster');
  });
  after(async () => {
    await server?.stop();
  });

  const tokenWith = (secret) => postForm(server.tokenEndpoint, 'grant_type=client_credentials', { auth: basic(client.client_id, secret) });

  test('--grace 3600: old and new secret both work', async () => {
    const original = client.client_secret;
    const before = await tokenWith(original);
    assert.equal(before.status, 200);
    const r = await cliOk(server, ['--json', 'client', 'rotate-secret', client.client_id, '--grace', '3600']);
    const rotated = r.json[0];
    assert.equal(rotated.client_id, client.client_id);
    assert.notEqual(rotated.client_secret, original);
    assert.ok(rotated.client_secret.length >= 43, 'a 256-bit secret');
    assert.match(rotated.previous_secret_valid_until, /^\d{4}-\d\d-\d\dT/);
    const until = Date.parse(rotated.previous_secret_valid_until);
    assert.ok(Math.abs(until - (Date.now() + 3600 * 1000)) < 120 * 1000, `grace ends ${rotated.previous_secret_valid_until}`);
    await waitFor(async () => (await tokenWith(rotated.client_secret)).status === 200, { what: 'the new secret to work' });
    assert.equal((await tokenWith(original)).status, 200, 'the old secret works during the grace period');
    // Body authentication too.
    const body = await postForm(server.tokenEndpoint, { grant_type: 'client_credentials', client_id: client.client_id, client_secret: original });
    assert.equal(body.status, 200, body.text);
    client.previous = original;
    client.client_secret = rotated.client_secret;
    client.tokenBefore = before.json.access_token;
  });

  test('--grace 0: the previous secret fails at once, the new one works', async () => {
    assert.ok(client.previous, 'depends on the previous test');
    const r = await cliOk(server, ['--json', 'client', 'rotate-secret', client.client_id, '--grace', '0']);
    const newest = r.json[0].client_secret;
    assert.equal(r.json[0].previous_secret_valid_until, '-');
    // The moment the new secret works, the old ones must not.
    await waitFor(async () => (await tokenWith(newest)).status === 200, { what: 'the newest secret to work' });
    for (const old of [client.client_secret, client.previous]) {
      const x = await tokenWith(old);
      assertOAuthError(x, 401, 'invalid_client');
    }
    // Tokens issued before any rotation are still valid.
    assert.equal((await introspect(server, server.client(0, 'dex'), client.tokenBefore)).active, true);
  });

  test("imported secrets work: the seed's own secret, and one that needs form-encoding", async () => {
    // Migrating from another platform: `client create --import-secret-stdin`.
    const app = server.demo.application.id;
    const org = server.demo.sites[1].organisation_id;
    for (const secret of ['eedkxPEveR1hRdr_', 'p+ss/w%rd:with=odd&chars ~!']) {
      const r = await cliOk(server, ['--json', 'client', 'create', '--kind', 'dex', '--vendor', server.demo.vendor.id, '--app', app, '--site', org, '--import-secret-stdin'], { input: `${secret}\n` });
      const c = r.json[0];
      assert.equal(c.client_secret, secret);
      // Body authentication (form-encoded) and RFC 6749 Basic (form-encoded, then base64).
      await waitFor(async () => (await postForm(server.tokenEndpoint, { grant_type: 'client_credentials', client_id: c.client_id, client_secret: secret })).status === 200, {
        what: `imported secret ${JSON.stringify(secret)} by body`,
      });
      const b = await postForm(server.tokenEndpoint, 'grant_type=client_credentials', { auth: basic(c.client_id, secret) });
      assert.equal(b.status, 200, `imported secret ${JSON.stringify(secret)} by Basic: ${b.text}`);
    }
    const short = await server.cli(['client', 'create', '--kind', 'dex', '--vendor', server.demo.vendor.id, '--app', app, '--site', org, '--import-secret-stdin'], { input: 'short\n' });
    assert.notEqual(short.code, 0, 'a 5-character imported secret was accepted');
  });

  test('rotate-secret rejects a grace period out of range and unknown clients', async () => {
    for (const args of [
      ['client', 'rotate-secret', client.client_id, '--grace', '-1'],
      ['client', 'rotate-secret', client.client_id, '--grace', String(31 * 86400)],
      ['client', 'rotate-secret', 'no-such-client', '--grace', '0'],
    ]) {
      const r = await server.cli(args);
      assert.notEqual(r.code, 0, `muster ${args.join(' ')} succeeded`);
      assert.ok(r.stderr.trim().length > 0, `no message for muster ${args.join(' ')}`);
    }
  });
});
