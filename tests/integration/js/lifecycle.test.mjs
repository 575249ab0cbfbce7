// Process lifecycle: persistence across a restart on the same data directory, graceful
// shutdown with requests in flight, and refusing to share a listening port.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import * as jose from 'jose';
import { basic, decodeJwt, http, introspect, postForm, revoke, startServer, token, waitFor, SLOW } from './harness.mjs';

const started = [];
async function start(opts) {
  const s = await startServer(opts);
  started.push(s);
  return s;
}
after(async () => {
  for (const s of started) await s.kill();
});

describe('restart persistence', () => {
  test('tokens, keys, revocations, clients and the demo file survive a restart', async () => {
    const first = await start();
    const dex = first.client(0, 'dex');
    const or = first.client(1, 'oneroster');
    const live = await token(first, dex);
    const revoked = await token(first, dex);
    assert.equal((await revoke(first, dex, revoked)).status, 200);
    const demoBefore = first.demo;
    const kid = decodeJwt(live).header.kid;
    await first.stop({ keepDir: true });

    // Same data dir and same address (the issuer is derived from it), no MUSTER_MASTER_KEY:
    // the master key file, database and demo file are reused.
    const second = await start({ dataDir: first.dataDir, listen: `127.0.0.1:${first.port}` });
    assert.equal(second.url, first.url);
    assert.deepEqual(second.demo, demoBefore, 'the demo file is reused, not regenerated');
    assert.match(second.stdout, /Muster is listening on/);

    // Old token: verifies against the new process's JWKS and introspects active.
    const { protectedHeader } = await jose.jwtVerify(live, jose.createRemoteJWKSet(new URL(second.jwksUri)), {
      issuer: second.issuer,
      audience: `${second.issuer}/resources`,
    });
    assert.equal(protectedHeader.kid, kid);
    assert.equal((await introspect(second, dex, live)).active, true);
    assert.equal((await introspect(second, dex, revoked)).active, false, 'a revocation survives a restart');

    // Same ids and secrets still work, by body and by Basic; the key is the same one.
    const again = await token(second, dex);
    assert.equal(decodeJwt(again).header.kid, kid, 'the signing key persisted');
    const r = await postForm(second.tokenEndpoint, 'grant_type=client_credentials', { auth: basic(or.client_id, or.client_secret) });
    assert.equal(r.status, 200, r.text);
    const m = second.management;
    assert.equal((await postForm(second.tokenEndpoint, 'grant_type=client_credentials', { auth: basic(m.client_id, m.client_secret) })).status, 200);
    await second.stop();
  });

  test('the data directory and the demo file are private (0700 / 0600)', async () => {
    const s = await start();
    assert.equal(fs.statSync(s.dataDir).mode & 0o777, 0o700);
    assert.equal(fs.statSync(path.join(s.dataDir, 'muster-demo.json')).mode & 0o777, 0o600);
    await s.stop();
  });
});

describe('graceful shutdown', () => {
  test('a request in flight at SIGTERM completes; then the process exits 0', async () => {
    const s = await start({ env: { MUSTER_SERVER_SHUTDOWN_GRACE_MS: String(20000 * SLOW) } });
    const dex = s.client(0, 'dex');
    const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: dex.client_id, client_secret: dex.client_secret }).toString();
    const half = Math.floor(body.length / 2);
    // Headers and half the body now; the rest after SIGTERM.
    const sock = net.connect(s.port, '127.0.0.1');
    await new Promise((resolve, reject) => {
      sock.once('connect', resolve);
      sock.once('error', reject);
    });
    let response = '';
    sock.setEncoding('utf8');
    sock.on('data', (d) => (response += d));
    const closed = new Promise((resolve) => sock.on('close', resolve));
    sock.write(`POST /connect/token HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, half)}`);
    // The server has read the header once it answers another request on another connection
    // (one I/O thread may be busy with ours, so poll).
    await waitFor(async () => (await http(`${s.url}/healthz`)).status === 200);
    await new Promise((r) => setTimeout(r, 200));
    s.proc.kill('SIGTERM');
    // New connections are refused once draining has started…
    await waitFor(
      () =>
        new Promise((resolve) => {
          const c = net.connect(s.port, '127.0.0.1');
          c.once('connect', () => {
            c.destroy();
            resolve(false);
          });
          c.once('error', (e) => resolve(e.code === 'ECONNREFUSED'));
        }),
      { what: 'new connections to be refused while draining' },
    );
    // …but the process is still alive, waiting for our request.
    assert.equal(s.proc.exitCode, null, 'the server exited with a request in flight');
    sock.write(body.slice(half));
    await closed;
    assert.match(response, /^HTTP\/1\.1 200 /, response);
    assert.match(response, /\r\nConnection: close\r\n/i, 'a draining server closes the connection');
    assert.match(response, /"access_token":"ey/);
    await s.stop();
  });

  test('SIGTERM under concurrent load: every request completes or is refused cleanly; exit 0', async () => {
    const s = await start();
    const dex = s.client(0, 'dex');
    const one = async () => {
      try {
        const r = await postForm(s.tokenEndpoint, { grant_type: 'client_credentials', client_id: dex.client_id, client_secret: dex.client_secret });
        return r.status;
      } catch (e) {
        return 'connection-error';
      }
    };
    const inflight = [];
    let stop = false;
    const workers = Array.from({ length: 8 }, async () => {
      while (!stop) inflight.push(await one());
    });
    await waitFor(() => inflight.filter((x) => x === 200).length >= 20, { what: 'some load' });
    s.proc.kill('SIGTERM');
    const exit = s.stop();
    await new Promise((r) => setTimeout(r, 300));
    stop = true;
    await Promise.all(workers);
    await exit;
    const bad = inflight.filter((x) => x !== 200 && x !== 'connection-error');
    assert.deepEqual(bad, [], 'no 5xx or other errors during shutdown');
  });

  test('an idle keep-alive connection does not hold shutdown up', async () => {
    const s = await start({ env: { MUSTER_SERVER_SHUTDOWN_GRACE_MS: String(20000 * SLOW) } });
    const sock = net.connect(s.port, '127.0.0.1');
    let got = '';
    sock.setEncoding('utf8');
    await new Promise((resolve) => {
      sock.on('data', (d) => {
        got += d;
        if (got.includes('"status"')) resolve();
      });
      sock.write(`GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n`);
    });
    const t0 = Date.now();
    await s.stop();
    assert.ok(Date.now() - t0 < 8000 * SLOW, `shutdown waited ${Date.now() - t0} ms for an idle connection`);
    sock.destroy();
  });

  test('SIGINT is graceful too', async () => {
    const s = await start();
    await s.stop({ signal: 'SIGINT' });
  });

  test('a signal right after the "listening" line is handled gracefully (30 quick restarts)', async () => {
    // A supervisor may stop the server as soon as it has announced itself. The announcement
    // must therefore come after the signal handlers are in place: the window is small, so
    // try many times (same data dir, no demo, ES256: each restart takes a few ms).
    const dataDir = (await start({ demo: false })).dataDir;
    await started.at(-1).stop({ keepDir: true });
    const outcomes = [];
    for (let i = 0; i < 30; i++) {
      const s = await start({ dataDir, demo: false, waitReady: false, env: { MUSTER_STS_SIGNING_ALG: 'ES256' } });
      s.proc.kill(i % 2 ? 'SIGINT' : 'SIGTERM');
      outcomes.push(await s.exited);
      await s.kill();
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
    const killed = outcomes.filter((o) => o.code !== 0);
    assert.deepEqual(killed, [], `${killed.length}/30 servers died of a signal received after "Muster is listening"`);
  });
});

describe('listening address', () => {
  test('a second server on a port that is already in use fails instead of sharing it', async () => {
    const a = await start();
    let b;
    try {
      b = await start({ listen: `127.0.0.1:${a.port}` });
    } catch (e) {
      assert.match(e.message, /exited \(code [1-9]/, e.message);
      assert.match(e.message, /listen|in use/i);
      await a.stop();
      return;
    }
    // Both run: the kernel now splits connections between two unrelated instances.
    const kids = new Set();
    for (let i = 0; i < 20; i++) kids.add((await http(a.jwksUri)).json.keys[0].kid);
    await b.stop();
    await a.stop();
    assert.fail(`a second muster bound ${a.url} while the first was serving (SO_REUSEPORT); ${kids.size} different JWKS answered on one URL`);
  });
});
