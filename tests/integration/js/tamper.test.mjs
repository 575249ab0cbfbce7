// Forged and tampered tokens against the bearer validator (through /connect/introspect,
// which runs the same BearerValidator as every data API): each must be inactive, while an
// untouched control token is active — so every case can fail.
//
// Two instances share one configured issuer, so the second instance's tokens carry the
// same iss/aud and (the demo ids are derived) the same client, vendor and organisation ids
// as the first's: only the signing key tells them apart.

import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import * as jose from 'jose';
import { b64u, decodeJwt, encodeSegment, fromB64u, introspect, jwks, postForm, revoke, startServer, token } from './harness.mjs';

const ISSUER = 'https://sts.muster.test';

describe('tampered tokens are inactive', () => {
  let server; // the instance under test
  let other; // a second, independent instance
  let dex;
  let good; // a valid token of `server`
  let parts; // { h, p, s, header, payload }
  let publicKey; // KeyObject of the signing key, from the x5c certificate
  let jwk;

  before(async () => {
    const env = { MUSTER_STS_ISSUER: ISSUER };
    [server, other] = await Promise.all([startServer({ env }), startServer({ env })]);
    dex = server.client(0, 'dex');
    good = await token(server, dex);
    const [h, p, s] = good.split('.');
    parts = { h, p, s, ...decodeJwt(good) };
    jwk = (await jwks(server)).keys.find((k) => k.kid === parts.header.kid);
    publicKey = new crypto.X509Certificate(Buffer.from(jwk.x5c[0], 'base64')).publicKey;
  });
  after(async () => {
    await Promise.all([server?.stop(), other?.stop()]);
  });

  const active = async (t) => (await introspect(server, dex, t)).active;
  async function assertInactive(t, what) {
    const r = await introspect(server, dex, t);
    assert.deepEqual(r, { active: false }, `${what} was accepted`);
  }
  const withHeader = (header, sig = parts.s) => `${encodeSegment(header)}.${parts.p}.${sig}`;
  const withPayload = (payload) => `${parts.h}.${encodeSegment(payload)}.${parts.s}`;
  const hs256 = (header, secret) => {
    const input = `${encodeSegment(header)}.${parts.p}`;
    return `${input}.${crypto.createHmac('sha256', secret).update(input).digest('base64url')}`;
  };

  test('control: the untouched token is active, and the issuer is the configured one', async () => {
    assert.equal(await active(good), true);
    assert.equal(parts.payload.iss, ISSUER);
    assert.equal(parts.payload.aud, `${ISSUER}/resources`);
    // jose agrees that the control is valid.
    await jose.jwtVerify(good, jose.createLocalJWKSet(await jwks(server)), { issuer: ISSUER, audience: `${ISSUER}/resources` });
  });

  test('alg "none": unsigned, and with the real signature kept', async () => {
    const none = { alg: 'none', typ: 'JWT' };
    await assertInactive(withHeader(none, ''), 'alg none, empty signature');
    await assertInactive(withHeader({ ...parts.header, alg: 'none' }, ''), 'alg none with kid, empty signature');
    await assertInactive(withHeader({ ...parts.header, alg: 'none' }), 'alg none with the real signature');
    await assertInactive(withHeader({ ...parts.header, alg: 'None' }), 'alg None');
    await assertInactive(`${encodeSegment(none)}.${parts.p}`, 'alg none, two segments');
  });

  test('HS256 keyed with the public key (key-confusion attack)', async () => {
    const spki = publicKey.export({ type: 'spki', format: 'pem' });
    const pkcs1 = publicKey.export({ type: 'pkcs1', format: 'pem' });
    const der = publicKey.export({ type: 'spki', format: 'der' });
    const certPem = new crypto.X509Certificate(Buffer.from(jwk.x5c[0], 'base64')).toString();
    const secrets = {
      'SPKI PEM': spki,
      'SPKI PEM without final newline': spki.trimEnd(),
      'PKCS#1 PEM': pkcs1,
      'SPKI DER': der,
      'certificate PEM': certPem,
      'JWK n bytes': fromB64u(jwk.n),
      'JWK n string': jwk.n,
      'JWK JSON': JSON.stringify(jwk),
    };
    for (const [name, secret] of Object.entries(secrets)) {
      for (const header of [
        { ...parts.header, alg: 'HS256' },
        { alg: 'HS256', typ: 'JWT' },
      ]) {
        await assertInactive(hs256(header, secret), `HS256 with ${name}${header.kid ? ' (kid kept)' : ''}`);
      }
    }
    // The same with jose's own HMAC signer, to be sure the construction is right.
    const forged = await new jose.SignJWT(parts.payload).setProtectedHeader({ ...parts.header, alg: 'HS256' }).sign(new TextEncoder().encode(spki));
    await assertInactive(forged, 'HS256 via jose.SignJWT');
  });

  test('other algorithm names on the RSA key, with the real signature', async () => {
    for (const alg of ['RS512', 'PS256', 'ES256', 'EdDSA', 'rs256', 'RS256 ', '']) {
      await assertInactive(withHeader({ ...parts.header, alg }), `alg ${JSON.stringify(alg)}`);
    }
    const { alg, ...noAlg } = parts.header;
    await assertInactive(withHeader(noAlg), 'no alg');
  });

  test('unknown or missing kid', async () => {
    await assertInactive(withHeader({ ...parts.header, kid: 'unknown-kid', x5t: 'unknown-kid' }), 'unknown kid');
    const { kid, ...noKid } = parts.header;
    await assertInactive(withHeader(noKid), 'no kid (x5t only)');
    const { x5t, ...noX5t } = noKid;
    await assertInactive(withHeader(noX5t), 'neither kid nor x5t');
    await assertInactive(withHeader({ ...parts.header, kid: '' }), 'empty kid');
  });

  test('edited payloads fail on the signature: exp, nbf, iat, aud, iss, scope, organisation, client', async () => {
    const now = Math.floor(Date.now() / 1000);
    const p = parts.payload;
    const edits = {
      'exp extended a day': { ...p, exp: p.exp + 86400 },
      'exp in the past': { ...p, exp: now - 3600 },
      'nbf in the future': { ...p, nbf: now + 3600 },
      'iat changed': { ...p, iat: p.iat - 1 },
      'aud of another service': { ...p, aud: 'https://elsewhere.example/resources' },
      'aud as an array with ours': { ...p, aud: [p.aud, 'x'] },
      'iss of another STS': { ...p, iss: 'https://sts.sims.co.uk/' },
      'scope widened': { ...p, scope: [...p.scope, 'onerosterapi', 'partner-write'] },
      'scope as a string': { ...p, scope: p.scope.join(' ') },
      'another organisation': { ...p, userorganisationidentifier: `|${server.demo.sites[1].organisation_id}|S` },
      'organisation removed': Object.fromEntries(Object.entries(p).filter(([k]) => k !== 'userorganisationidentifier')),
      'another client': { ...p, client_id: server.client(1, 'dex').client_id, sub: server.client(1, 'dex').client_id },
      'another vendor': { ...p, vendorid: '00000000-0000-0000-0000-000000000000' },
      'extra claim': { ...p, admin: true },
      'jti changed': { ...p, jti: 'f'.repeat(32) },
    };
    for (const [what, payload] of Object.entries(edits)) await assertInactive(withPayload(payload), what);
    // Re-encoding the same JSON differently (whitespace) also changes the signed bytes.
    await assertInactive(`${parts.h}.${b64u(JSON.stringify(p, null, 1))}.${parts.s}`, 're-serialized payload');
  });

  test('a revoked jti', async () => {
    const t = await token(server, dex);
    assert.equal(await active(t), true, 'control');
    assert.equal((await revoke(server, dex, t)).status, 200);
    await assertInactive(t, 'revoked token');
  });

  test('truncated, garbage, empty and mis-encoded tokens', async () => {
    const cases = {
      'signature truncated': good.slice(0, -10),
      'signature dropped': `${parts.h}.${parts.p}.`,
      'two segments': `${parts.h}.${parts.p}`,
      'header only': parts.h,
      'four segments': `${good}.x`,
      'one byte off in the signature': `${parts.h}.${parts.p}.${parts.s.slice(0, 5)}${parts.s[5] === 'A' ? 'B' : 'A'}${parts.s.slice(6)}`,
      'signature padded': `${good}=`,
      'signature in standard base64': `${parts.h}.${parts.p}.${fromB64u(parts.s).toString('base64')}`,
      'surrounding whitespace': ` ${good} `,
      'Bearer prefix': `Bearer ${good}`,
      garbage: 'garbage',
      'three dots': '...',
      empty: '',
      'binary junk': Buffer.from(crypto.randomBytes(300)).toString('latin1'),
      'huge token (just under the form limit)': `${parts.h}.${'A'.repeat(15500)}.${parts.s}`,
      'JSON serialization': JSON.stringify({ protected: parts.h, payload: parts.p, signature: parts.s }),
    };
    for (const [what, t] of Object.entries(cases)) await assertInactive(t, what);
  });

  test('header and payload of one token with the signature of another', async () => {
    const t2 = await token(server, dex);
    assert.equal(await active(t2), true, 'control');
    const s2 = t2.split('.')[2];
    await assertInactive(`${parts.h}.${parts.p}.${s2}`, 'swapped signature');
    const [h2, p2] = t2.split('.');
    await assertInactive(`${parts.h}.${p2}.${parts.s}`, 'swapped payload');
    await assertInactive(`${h2}.${parts.p}.${s2}`, 'payload of another token');
  });

  test('a valid token from a different Muster instance (same issuer, same client ids) is inactive', async () => {
    const otherDex = other.client(0, 'dex');
    assert.equal(otherDex.client_id, dex.client_id, 'the demo derives the same client id on both instances');
    const foreign = await token(other, otherDex);
    const f = decodeJwt(foreign);
    // Control: it is valid where it was issued, and claim-for-claim like ours.
    assert.equal((await introspect(other, otherDex, foreign)).active, true);
    assert.equal(f.payload.iss, parts.payload.iss);
    assert.equal(f.payload.aud, parts.payload.aud);
    assert.equal(f.payload.client_id, parts.payload.client_id);
    assert.equal(f.payload.userorganisationidentifier, parts.payload.userorganisationidentifier);
    assert.notEqual(f.header.kid, parts.header.kid);
    await assertInactive(foreign, 'a token of another instance');
    // Relabelled with our kid, it fails on the signature.
    const [, fp, fs] = foreign.split('.');
    const relabelled = `${encodeSegment({ ...f.header, kid: parts.header.kid, x5t: parts.header.x5t })}.${fp}.${fs}`;
    await assertInactive(relabelled, "a foreign token relabelled with our kid");
    // And the reverse: our token is inactive on the other instance.
    assert.deepEqual(await introspect(other, otherDex, good), { active: false });
  });

  test('after all that, the control token is still active (no state was poisoned)', async () => {
    assert.equal(await active(good), true);
    const r = await postForm(server.tokenEndpoint, { grant_type: 'client_credentials', client_id: dex.client_id, client_secret: dex.client_secret });
    assert.equal(r.status, 200);
  });
});
