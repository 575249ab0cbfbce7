// The Postman collection of docs/postman, run by newman against the real binary: the two
// seed walk-throughs ("Web Access - Hello World" and "TI Client Credential APIs") as a person
// would run them after `make run`, with the environment filled from the server's
// muster-demo.json by docs/postman/environment.mjs (the same script a person uses). Also
// checks that the committed environment is the demo's, so the ids in it stay current.
//
// Run by tests/integration/run.sh as its own stage ("newman").

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { DEFAULT_BASE_URL, environmentFromDemo } from '../../../../docs/postman/environment.mjs';
import { REQUEST_TIMEOUT_MS, startServer, tempDir } from '../harness.mjs';

const JS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const POSTMAN_DIR = path.resolve(JS_DIR, '../../../docs/postman');
const COLLECTION = path.join(POSTMAN_DIR, 'muster.postman_collection.json');
const ENVIRONMENT = path.join(POSTMAN_DIR, 'muster-demo.postman_environment.json');
const SCHEMA_V21 = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

// `npx newman run` (the locked local newman, never a download) on one folder; resolves the
// exit code, the CLI output and the JSON report.
function newman(folder, envFile, dir) {
  const report = path.join(dir, `${folder.replace(/\W+/g, '-')}.json`);
  const args = ['--no', '--', 'newman', 'run', COLLECTION, '--environment', envFile, '--folder', folder,
    '--reporters', 'cli,json', '--reporter-json-export', report, '--timeout-request', String(REQUEST_TIMEOUT_MS),
    '--color', 'off', '--disable-unicode'];
  return new Promise((resolve, reject) => {
    const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
    const proc = spawn('npx', args, { cwd: JS_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    proc.stdout.on('data', (d) => (out += d));
    proc.stderr.on('data', (d) => (out += d));
    proc.on('error', reject);
    proc.on('close', (code) => {
      const json = fs.existsSync(report) ? readJson(report) : null;
      resolve({ code, out, run: json?.run });
    });
  });
}

function describeFailures(run) {
  return (run?.failures || []).map((f) => `${f.source?.name}: ${f.error?.test || f.error?.name}: ${f.error?.message}`);
}

describe('Postman collection (docs/postman) under newman', () => {
  let server;
  let dir;
  let envFile;
  const collection = readJson(COLLECTION);

  before(async () => {
    server = await startServer();
    dir = tempDir('muster-it-newman-');
    envFile = path.join(dir, 'environment.json');
    fs.writeFileSync(envFile, JSON.stringify(environmentFromDemo(server.demo)), { mode: 0o600 });
  });
  after(async () => {
    await server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('the committed environment is the demo\'s (ids current, secrets left out)', () => {
    assert.deepEqual(readJson(ENVIRONMENT), environmentFromDemo(server.demo, { secrets: false, baseUrl: DEFAULT_BASE_URL }));
  });

  test('the collection is Postman v2.1: one folder per seed, every request asserts', () => {
    assert.equal(collection.info.schema, SCHEMA_V21);
    assert.deepEqual(collection.item.map((f) => f.name), ['Seed 000 - Web Access Hello World', 'Seed 001 - TI Client Credential APIs']);
    const variables = new Set(readJson(ENVIRONMENT).values.map((v) => v.key));
    for (const folder of collection.item) {
      for (const item of folder.item) {
        const script = (item.event || []).filter((e) => e.listen === 'test').flatMap((e) => e.script.exec).join('\n');
        assert.match(script, /pm\.test\(/, `${item.name}: no pm.test assertions`);
        assert.match(script, /to\.have\.status\(200\)/, `${item.name}: no status assertion`);
        for (const [, name] of JSON.stringify(item.request).matchAll(/\{\{(\w+)\}\}/g)) {
          assert.ok(variables.has(name), `${item.name}: {{${name}}} is not in the environment`);
        }
      }
    }
    // Seed 000's token request keeps the seed's own test script.
    const seedToken = collection.item[0].item[0].event.find((e) => e.listen === 'test').script.exec;
    assert.deepEqual(seedToken.slice(0, 2), ['var data = JSON.parse(responseBody);', 'postman.setEnvironmentVariable("token", data.access_token);']);
  });

  for (const folder of collection.item) {
    test(`newman run --folder "${folder.name}"`, async () => {
      const { code, out, run } = await newman(folder.name, envFile, dir);
      assert.ok(run, `newman wrote no report (exit ${code}):\n${out}`);
      assert.equal(run.stats.requests.total, folder.item.length, 'every request ran');
      assert.deepEqual(describeFailures(run), [], `newman failures:\n${out.slice(-6000)}`);
      assert.ok(run.stats.assertions.total >= 2 * folder.item.length, 'assertions ran');
      assert.equal(code, 0, out.slice(-4000));
    });
  }
});
