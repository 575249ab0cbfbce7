// Built-in TLS: a throwaway self-signed certificate made with the openssl CLI; tokens over
// https with node's https (trusting only that certificate) and with an unmodified
// openid-client (no allowInsecureRequests) in a child process that trusts it through
// NODE_EXTRA_CA_CERTS, as an operator would configure it.

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import * as jose from 'jose';
import { REQUEST_TIMEOUT_MS, basic, form, runCli, startServer, tempDir } from './harness.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));

function makeCert(dir, name) {
  const cert = path.join(dir, `${name}.crt`);
  const key = path.join(dir, `${name}.key`);
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes',
    '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1',
  ], { stdio: 'pipe' });
  return { cert, key };
}

describe('built-in TLS', () => {
  let dir;
  let tls;
  let server;
  let ca;

  before(async () => {
    dir = tempDir('muster-it-tls-');
    tls = makeCert(dir, 'server');
    ca = fs.readFileSync(tls.cert);
    server = await startServer({ args: ['--tls-cert', tls.cert, '--tls-key', tls.key] });
  });
  after(async () => {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  // node:https, trusting only our certificate.
  function request(url, { method = 'GET', headers = {}, body } = {}) {
    return new Promise((resolve, reject) => {
      const req = https.request(url, { method, headers, ca, timeout: REQUEST_TIMEOUT_MS }, (res) => {
        const peer = res.socket.getPeerCertificate();
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (text += d));
        res.on('end', () => {
          let json;
          try {
            json = JSON.parse(text);
          } catch {}
          resolve({ status: res.statusCode, headers: res.headers, text, json, peer });
        });
      });
      req.on('error', reject);
      req.on('timeout', () => req.destroy(new Error('timeout')));
      if (body) req.write(body);
      req.end();
    });
  }

  test('the server announces an https URL and presents our certificate', async () => {
    assert.match(server.url, /^https:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(server.demo.token_endpoint, `${server.url}/connect/token`);
    const r = await request(`${server.url}/healthz`);
    assert.equal(r.status, 200);
    const ours = new crypto.X509Certificate(ca).fingerprint256;
    assert.equal(r.peer.fingerprint256, ours);
  });

  test('discovery URLs are https', async () => {
    const r = await request(`${server.url}/.well-known/openid-configuration`);
    assert.equal(r.status, 200);
    for (const k of ['issuer', 'jwks_uri', 'token_endpoint', 'introspection_endpoint', 'revocation_endpoint']) {
      assert.match(r.json[k], /^https:\/\/127\.0\.0\.1:\d+/, k);
    }
  });

  test('a token over https verifies against the JWKS fetched over https', async () => {
    const or = server.client(0, 'oneroster');
    const r = await request(server.tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic(or.client_id, or.client_secret) },
      body: form({ grant_type: 'client_credentials' }),
    });
    assert.equal(r.status, 200, r.text);
    const keys = (await request(server.jwksUri)).json;
    const { payload } = await jose.jwtVerify(r.json.access_token, jose.createLocalJWKSet(keys), { issuer: server.url, audience: `${server.url}/resources` });
    assert.match(payload.iss, /^https:/);
    assert.equal(payload.userorganisationidentifier, `|${or.organisation_id}|S`);
  });

  test('unmodified openid-client (https only, no insecure option) gets a token', async () => {
    const dex = server.client(0, 'dex');
    const script = `
      import * as oidc from 'openid-client';
      const [url, id, secret, org] = process.argv.slice(1);
      const config = await oidc.discovery(new URL(url), id, secret, oidc.ClientSecretBasic(secret));
      const res = await oidc.clientCredentialsGrant(config, { scope: 'partnerserverapplication', acr_values: 'orgselected:' + org });
      process.stdout.write(JSON.stringify({ scope: res.scope, expires_in: res.expires_in, issuer: config.serverMetadata().issuer }));
    `;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, server.url, dex.client_id, dex.client_secret, dex.organisation_id], {
      cwd: HERE,
      env: { ...process.env, NODE_EXTRA_CA_CERTS: tls.cert },
      encoding: 'utf8',
      timeout: REQUEST_TIMEOUT_MS * 2,
    });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), { scope: 'partnerserverapplication', expires_in: 3600, issuer: server.url });
  });

  test('plain HTTP to the TLS port gets no HTTP answer', async () => {
    const url = server.url.replace('https:', 'http:');
    await assert.rejects(fetch(`${url}/healthz`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) }));
  });

  test('a certificate and key that do not match: serve refuses to start with a clear message', async () => {
    const other = makeCert(dir, 'other');
    const data = tempDir();
    const r = await runCli(['--data-dir', data, 'serve', '--listen', '127.0.0.1:0', '--tls-cert', tls.cert, '--tls-key', other.key]);
    fs.rmSync(data, { recursive: true, force: true });
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /TLS|certificate|key/i);
    assert.doesNotMatch(r.stdout, /listening/);
  });
});
