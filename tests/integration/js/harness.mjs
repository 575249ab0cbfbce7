// Test harness for the integration suite: runs the real `muster` binary (MUSTER_BIN) in a
// fresh temporary data directory, talks to it over loopback HTTP(S), runs CLI commands
// against the same data directory, and stops it with SIGTERM, asserting a clean exit.
//
// Every server a test starts is registered, so a failing test still kills it (after()
// hooks, and a process 'exit' hook as the last resort). Nothing here sleeps for a fixed
// time where it can poll for the expected state with a deadline instead.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';

export const BIN = process.env.MUSTER_BIN;
if (!BIN) throw new Error('MUSTER_BIN must name the muster binary (tests/integration/run.sh sets it)');
if (!fs.existsSync(BIN)) throw new Error(`MUSTER_BIN=${BIN} does not exist`);

// Sanitizer builds are several times slower: every deadline below is scaled by SLOW.
export const SLOW = Number(process.env.MUSTER_IT_SLOW || (/asan|sanit/i.test(BIN) ? 4 : 1));
export const REQUEST_TIMEOUT_MS = 15000 * SLOW;
const START_TIMEOUT_MS = 30000 * SLOW;
const STOP_TIMEOUT_MS = 30000 * SLOW;

const SANITIZER_MARKERS = [
  'ERROR: AddressSanitizer',
  'ERROR: LeakSanitizer',
  'runtime error:',
  'WARNING: ThreadSanitizer',
  'SUMMARY: UndefinedBehaviorSanitizer',
];

export function sanitizerReport(text) {
  return SANITIZER_MARKERS.find((m) => text.includes(m)) || null;
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Polls `fn` until it returns a truthy value (returned) or the deadline passes (throws with
// the last value or error, so a failure says what was seen).
export async function waitFor(fn, { timeoutMs = 10000 * SLOW, intervalMs = 50, what = 'condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) {
      const detail = last instanceof Error ? last.stack : JSON.stringify(last);
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${detail}`);
    }
    await sleep(intervalMs);
  }
}

export function tempDir(prefix = 'muster-it-') {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

// The environment for a child: ours without any MUSTER_* (a developer's shell must not
// change what the tests see), plus the overrides.
function childEnv(overrides = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!k.startsWith('MUSTER_')) env[k] = v;
  }
  return { ...env, ...overrides };
}

const live = new Set();
process.on('exit', () => {
  for (const s of live) {
    try {
      s.proc.kill('SIGKILL');
    } catch {}
  }
});

export class Server {
  constructor({ proc, dataDir, env, url, demo, stdout, stderrRef, listen }) {
    Object.assign(this, { proc, dataDir, env, url, demo, stdout, listen });
    this._stderr = stderrRef;
    this.exited = new Promise((resolve) => {
      if (proc.exitCode !== null || proc.signalCode !== null) {
        resolve({ code: proc.exitCode, signal: proc.signalCode });
      } else {
        proc.once('exit', (code, signal) => resolve({ code, signal }));
      }
    });
  }

  get stderr() {
    return this._stderr.text;
  }
  get port() {
    return Number(new URL(this.url).port);
  }
  get issuer() {
    return this.url;
  }
  get tokenEndpoint() {
    return `${this.url}/connect/token`;
  }
  get jwksUri() {
    return `${this.url}/.well-known/openid-configuration/jwks`;
  }

  // The demo's clients by role, for readability in tests.
  client(siteIndex, kind) {
    const site = this.demo.sites[siteIndex];
    const c = site.clients.find((x) => x.kind === kind);
    assert.ok(c, `no ${kind} client at site ${siteIndex}`);
    return { ...c, organisation_id: site.organisation_id };
  }
  get management() {
    return this.demo.vendor.management_client;
  }

  // Runs `muster --data-dir DIR ARGS...` with this server's environment.
  cli(args, opts = {}) {
    return runCli(['--data-dir', this.dataDir, ...args], { ...opts, env: { ...this.env, ...(opts.env || {}) } });
  }

  // SIGTERM; asserts exit code 0, no signal, and no sanitizer report on stderr.
  async stop({ signal = 'SIGTERM', keepDir = false } = {}) {
    if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill(signal);
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), STOP_TIMEOUT_MS);
    const result = await this.exited;
    clearTimeout(timer);
    live.delete(this);
    const report = sanitizerReport(this.stderr);
    assert.equal(report, null, `sanitizer report in server stderr:\n${this.stderr.slice(-8000)}`);
    assert.deepEqual(result, { code: 0, signal: null }, `server did not exit cleanly; stderr tail:\n${this.stderr.slice(-4000)}`);
    if (!keepDir && !process.env.MUSTER_IT_KEEP) fs.rmSync(this.dataDir, { recursive: true, force: true });
    return result;
  }

  // Kills without assertions (for after() hooks after a failure).
  async kill() {
    if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill('SIGKILL');
    await this.exited;
    live.delete(this);
  }
}

// Starts `muster --data-dir DIR serve --demo --listen 127.0.0.1:0 [extra]`, waits for the
// "Muster is listening on URL" line and reads DIR/muster-demo.json. Unless `waitReady` is
// false it then waits for GET /healthz to answer: only then are the server's signal
// handlers certainly installed (see the lifecycle test on signals right after the line).
export async function startServer({ env = {}, dataDir, listen = '127.0.0.1:0', args = [], demo = true, waitReady = true } = {}) {
  dataDir = dataDir || tempDir();
  const fullEnv = childEnv(env);
  const argv = ['--data-dir', dataDir, 'serve', '--listen', listen, ...(demo ? ['--demo'] : []), ...args];
  const proc = spawn(BIN, argv, { env: fullEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  const stderrRef = { text: '' };
  let stdout = '';
  proc.stderr.setEncoding('utf8');
  proc.stderr.on('data', (d) => {
    stderrRef.text += d;
  });
  proc.stdout.setEncoding('utf8');
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`muster did not report listening within ${START_TIMEOUT_MS} ms\nstdout:\n${stdout}\nstderr:\n${stderrRef.text}`));
    }, START_TIMEOUT_MS);
    proc.stdout.on('data', (d) => {
      stdout += d;
      const m = /^Muster is listening on (https?:\/\/\S+)$/m.exec(stdout);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    proc.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`muster exited (code ${code}, signal ${signal}) before listening\nstdout:\n${stdout}\nstderr:\n${stderrRef.text}`));
    });
  });
  const demoFile = path.join(dataDir, 'muster-demo.json');
  const demoJson = demo ? JSON.parse(fs.readFileSync(demoFile, 'utf8')) : null;
  const server = new Server({ proc, dataDir, env: fullEnv, url, demo: demoJson, stdout, stderrRef, listen });
  live.add(server);
  if (waitReady) {
    try {
      await waitFor(async () => (await probe(`${url}/healthz`)) === 200, { what: `${url}/healthz`, timeoutMs: START_TIMEOUT_MS });
    } catch (e) {
      await server.kill();
      throw e;
    }
  }
  return server;
}

// GET status of a URL; for https the certificate is not checked (a liveness probe only).
function probe(url) {
  if (url.startsWith('http:')) return fetch(url, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) }).then((r) => r.status);
  return new Promise((resolve, reject) => {
    const req = https.get(url, { rejectUnauthorized: false, timeout: REQUEST_TIMEOUT_MS }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error('timeout')));
  });
}

// Runs the binary with ARGS; resolves {code, signal, stdout, stderr}. Asserts no sanitizer
// report (a leak in a CLI command is a bug too).
export function runCli(args, { env, input, timeoutMs = 60000 * SLOW } = {}) {
  return new Promise((resolve, reject) => {
    const proc = spawn(BIN, args, { env: env || childEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    proc.stdout.setEncoding('utf8');
    proc.stderr.setEncoding('utf8');
    proc.stdout.on('data', (d) => (stdout += d));
    proc.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => proc.kill('SIGKILL'), timeoutMs);
    proc.on('error', reject);
    proc.on('close', (code, signal) => {
      clearTimeout(timer);
      const report = sanitizerReport(stderr);
      if (report) {
        reject(new Error(`sanitizer report from muster ${args.join(' ')}:\n${stderr}`));
        return;
      }
      resolve({ code, signal, stdout, stderr });
    });
    if (input !== undefined) proc.stdin.end(input);
    else proc.stdin.end();
  });
}

// A CLI command that must succeed; with --json output, returns the parsed records.
export async function cliOk(server, args, opts) {
  const r = await server.cli(args, opts);
  assert.equal(r.code, 0, `muster ${args.join(' ')} failed (${r.code}):\n${r.stderr}\n${r.stdout}`);
  if (args.includes('--json')) r.json = JSON.parse(r.stdout);
  return r;
}

// ---------------------------------------------------------------------------------------
// HTTP helpers (fetch with a timeout; the body is read once and parsed if JSON).

export function basic(id, secret) {
  // RFC 6749 §2.3.1: form-urlencode, then base64.
  const enc = (s) => encodeURIComponent(s).replace(/%20/g, '+');
  return 'Basic ' + Buffer.from(`${enc(id)}:${enc(secret)}`).toString('base64');
}

export function form(fields) {
  return new URLSearchParams(fields).toString();
}

export async function http(url, { method = 'GET', headers = {}, body } = {}) {
  const res = await fetch(url, { method, headers, body, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS), redirect: 'manual' });
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {}
  return { status: res.status, headers: res.headers, text, json };
}

export function postForm(url, fields, { auth, headers = {} } = {}) {
  const h = { 'content-type': 'application/x-www-form-urlencoded', ...headers };
  if (auth) h.authorization = auth;
  const body = typeof fields === 'string' ? fields : form(fields);
  return http(url, { method: 'POST', headers: h, body });
}

// A token by body authentication (as the seed) — returns the parsed response, asserting 200.
export async function token(server, client, extra = {}) {
  const r = await postForm(server.tokenEndpoint, {
    grant_type: 'client_credentials',
    client_id: client.client_id,
    client_secret: client.client_secret,
    ...extra,
  });
  assert.equal(r.status, 200, `token request failed: ${r.status} ${r.text}`);
  return r.json.access_token;
}

export async function introspect(server, caller, tokenValue) {
  const r = await postForm(`${server.url}/connect/introspect`, { token: tokenValue }, { auth: basic(caller.client_id, caller.client_secret) });
  assert.equal(r.status, 200, `introspection failed: ${r.status} ${r.text}`);
  return r.json;
}

export async function revoke(server, caller, tokenValue, extra = {}) {
  return postForm(`${server.url}/connect/revocation`, { token: tokenValue, ...extra }, { auth: basic(caller.client_id, caller.client_secret) });
}

// Asserts an RFC 6749 §5.2 error response: status, JSON content type, no-store, and a body
// that is exactly {"error", "error_description"} with the expected error code.
export function assertOAuthError(r, status, error, descriptionPattern) {
  const ctx = `${r.status} ${r.text}`;
  assert.equal(r.status, status, `status: ${ctx}`);
  assert.match(r.headers.get('content-type') || '', /^application\/json\b/, `content-type: ${ctx}`);
  assert.match(r.headers.get('cache-control') || '', /\bno-store\b/, `cache-control: ${ctx}`);
  assert.ok(r.json && typeof r.json === 'object' && !Array.isArray(r.json), `body is not a JSON object: ${ctx}`);
  assert.deepEqual(Object.keys(r.json).sort(), ['error', 'error_description'], `body keys: ${ctx}`);
  assert.equal(r.json.error, error, `error code: ${ctx}`);
  assert.equal(typeof r.json.error_description, 'string');
  assert.ok(r.json.error_description.length > 0, 'empty error_description');
  // RFC 6749 §5.2: error_description is %x20-21 / %x23-5B / %x5D-7E.
  assert.match(r.json.error_description, /^[\x20-\x21\x23-\x5b\x5d-\x7e]+$/, `error_description charset: ${ctx}`);
  if (descriptionPattern) assert.match(r.json.error_description, descriptionPattern, `error_description: ${ctx}`);
}

// ---------------------------------------------------------------------------------------
// JWT helpers (no verification: for inspecting and tampering).

export const b64u = (buf) => Buffer.from(buf).toString('base64url');
export const fromB64u = (s) => Buffer.from(s, 'base64url');

export function decodeJwt(tokenValue) {
  const [h, p] = tokenValue.split('.');
  return { header: JSON.parse(fromB64u(h)), payload: JSON.parse(fromB64u(p)) };
}

export function encodeSegment(obj) {
  return b64u(JSON.stringify(obj));
}

// SHA-1 thumbprint (base64url) of a DER certificate: the JWK/JWS "x5t".
export function x5tOf(der) {
  return crypto.createHash('sha1').update(der).digest('base64url');
}

export async function jwks(server) {
  const r = await http(server.jwksUri);
  assert.equal(r.status, 200, r.text);
  return r.json;
}

// Parses Prometheus text exposition into a Map of 'name{labels}' → number.
export function parseMetrics(text) {
  const out = new Map();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const m = /^(\S+?)(\{.*\})?\s+(\S+)$/.exec(line);
    if (m) out.set(m[1] + (m[2] || ''), Number(m[3]));
  }
  return out;
}
