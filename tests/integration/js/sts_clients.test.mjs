// The seed's "Web Access – Hello World" walk-through with independent, unmodified clients:
// openid-client (discovery + client_credentials, client_secret_post and client_secret_basic),
// jose (JWT verification against the published JWKS), and a stock OneRoster consumer
// (HTTP Basic with nothing but grant_type).

import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import net from 'node:net';
import { after, before, describe, test } from 'node:test';
import * as oidc from 'openid-client';
import * as jose from 'jose';
import { basic, decodeJwt, http, jwks, postForm, startServer, x5tOf } from './harness.mjs';

const SEED_CLAIMS = ['iss', 'aud', 'exp', 'nbf', 'client_id', 'scope', 'sub', 'vendorid', 'applicationid', 'applicationname'];

describe('STS with real clients', () => {
  let server;
  let remoteJwks;

  before(async () => {
    server = await startServer();
    remoteJwks = jose.createRemoteJWKSet(new URL(server.jwksUri));
  });
  after(async () => {
    await server?.stop();
  });

  async function discover(client, auth) {
    return oidc.discovery(new URL(server.url), client.client_id, client.client_secret, auth, {
      execute: [oidc.allowInsecureRequests],
    });
  }

  async function verify(accessToken, algorithms = ['RS256']) {
    return jose.jwtVerify(accessToken, remoteJwks, {
      issuer: server.issuer,
      audience: `${server.issuer}/resources`,
      algorithms,
      typ: 'JWT',
    });
  }

  // Header checks shared by every token: alg, typ, kid == x5t == SHA-1 of the x5c cert.
  async function checkHeader(protectedHeader, alg = 'RS256') {
    assert.equal(protectedHeader.alg, alg);
    assert.equal(protectedHeader.typ, 'JWT');
    assert.ok(protectedHeader.kid, 'kid');
    assert.equal(protectedHeader.x5t, protectedHeader.kid, 'x5t == kid (as the seed token)');
    const set = await jwks(server);
    const jwk = set.keys.find((k) => k.kid === protectedHeader.kid);
    assert.ok(jwk, `kid ${protectedHeader.kid} is published`);
    assert.equal(jwk.x5t, protectedHeader.x5t);
    assert.equal(jwk.alg, alg);
    assert.equal(jwk.use, 'sig');
    assert.ok(Array.isArray(jwk.x5c) && jwk.x5c.length >= 1, 'x5c');
    const der = Buffer.from(jwk.x5c[0], 'base64');
    assert.equal(x5tOf(der), jwk.x5t, 'x5t is the SHA-1 thumbprint of x5c[0]');
    // The certificate carries the same public key as the JWK.
    const certKey = new crypto.X509Certificate(der).publicKey.export({ format: 'jwk' });
    const jwkKey = crypto.createPublicKey({ key: jwk, format: 'jwk' }).export({ format: 'jwk' });
    assert.deepEqual(certKey, jwkKey, 'x5c certificate key == JWK key');
    assert.equal(jwk.d, undefined, 'no private part in the JWKS');
    assert.equal(jwk.p, undefined, 'no private part in the JWKS');
  }

  test('discovery document names this server and its endpoints', async () => {
    const r = await http(`${server.url}/.well-known/openid-configuration`);
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type'), /^application\/json/);
    assert.match(r.headers.get('cache-control') || '', /max-age=\d+/);
    const d = r.json;
    assert.equal(d.issuer, server.issuer);
    assert.equal(d.token_endpoint, server.demo.token_endpoint);
    assert.equal(d.token_endpoint, `${server.url}/connect/token`);
    assert.equal(d.jwks_uri, server.jwksUri);
    assert.equal(d.introspection_endpoint, `${server.url}/connect/introspect`);
    assert.equal(d.revocation_endpoint, `${server.url}/connect/revocation`);
    assert.ok(d.grant_types_supported.includes('client_credentials'));
    assert.deepEqual([...d.token_endpoint_auth_methods_supported].sort(), ['client_secret_basic', 'client_secret_post']);
    for (const s of ['partnerserverapplication', 'onerosterapi', 'partner']) assert.ok(d.scopes_supported.includes(s), s);
    assert.equal(server.demo.base_url, server.url);
  });

  test('JWKS is public, cacheable and lists the signing key with x5c/x5t/kid', async () => {
    const r = await http(server.jwksUri);
    assert.equal(r.status, 200);
    assert.match(r.headers.get('cache-control') || '', /public/);
    assert.match(r.headers.get('cache-control') || '', /max-age=\d+/);
    assert.ok(r.json.keys.length >= 1);
    for (const k of r.json.keys) {
      assert.ok(k.kid && k.x5t && k.x5c && k.kty && k.alg, JSON.stringify(k));
      assert.equal(k.kid, k.x5t);
    }
  });

  test('openid-client, client_secret_post, the seed request (scope + acr_values) for site 0 DeX', async () => {
    const dex = server.client(0, 'dex');
    const config = await discover(dex, oidc.ClientSecretPost(dex.client_secret));
    assert.equal(config.serverMetadata().issuer, server.issuer);
    const before = Math.floor(Date.now() / 1000);
    const res = await oidc.clientCredentialsGrant(config, {
      scope: 'partnerserverapplication',
      acr_values: `orgselected:${dex.organisation_id}`,
    });
    assert.equal(res.token_type.toLowerCase(), 'bearer');
    assert.equal(res.expires_in, 3600);
    assert.equal(res.scope, 'partnerserverapplication');

    const { payload, protectedHeader } = await verify(res.access_token);
    await checkHeader(protectedHeader);
    for (const c of SEED_CLAIMS) assert.ok(c in payload, `claim ${c}`);
    assert.deepEqual(
      Object.keys(payload).sort(),
      [...SEED_CLAIMS, 'iat', 'jti', 'userorganisationidentifier'].sort(),
      'exactly the documented claims',
    );
    assert.equal(payload.iss, server.issuer);
    assert.equal(payload.aud, `${server.issuer}/resources`);
    assert.equal(payload.client_id, dex.client_id);
    assert.equal(payload.sub, dex.client_id);
    assert.deepEqual(payload.scope, ['partnerserverapplication']);
    assert.equal(payload.userorganisationidentifier, `|${dex.organisation_id}|S`);
    assert.equal(payload.vendorid, server.demo.vendor.id);
    assert.equal(payload.applicationid, server.demo.application.id);
    assert.equal(payload.applicationname, server.demo.application.name);
    assert.equal(payload.exp - payload.nbf, 3600);
    assert.equal(payload.iat, payload.nbf);
    assert.ok(Math.abs(payload.iat - before) <= 60, `iat ${payload.iat} near now ${before}`);
    assert.match(payload.jti, /^[0-9A-Za-z_-]{16,}$/);
    assert.match(dex.client_id, /^sas-simsprimary-/);
  });

  test('openid-client, client_secret_basic, no scope → the full granted set', async () => {
    const dex = server.client(0, 'dex');
    const config = await discover(dex, oidc.ClientSecretBasic(dex.client_secret));
    const res = await oidc.clientCredentialsGrant(config, { acr_values: `orgselected:${dex.organisation_id}` });
    assert.equal(res.expires_in, 3600);
    const granted = dex.scope.split(' ').sort();
    assert.deepEqual(res.scope.split(' ').sort(), granted);
    const { payload, protectedHeader } = await verify(res.access_token);
    await checkHeader(protectedHeader);
    assert.ok(Array.isArray(payload.scope), 'scope is a JSON array');
    assert.deepEqual([...payload.scope].sort(), granted);
    assert.equal(payload.userorganisationidentifier, `|${dex.organisation_id}|S`);
  });

  test('the raw seed walk-through: POST {token}?Content-Type, form body, token_type "Bearer"', async () => {
    // The seed's Postman request has a stray "?Content-Type" on the URL; it must not matter.
    const dex = server.client(0, 'dex');
    const r = await postForm(`${server.demo.token_endpoint}?Content-Type`, {
      grant_type: 'client_credentials',
      client_id: dex.client_id,
      client_secret: dex.client_secret,
      scope: 'partnerserverapplication',
      acr_values: `orgselected:${dex.organisation_id}`,
    });
    assert.equal(r.status, 200, r.text);
    assert.match(r.headers.get('content-type'), /^application\/json/);
    assert.match(r.headers.get('cache-control') || '', /no-store/);
    assert.deepEqual(Object.keys(r.json).sort(), ['access_token', 'expires_in', 'scope', 'token_type']);
    assert.equal(r.json.token_type, 'Bearer');
    assert.equal(r.json.expires_in, 3600);
    assert.equal(typeof r.json.scope, 'string');
    const { header } = decodeJwt(r.json.access_token);
    assert.deepEqual(Object.keys(header).sort(), ['alg', 'kid', 'typ', 'x5t']);
  });

  test('content type with charset and odd case is accepted (as .NET/Postman send it)', async () => {
    const dex = server.client(0, 'dex');
    for (const ct of ['application/x-www-form-urlencoded; charset=UTF-8', 'Application/X-WWW-Form-URLEncoded']) {
      const r = await postForm(
        server.tokenEndpoint,
        { grant_type: 'client_credentials', client_id: dex.client_id, client_secret: dex.client_secret },
        { headers: { 'content-type': ct } },
      );
      assert.equal(r.status, 200, `${ct}: ${r.text}`);
    }
  });

  test('acr_values organisation id is case-insensitive; the claim carries the canonical id', async () => {
    const dex = server.client(0, 'dex');
    const r = await postForm(server.tokenEndpoint, {
      grant_type: 'client_credentials',
      client_id: dex.client_id,
      client_secret: dex.client_secret,
      acr_values: `orgselected:${dex.organisation_id.toLowerCase()}`,
    });
    assert.equal(r.status, 200, r.text);
    const { payload } = await verify(r.json.access_token);
    assert.equal(payload.userorganisationidentifier, `|${dex.organisation_id}|S`);
  });

  test('each school client gets its own organisation; tokens have distinct jti', async () => {
    const a = server.client(0, 'dex');
    const b = server.client(1, 'dex');
    assert.notEqual(a.organisation_id, b.organisation_id);
    const ta = await verify((await postForm(server.tokenEndpoint, { grant_type: 'client_credentials', client_id: a.client_id, client_secret: a.client_secret })).json.access_token);
    const tb = await verify((await postForm(server.tokenEndpoint, { grant_type: 'client_credentials', client_id: b.client_id, client_secret: b.client_secret })).json.access_token);
    assert.equal(ta.payload.userorganisationidentifier, `|${a.organisation_id}|S`);
    assert.equal(tb.payload.userorganisationidentifier, `|${b.organisation_id}|S`);
    assert.notEqual(ta.payload.jti, tb.payload.jti);
  });

  test('stock OneRoster consumer: HTTP Basic + grant_type only → bound org, full scope set', async () => {
    const or = server.client(0, 'oneroster');
    assert.match(or.client_id, /^sas-oneroster-/);
    // Exactly what Microsoft SDS / Google Classroom send: nothing but grant_type.
    const r = await postForm(server.tokenEndpoint, 'grant_type=client_credentials', { auth: basic(or.client_id, or.client_secret) });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.token_type, 'Bearer');
    assert.equal(r.json.expires_in, 3600);
    const granted = or.scope.split(' ').sort();
    assert.ok(granted.includes('https://purl.imsglobal.org/spec/or/v1p1/scope/roster-core.readonly'));
    assert.deepEqual(r.json.scope.split(' ').sort(), granted);
    const { payload, protectedHeader } = await verify(r.json.access_token);
    await checkHeader(protectedHeader);
    assert.deepEqual([...payload.scope].sort(), granted);
    assert.equal(payload.userorganisationidentifier, `|${or.organisation_id}|S`);
    assert.equal(payload.client_id, or.client_id);
    assert.equal(payload.vendorid, server.demo.vendor.id);

    // The same through openid-client with no parameters at all.
    const config = await discover(or, oidc.ClientSecretBasic(or.client_secret));
    const res = await oidc.clientCredentialsGrant(config);
    const v = await verify(res.access_token);
    assert.equal(v.payload.userorganisationidentifier, `|${or.organisation_id}|S`);
  });

  test('OneRoster scope URIs can be requested individually', async () => {
    const or = server.client(1, 'oneroster');
    const want = 'https://purl.imsglobal.org/spec/or/v1p1/scope/roster-core.readonly';
    const r = await postForm(server.tokenEndpoint, { grant_type: 'client_credentials', scope: want }, { auth: basic(or.client_id, or.client_secret) });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.scope, want);
    const { payload } = await verify(r.json.access_token);
    assert.deepEqual(payload.scope, [want]);
  });

  test('HTTP Basic plus the same client_id in the body is allowed (RFC 6749 §2.3.1)', async () => {
    const or = server.client(0, 'oneroster');
    const r = await postForm(server.tokenEndpoint, { grant_type: 'client_credentials', client_id: or.client_id }, { auth: basic(or.client_id, or.client_secret) });
    assert.equal(r.status, 200, r.text);
  });

  test('Expect: 100-continue (as .NET HttpWebRequest sends it) gets 100 then the token', async () => {
    const dex = server.client(0, 'dex');
    const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: dex.client_id, client_secret: dex.client_secret }).toString();
    const sock = net.connect(server.port, '127.0.0.1');
    let data = '';
    sock.setEncoding('utf8');
    const closed = new Promise((resolve, reject) => {
      sock.on('close', resolve);
      sock.on('error', reject);
    });
    const sawContinue = new Promise((resolve) => {
      sock.on('data', (d) => {
        data += d;
        if (/^HTTP\/1\.1 100 /.test(data)) resolve();
      });
    });
    sock.write(`POST /connect/token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n`);
    await Promise.race([sawContinue, new Promise((_, reject) => setTimeout(() => reject(new Error(`no 100 Continue; got ${JSON.stringify(data)}`)), 10000))]);
    sock.write(body);
    await closed;
    assert.match(data, /^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 200 /, data.slice(0, 200));
    assert.match(data, /"access_token":"ey/);
  });

  test("the x5c certificate's subject names this issuer", async () => {
    // The certificate is made as "Muster STS {issuer}"; with --listen on port 0 the issuer
    // is only known after binding, and the certificate must use the bound one.
    const set = await jwks(server);
    const cert = new crypto.X509Certificate(Buffer.from(set.keys[0].x5c[0], 'base64'));
    assert.match(cert.subject, /Muster STS/);
    assert.ok(cert.subject.includes(server.issuer), `certificate subject ${JSON.stringify(cert.subject)} does not name the issuer ${server.issuer}`);
  });

  test('vendor management client: a token without an organisation', async () => {
    const m = server.management;
    const config = await discover(m, oidc.ClientSecretBasic(m.client_secret));
    const res = await oidc.clientCredentialsGrant(config, { scope: 'partner-read' });
    const { payload } = await verify(res.access_token);
    assert.deepEqual(payload.scope, ['partner-read']);
    assert.equal(payload.client_id, m.client_id);
    assert.equal(payload.vendorid, server.demo.vendor.id);
    assert.equal('userorganisationidentifier' in payload, false, 'no organisation in a vendor token');
  });
});
