// Subscription keys on the DeX route group (product.md §3): each vendor has a primary and a
// secondary key, both valid at once, and each slot is rotated on its own
// (`muster vendor rotate-key --slot primary|secondary`), so a TI can roll its key without an
// outage: move to the secondary, rotate the primary, move back, rotate the secondary.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { cliOk, http, startServer, token, waitFor } from './harness.mjs';

describe('subscription keys: two slots, rotated independently', () => {
  let server;
  let tok;
  let url;

  const call = (key) => http(url, { headers: { authorization: `Bearer ${tok}`, 'ocp-apim-subscription-key': key } });
  const rotate = async (slot) =>
    (await cliOk(server, ['--json', 'vendor', 'rotate-key', '--vendor', server.demo.vendor.id, '--slot', slot])).json[0]
      .subscription_key;
  // The server reloads its key cache when the store's version moves (about once a second).
  const works = (key) => waitFor(async () => (await call(key)).status === 200, { what: `key ${key.slice(0, 6)}… accepted` });
  const refused = (key) =>
    waitFor(async () => {
      const r = await call(key);
      return r.status === 401 && /invalid subscription key/.test(r.json?.message || '') && r;
    }, { what: `key ${key.slice(0, 6)}… refused` });

  before(async () => {
    server = await startServer();
    const dex = server.demo.sites[0].clients.find((c) => c.kind === 'dex');
    tok = await token(server, dex, { scope: 'partnerserverapplication' });
    url = `${server.url}/dex/Learner/odata/v3/LearnerPersonals?$top=1`;
  });
  after(() => server?.stop());

  test('the rolling rotation a TI performs never leaves it without a working key', async () => {
    const primary0 = server.demo.vendor.subscription_key;
    assert.equal((await call(primary0)).status, 200);

    const secondary1 = await rotate('secondary');
    assert.match(secondary1, /^[0-9a-f]{32}$/);
    await works(secondary1);
    assert.equal((await call(primary0)).status, 200, 'the primary still works while the secondary is new');

    const primary1 = await rotate('primary');
    await works(primary1);
    await refused(primary0);
    assert.equal((await call(secondary1)).status, 200, 'rotating the primary leaves the secondary alone');

    const secondary2 = await rotate('secondary');
    await works(secondary2);
    await refused(secondary1);
    assert.equal((await call(primary1)).status, 200, 'rotating the secondary leaves the primary alone');
    assert.notEqual(primary1, secondary2);
  });

  test('a missing key and a wrong key are told apart, in the gateway\'s shape', async () => {
    const missing = await http(url, { headers: { authorization: `Bearer ${tok}` } });
    assert.equal(missing.status, 401);
    assert.deepEqual(Object.keys(missing.json).sort(), ['message', 'statusCode']);
    assert.match(missing.json.message, /missing subscription key/);
    const wrong = await call('f'.repeat(32));
    assert.equal(wrong.status, 401);
    assert.match(wrong.json.message, /invalid subscription key/);
  });
});
