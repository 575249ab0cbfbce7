// Every RFC 6749 §5.2 error of the token endpoint, its HTTP status, and the exact body shape
// ({"error","error_description"} and nothing else, JSON, no-store), plus the transport-level
// refusals (405, 404, 413). Install and client state changes go through the CLI while the
// server runs; the server must notice them without a restart.

import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, test } from 'node:test';
import { assertOAuthError, basic, cliOk, http, postForm, startServer, waitFor } from './harness.mjs';

describe('token endpoint errors', () => {
  let server;
  let dex; // site 0 DeX client
  let or; // site 0 OneRoster client

  before(async () => {
    server = await startServer();
    dex = server.client(0, 'dex');
    or = server.client(0, 'oneroster');
  });
  after(async () => {
    await server?.stop();
  });

  const good = () => ({ grant_type: 'client_credentials', client_id: dex.client_id, client_secret: dex.client_secret });
  const post = (fields, opts) => postForm(server.tokenEndpoint, fields, opts);

  test('control: the unmodified request succeeds', async () => {
    const r = await post(good());
    assert.equal(r.status, 200, r.text);
  });

  test('missing grant_type → 400 invalid_request', async () => {
    const { grant_type, ...rest } = good();
    assertOAuthError(await post(rest), 400, 'invalid_request', /grant_type/);
  });

  test('grant_type=password → 400 unsupported_grant_type', async () => {
    assertOAuthError(await post({ ...good(), grant_type: 'password', username: 'u', password: 'p' }), 400, 'unsupported_grant_type');
    assertOAuthError(await post({ ...good(), grant_type: 'authorization_code', code: 'x' }), 400, 'unsupported_grant_type');
  });

  test('bad secret in the body → 401 invalid_client without WWW-Authenticate', async () => {
    const r = await post({ ...good(), client_secret: 'not-the-secret' });
    assertOAuthError(r, 401, 'invalid_client');
    assert.equal(r.headers.get('www-authenticate'), null, 'no challenge when Basic was not used');
  });

  test('bad secret by HTTP Basic → 401 invalid_client with WWW-Authenticate: Basic', async () => {
    const r = await post({ grant_type: 'client_credentials' }, { auth: basic(dex.client_id, 'not-the-secret') });
    assertOAuthError(r, 401, 'invalid_client');
    assert.match(r.headers.get('www-authenticate') || '', /^Basic\b/i);
    assert.match(r.headers.get('www-authenticate') || '', /realm=/);
  });

  test('auth-scheme is case-insensitive: "basic" with a bad secret still gets the Basic challenge', async () => {
    // RFC 7235 §2.1: the scheme is case-insensitive; the server accepts "basic ..." for
    // authentication, so it must answer a failed "basic ..." attempt with the challenge too.
    const goodLower = basic(or.client_id, or.client_secret).replace(/^Basic/, 'basic');
    const ok = await post({ grant_type: 'client_credentials' }, { auth: goodLower });
    assert.equal(ok.status, 200, `lower-case scheme accepted for authentication: ${ok.text}`);
    const r = await post({ grant_type: 'client_credentials' }, { auth: basic(or.client_id, 'wrong').replace(/^Basic/, 'basic') });
    assertOAuthError(r, 401, 'invalid_client');
    assert.match(r.headers.get('www-authenticate') || '', /^Basic\b/i, 'WWW-Authenticate missing for a lower-case "basic" attempt');
  });

  test('malformed Basic credentials → 401 invalid_client with the challenge', async () => {
    const r = await post({ grant_type: 'client_credentials' }, { auth: 'Basic !!!not-base64!!!' });
    assertOAuthError(r, 401, 'invalid_client');
    assert.match(r.headers.get('www-authenticate') || '', /^Basic\b/i);
  });

  test('unknown client → 401 invalid_client (body and Basic), same description as a bad secret', async () => {
    const bad = await post({ ...good(), client_secret: 'nope' });
    const body = await post({ ...good(), client_id: 'sas-simsprimary-00000000-0000-0000-0000-000000000000' });
    assertOAuthError(body, 401, 'invalid_client');
    assert.equal(body.headers.get('www-authenticate'), null);
    // Unknown ids and wrong secrets must be indistinguishable.
    assert.equal(body.json.error_description, bad.json.error_description);
    const viaBasic = await post({ grant_type: 'client_credentials' }, { auth: basic('no-such-client', 'x') });
    assertOAuthError(viaBasic, 401, 'invalid_client');
    assert.match(viaBasic.headers.get('www-authenticate') || '', /^Basic\b/i);
  });

  test('no client authentication at all → 401 invalid_client', async () => {
    assertOAuthError(await post({ grant_type: 'client_credentials' }), 401, 'invalid_client');
    assertOAuthError(await post({ grant_type: 'client_credentials', client_id: dex.client_id }), 401, 'invalid_client');
  });

  test('both HTTP Basic and a body secret → 400 invalid_request', async () => {
    const r = await post({ grant_type: 'client_credentials', client_id: dex.client_id, client_secret: dex.client_secret }, { auth: basic(dex.client_id, dex.client_secret) });
    assertOAuthError(r, 400, 'invalid_request');
  });

  test('Basic for one client and a different client_id in the body → 400 invalid_request', async () => {
    const other = server.client(1, 'dex');
    const r = await post({ grant_type: 'client_credentials', client_id: other.client_id }, { auth: basic(dex.client_id, dex.client_secret) });
    assertOAuthError(r, 400, 'invalid_request');
  });

  test('a repeated parameter → 400 invalid_request (RFC 6749 §3.2)', async () => {
    const base = new URLSearchParams(good()).toString();
    for (const extra of ['grant_type=client_credentials', 'scope=partner&scope=partner', `client_id=${dex.client_id}`]) {
      const r = await post(`${base}&${extra}`);
      assertOAuthError(r, 400, 'invalid_request', /repeated/);
    }
  });

  test('wrong content type → 400 invalid_request', async () => {
    const json = await http(server.tokenEndpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(good()) });
    assertOAuthError(json, 400, 'invalid_request');
    const none = await http(server.tokenEndpoint, { method: 'POST', body: new URLSearchParams(good()).toString(), headers: { 'content-type': '' } });
    assertOAuthError(none, 400, 'invalid_request');
    const prefix = await http(server.tokenEndpoint, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencodedX' }, body: new URLSearchParams(good()).toString() });
    assertOAuthError(prefix, 400, 'invalid_request');
  });

  test('malformed percent-encoding → 400 invalid_request', async () => {
    const base = new URLSearchParams(good()).toString();
    for (const bad of ['scope=%zz', 'scope=%4', 'scope=abc%', 'x%G1=1']) {
      assertOAuthError(await post(`${base}&${bad}`), 400, 'invalid_request');
    }
  });

  test('a scope not granted → 400 invalid_scope', async () => {
    assertOAuthError(await post({ ...good(), scope: 'partner-write' }), 400, 'invalid_scope', /partner-write/);
    assertOAuthError(await post({ ...good(), scope: 'partnerserverapplication onerosterapi' }), 400, 'invalid_scope', /onerosterapi/);
    assertOAuthError(await post({ ...good(), scope: 'made-up' }), 400, 'invalid_scope');
  });

  test('acr_values naming another known school → 400 invalid_grant', async () => {
    const other = server.demo.sites[1].organisation_id;
    assertOAuthError(await post({ ...good(), acr_values: `orgselected:${other}` }), 400, 'invalid_grant', new RegExp(other));
  });

  test('acr_values naming an unknown organisation → 400 invalid_grant', async () => {
    assertOAuthError(await post({ ...good(), acr_values: 'orgselected:5C030578-1832-4C66-80C4-0E5DEB68D3FE' }), 400, 'invalid_grant', /[Uu]nknown/);
    assertOAuthError(
      await post({ grant_type: 'client_credentials', acr_values: 'orgselected:5C030578-1832-4C66-80C4-0E5DEB68D3FE' }, { auth: basic(server.management.client_id, server.management.client_secret) }),
      400,
      'invalid_grant',
    );
  });

  test('acr_values "orgselected:" with no id → 400 invalid_request', async () => {
    assertOAuthError(await post({ ...good(), acr_values: 'orgselected:' }), 400, 'invalid_request');
  });

  test("the pending site's clients → 400 invalid_grant mentioning approval", async () => {
    assert.equal(server.demo.sites[2].status, 'pending');
    for (const kind of ['dex', 'oneroster']) {
      const c = server.client(2, kind);
      const r = await post({ grant_type: 'client_credentials', client_id: c.client_id, client_secret: c.client_secret });
      assertOAuthError(r, 400, 'invalid_grant', /approv/i);
    }
  });

  test('site disable → invalid_grant; site approve → tokens again (no restart)', async () => {
    const site = server.demo.sites[1];
    const c = server.client(1, 'dex');
    const req = () => post({ grant_type: 'client_credentials', client_id: c.client_id, client_secret: c.client_secret });
    assert.equal((await req()).status, 200);
    await cliOk(server, ['site', 'disable', '--site', site.organisation_id, '--app', server.demo.application.id]);
    const r = await waitFor(async () => {
      const x = await req();
      return x.status !== 200 && x;
    }, { what: 'the disabled install to refuse tokens' });
    assertOAuthError(r, 400, 'invalid_grant', /disabled/i);
    // The other school is unaffected.
    assert.equal((await post(good())).status, 200);
    await cliOk(server, ['site', 'approve', '--site', site.organisation_id, '--app', server.demo.application.id]);
    await waitFor(async () => (await req()).status === 200, { what: 'the re-approved install to issue tokens' });
  });

  test('a pending install approved through the CLI starts issuing tokens', async () => {
    const site = server.demo.sites[2];
    const c = server.client(2, 'oneroster');
    await cliOk(server, ['site', 'approve', '--site', site.organisation_id, '--app', server.demo.application.id]);
    const r = await waitFor(async () => {
      const x = await post('grant_type=client_credentials', { auth: basic(c.client_id, c.client_secret) });
      return x.status === 200 && x;
    }, { what: 'the approved install to issue tokens' });
    assert.ok(r.json.access_token);
  });

  test('client disable → 401 invalid_client; enable → tokens again', async () => {
    const c = server.client(1, 'oneroster');
    const req = () => post('grant_type=client_credentials', { auth: basic(c.client_id, c.client_secret) });
    assert.equal((await req()).status, 200);
    await cliOk(server, ['client', 'disable', c.client_id]);
    const r = await waitFor(async () => {
      const x = await req();
      return x.status !== 200 && x;
    }, { what: 'the disabled client to be refused' });
    assertOAuthError(r, 401, 'invalid_client');
    assert.match(r.headers.get('www-authenticate') || '', /^Basic\b/i);
    await cliOk(server, ['client', 'enable', c.client_id]);
    await waitFor(async () => (await req()).status === 200, { what: 'the re-enabled client to get tokens' });
  });

  test('GET /connect/token → 405 with Allow: POST and a JSON error', async () => {
    const r = await http(server.tokenEndpoint);
    assert.equal(r.status, 405);
    assert.equal(r.headers.get('allow'), 'POST');
    assert.match(r.headers.get('content-type') || '', /^application\/json/);
    assert.deepEqual(Object.keys(r.json).sort(), ['error', 'error_description']);
    for (const m of ['PUT', 'DELETE']) {
      const x = await http(server.tokenEndpoint, { method: m });
      assert.equal(x.status, 405, m);
      assert.equal(x.headers.get('allow'), 'POST');
    }
  });

  test('unknown path → 404 JSON', async () => {
    for (const p of ['/connect/nope', '/nope', '/connect/token/extra']) {
      const r = await http(`${server.url}${p}`);
      assert.equal(r.status, 404, p);
      assert.match(r.headers.get('content-type') || '', /^application\/json/);
      assert.deepEqual(Object.keys(r.json).sort(), ['error', 'error_description'], `${p}: ${r.text}`);
    }
  });

  test('oversized body → 413 with a JSON error (declared length and chunked)', async () => {
    const big = `${new URLSearchParams(good()).toString()}&pad=${'a'.repeat(64 * 1024)}`;
    const r = await post(big);
    assert.equal(r.status, 413, r.text);
    assert.match(r.headers.get('content-type') || '', /^application\/json/);
    assert.match(r.headers.get('cache-control') || '', /no-store/);
    assert.deepEqual(Object.keys(r.json).sort(), ['error', 'error_description']);

    // Chunked: no Content-Length up front, the limit must still hold.
    const chunk = 'a'.repeat(8192);
    const chunks = Array.from({ length: 8 }, () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`).join('');
    const chunked = await rawRequest(
      server,
      [
        'POST /connect/token HTTP/1.1',
        `Host: 127.0.0.1:${server.port}`,
        'Content-Type: application/x-www-form-urlencoded',
        'Transfer-Encoding: chunked',
        'Connection: close',
        '',
        `${chunks}0\r\n\r\n`,
      ].join('\r\n'),
    );
    assert.match(chunked, /^HTTP\/1\.1 413 /);
  });

  test('a client still sending a large body reads the 413 (lingering close, RFC 9112 §9.6)', async () => {
    // The server answers 413 after the headers and closes. Closing with unread request bytes
    // makes the kernel send a reset, which destroys the 413 before a client that is still
    // writing can read it: the client sees EPIPE/ECONNRESET instead of an HTTP answer.
    const big = `grant_type=client_credentials&pad=${'a'.repeat(4 * 1024 * 1024)}`;
    const outcomes = [];
    for (let i = 0; i < 3; i++) {
      try {
        outcomes.push((await post(big)).status);
      } catch (e) {
        outcomes.push(e.cause?.code || e.message);
      }
    }
    assert.deepEqual(outcomes, [413, 413, 413]);
  });

  test('a body just under the 16 KiB form limit is still served', async () => {
    const base = new URLSearchParams(good()).toString();
    const pad = 16 * 1024 - base.length - 10;
    const r = await post(`${base}&pad=${'a'.repeat(pad)}`);
    assert.equal(r.status, 200, r.text);
  });
});

// Sends a raw HTTP/1.1 request in one write; resolves with whatever the server answered
// (a reset after the answer is fine: the server may close once it has refused a request).
function rawRequest(server, request) {
  return new Promise((resolve, reject) => {
    const sock = net.connect(server.port, '127.0.0.1');
    let data = '';
    let error = null;
    sock.setEncoding('utf8');
    sock.setTimeout(15000);
    sock.on('timeout', () => sock.destroy(new Error('raw request timed out')));
    sock.on('data', (d) => (data += d));
    sock.on('error', (e) => (error = e));
    sock.on('close', () => (data ? resolve(data) : reject(error || new Error('no answer'))));
    sock.on('connect', () => sock.write(request));
  });
}
