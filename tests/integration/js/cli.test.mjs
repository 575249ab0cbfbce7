// The `muster` command line: usage errors exit non-zero with a clear message on stderr,
// `--help` works on every command without touching the data directory, `config check`
// prints the effective configuration, and the offline admin commands work.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCli, tempDir } from './harness.mjs';

const COMMANDS = [
  [],
  ['serve'],
  ['demo'],
  ['migrate'],
  ['vendor'],
  ['vendor', 'create'],
  ['vendor', 'list'],
  ['vendor', 'rotate-key'],
  ['app'],
  ['app', 'create'],
  ['app', 'list'],
  ['site'],
  ['site', 'create'],
  ['site', 'list'],
  ['site', 'install'],
  ['site', 'approve'],
  ['site', 'disable'],
  ['site', 'remove'],
  ['client'],
  ['client', 'create'],
  ['client', 'list'],
  ['client', 'enable'],
  ['client', 'disable'],
  ['client', 'rotate-secret'],
  ['key'],
  ['key', 'list'],
  ['key', 'rotate'],
  ['config'],
  ['config', 'check'],
];

describe('muster CLI', () => {
  let dir;
  let data;
  const cli = (args, env) => runCli(['--data-dir', data, ...args], env ? { env: { ...process.env, ...env } } : {});

  before(() => {
    dir = tempDir('muster-it-cli-');
    data = path.join(dir, 'data');
  });
  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function assertUsageError(r, pattern, what) {
    assert.notEqual(r.code, 0, `${what}: exit code 0\n${r.stdout}`);
    assert.equal(r.signal, null, `${what}: killed by ${r.signal}`);
    assert.ok(r.stderr.trim().length > 0, `${what}: nothing on stderr`);
    if (pattern) assert.match(r.stderr, pattern, `${what}: stderr`);
  }

  test('no arguments → non-zero, says a subcommand is required', async () => {
    assertUsageError(await runCli([]), /subcommand/i, 'muster');
  });

  test('an unknown subcommand → non-zero, names the unknown word', async () => {
    assertUsageError(await runCli(['bogus']), /bogus/, 'muster bogus');
    assertUsageError(await runCli(['client', 'frobnicate']), /frobnicate/, 'muster client frobnicate');
  });

  test('client create without its required options → non-zero naming the option', async () => {
    assertUsageError(await cli(['client', 'create']), /--kind|--vendor/, 'client create');
    assertUsageError(await cli(['client', 'create', '--kind', 'dex']), /--vendor/, 'client create --kind dex');
    assertUsageError(await cli(['client', 'create', '--kind', 'bogus', '--vendor', 'x']), /kind|bogus/, 'client create --kind bogus');
  });

  test('site create --dfe 12 → non-zero with a message about the DfE number', async () => {
    assertUsageError(await cli(['site', 'create', '--name', 'Test School', '--dfe', '12']), /DfE/i, 'site create --dfe 12');
    assertUsageError(await cli(['site', 'create', '--name', 'Test School', '--dfe', '9192431', '--urn', '12']), /URN/i, 'site create --urn 12');
  });

  test('other bad arguments fail with a message', async () => {
    assertUsageError(await cli(['key', 'rotate', '--alg', 'HS256']), /alg|HS256/, 'key rotate --alg HS256');
    assertUsageError(await cli(['client', 'disable', 'no-such-client']), /no-such-client|not found|unknown/i, 'client disable unknown');
    assertUsageError(await cli(['site', 'approve', '--site', 'NO-SUCH-ORG', '--app', 'x']), null, 'site approve unknown');
    assertUsageError(await cli(['vendor', 'create']), /--name/, 'vendor create');
    assertUsageError(await cli(['serve', '--listen', '127.0.0.1:abc']), /server\.listen/, 'serve --listen bad');
    assertUsageError(await cli(['serve', '--tls-cert', path.join(dir, 'missing.pem')]), /missing\.pem|exist/i, 'serve --tls-cert missing');
    assertUsageError(await runCli(['--config', path.join(dir, 'missing.toml'), 'config', 'check']), /missing\.toml|exist/i, '--config missing');
  });

  test('--help on every command exits 0 with usage and touches nothing', async () => {
    const untouched = path.join(dir, 'never-created');
    for (const cmd of COMMANDS) {
      const r = await runCli(['--data-dir', untouched, ...cmd, '--help']);
      assert.equal(r.code, 0, `muster ${cmd.join(' ')} --help: ${r.code}\n${r.stderr}`);
      assert.match(r.stdout, new RegExp(`Usage: muster${cmd.length ? ` ${cmd.join(' ')}` : ''}\\b`), `muster ${cmd.join(' ')} --help`);
    }
    assert.equal(fs.existsSync(untouched), false, '--help created the data directory');
    const v = await runCli(['--version']);
    assert.equal(v.code, 0);
    assert.match(v.stdout, /^muster \d+\.\d+\.\d+/);
  });

  test('config check prints the effective configuration and exits 0', async () => {
    const r = await cli(['config', 'check'], { MUSTER_STS_TOKEN_LIFETIME_S: '120' });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /\[sts\]/);
    assert.match(r.stdout, /token_lifetime_s = 120\b/, 'environment overrides are applied');
    assert.match(r.stdout, /\[server\]/);
    assert.match(r.stdout, /configuration OK/);
  });

  test('config check rejects bad values, naming the key; never prints the master key', async () => {
    const bad = await cli(['config', 'check'], { MUSTER_STS_TOKEN_LIFETIME_S: '10' });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /sts\.token_lifetime_s/);
    const toml = path.join(dir, 'bad.toml');
    fs.writeFileSync(toml, '[sts]\ntokne_lifetime_s = 60\n');
    const typo = await runCli(['--config', toml, 'config', 'check']);
    assert.equal(typo.code, 2);
    assert.match(typo.stderr, /tokne_lifetime_s/);
    assert.match(typo.stderr, /token_lifetime_s/, 'suggests the right key');
    const secret = 'ab'.repeat(32);
    const r = await cli(['config', 'check'], { MUSTER_MASTER_KEY: secret });
    assert.equal(r.code, 0, r.stderr);
    assert.ok(!r.stdout.includes(secret) && !r.stderr.includes(secret), 'master key printed');
  });

  test('offline admin: demo, migrate, key list, vendor/app/site/client create with --json', async () => {
    const d = path.join(dir, 'offline');
    const run = (args) => runCli(['--data-dir', d, ...args]);
    const demo = await run(['demo']);
    assert.equal(demo.code, 0, demo.stderr);
    assert.match(demo.stdout, /muster-demo\.json/);
    const file = JSON.parse(fs.readFileSync(path.join(d, 'muster-demo.json'), 'utf8'));
    assert.equal(file.sites.length, 3);
    const again = await run(['demo']);
    assert.equal(again.code, 0, again.stderr);
    const file2 = JSON.parse(fs.readFileSync(path.join(d, 'muster-demo.json'), 'utf8'));
    assert.deepEqual(file2.sites, file.sites, 'a second `muster demo` keeps the credentials');

    const mig = await run(['migrate']);
    assert.equal(mig.code, 0, mig.stderr);
    assert.match(mig.stdout, /schema version \d+/);

    const keys = await run(['--json', 'key', 'list']);
    assert.equal(keys.code, 0, keys.stderr);
    const list = JSON.parse(keys.stdout);
    assert.equal(list.filter((k) => k.state === 'current').length, 1);

    const vendor = JSON.parse((await run(['--json', 'vendor', 'create', '--name', 'CLI Vendor'])).stdout)[0];
    assert.match(vendor.id, /^[0-9A-F-]{36}$/i);
    assert.ok(vendor.subscription_key_primary && vendor.subscription_key_secondary);
    const app = JSON.parse((await run(['--json', 'app', 'create', '--vendor', vendor.id, '--name', 'CLI App'])).stdout)[0];
    const site = JSON.parse((await run(['--json', 'site', 'create', '--name', 'CLI School', '--dfe', '9192999'])).stdout)[0];
    assert.equal(site.dfe_code, '9192999');
    const inst = await run(['site', 'install', '--site', site.organisation_id, '--app', app.id]);
    assert.equal(inst.code, 0, inst.stderr);
    const c = await run(['--json', 'client', 'create', '--kind', 'oneroster', '--vendor', vendor.id, '--app', app.id, '--site', site.organisation_id]);
    assert.equal(c.code, 0, c.stderr);
    const created = JSON.parse(c.stdout)[0];
    assert.match(created.client_id, /^sas-oneroster-/);
    assert.ok(created.client_secret.length >= 43);
    const listed = await run(['client', 'list']);
    assert.ok(listed.stdout.includes(created.client_id));
    assert.ok(!listed.stdout.includes(created.client_secret), 'client list shows a secret');
  });
});
