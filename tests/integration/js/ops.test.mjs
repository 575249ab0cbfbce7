// Operations endpoints: /healthz, /readyz and Prometheus /metrics (requests by route and
// status, tokens issued and refused), and request ids.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { basic, http, parseMetrics, postForm, startServer, waitFor } from './harness.mjs';

describe('ops endpoints', () => {
  let server;

  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server?.stop();
  });

  const metrics = async () => {
    const r = await http(`${server.url}/metrics`);
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type'), /^text\/plain/);
    return { map: parseMetrics(r.text), text: r.text };
  };

  test('/healthz and /readyz answer 200 JSON; HEAD works', async () => {
    const h = await http(`${server.url}/healthz`);
    assert.equal(h.status, 200);
    assert.deepEqual(h.json, { status: 'ok' });
    const r = await http(`${server.url}/readyz`);
    assert.equal(r.status, 200);
    assert.deepEqual(r.json, { status: 'ready' });
    const head = await fetch(`${server.url}/healthz`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');
  });

  test('metrics count tokens issued and refused, and requests by route and status', async () => {
    const c = server.client(0, 'dex');
    const before = (await metrics()).map;
    const get = (m, k) => m.get(k) || 0;
    const ISSUED = 'muster_tokens_issued_total{alg="RS256"}';
    const REFUSED = 'muster_tokens_refused_total{reason="invalid_client"}';
    const OK = 'muster_http_requests_total{method="POST",route="/connect/token",status="200"}';
    const UNAUTH = 'muster_http_requests_total{method="POST",route="/connect/token",status="401"}';
    const COUNT = 'muster_http_request_duration_seconds_count{method="POST",route="/connect/token"}';
    for (let i = 0; i < 2; i++) {
      assert.equal((await postForm(server.tokenEndpoint, 'grant_type=client_credentials', { auth: basic(c.client_id, c.client_secret) })).status, 200);
    }
    for (let i = 0; i < 3; i++) {
      assert.equal((await postForm(server.tokenEndpoint, 'grant_type=client_credentials', { auth: basic(c.client_id, 'wrong') })).status, 401);
    }
    const { map: after, text } = await metrics();
    assert.equal(get(after, ISSUED) - get(before, ISSUED), 2, 'tokens issued');
    assert.equal(get(after, REFUSED) - get(before, REFUSED), 3, 'tokens refused (invalid_client)');
    assert.equal(get(after, OK) - get(before, OK), 2, 'requests 200');
    assert.equal(get(after, UNAUTH) - get(before, UNAUTH), 3, 'requests 401');
    assert.equal(get(after, COUNT) - get(before, COUNT), 5, 'latency histogram count');
    assert.match(text, /# TYPE muster_http_request_duration_seconds histogram/);
    assert.match(text, /muster_http_request_duration_seconds_bucket\{method="POST",route="\/connect\/token",le="\+Inf"\} \d+/);
    assert.equal(after.get('muster_clients_loaded'), 7, 'demo: 1 management + 6 school clients');
  });

  test('unmatched paths are one bounded series, not one per path', async () => {
    for (const p of ['/a1', '/a2', '/a3']) assert.equal((await http(`${server.url}${p}`)).status, 404);
    const { text } = await metrics();
    assert.doesNotMatch(text, /\/a[123]/);
  });

  test('request ids: generated, or the caller\'s when well-formed', async () => {
    const a = await http(`${server.url}/healthz`);
    assert.match(a.headers.get('x-request-id') || '', /^[\w.-]{8,64}$/);
    const b = await http(`${server.url}/healthz`, { headers: { 'x-request-id': 'it-test-123' } });
    assert.equal(b.headers.get('x-request-id'), 'it-test-123');
    const c = await http(`${server.url}/healthz`, { headers: { 'x-request-id': 'bad id\twith spaces' } });
    assert.notEqual(c.headers.get('x-request-id'), 'bad id\twith spaces');
  });

  test('the access log is structured JSON with the request id', async () => {
    await http(`${server.url}/healthz`, { headers: { 'x-request-id': 'access-log-probe-1' } });
    const line = await waitFor(() => server.stderr.split('\n').find((l) => l.includes('access-log-probe-1')), { what: 'the access log line' });
    const entry = JSON.parse(line);
    assert.equal(entry.request_id, 'access-log-probe-1', line);
    assert.match(JSON.stringify(entry), /\/healthz/);
  });

  test('secrets never reach the logs', async () => {
    const c = server.client(1, 'dex');
    await postForm(server.tokenEndpoint, { grant_type: 'client_credentials', client_id: c.client_id, client_secret: c.client_secret });
    await postForm(server.tokenEndpoint, { grant_type: 'client_credentials', client_id: c.client_id, client_secret: `${c.client_secret}x` });
    await new Promise((r) => setTimeout(r, 400)); // the logger flushes every 250 ms
    for (const s of server.demo.sites.flatMap((x) => x.clients)) assert.ok(!server.stderr.includes(s.client_secret), 'a client secret in the log');
    assert.ok(!server.stderr.includes(server.management.client_secret));
  });
});
