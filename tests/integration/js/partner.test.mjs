// The partner (RAP) API against the real binary, following seed 001 ("SIMS ID TI Client
// Credential APIs") end to end: a vendor-management token → GetSiteByApplication → Clients
// per site → a school token with the harvested credentials. Then Muster's partner-write
// calls (approve, rotate with grace, suspend, remove) and what they change at the token
// endpoint, vendor isolation, and the subscription-key gateway when the "partner" group is
// configured to need one.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertOAuthError, cliOk, decodeJwt, http, postForm, startServer, waitFor } from './harness.mjs';

const GUID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;
const SITE_KEYS = ['Id', 'Name', 'OrganisationId', 'DfeCode', 'DeniNumber', 'Authorised'];
const CREDENTIAL_KEYS = ['ClientId', 'Secret', 'OCPAIMKey', 'Description'];

// The seed's GetToken: form-encoded, the vendor-management scopes, an organisation selected.
async function managementToken(server, client, extra = {}) {
  const r = await postForm(server.tokenEndpoint, {
    grant_type: 'client_credentials',
    client_id: client.client_id,
    client_secret: client.client_secret,
    scope: 'rapapi partner partner-read partner-write',
    acr_values: `orgselected:${server.demo.sites[0].organisation_id}`,
    ...extra,
  });
  assert.equal(r.status, 200, `management token: ${r.status} ${r.text}`);
  return r.json.access_token;
}

function schoolToken(server, credential, organisationId) {
  const scope = credential.ClientId.startsWith('sas-simsprimary-') ? 'partnerserverapplication' : 'onerosterapi';
  return postForm(server.tokenEndpoint, {
    grant_type: 'client_credentials',
    client_id: credential.ClientId,
    client_secret: credential.Secret,
    scope,
    acr_values: `orgselected:${organisationId}`,
  });
}

const bearer = (t, headers = {}) => ({ headers: { authorization: `Bearer ${t}`, ...headers } });

function assertPlainError(r, status, error) {
  assert.equal(r.status, status, `${r.status} ${r.text}`);
  assert.match(r.headers.get('content-type') || '', /^application\/json\b/);
  assert.deepEqual(Object.keys(r.json).sort(), ['error', 'error_description'], r.text);
  assert.equal(r.json.error, error, r.text);
}

describe('partner API: the seed 001 walk-through', () => {
  let server;
  let base;
  let tok;
  let sites;
  const harvested = new Map(); // OrganisationId → credentials

  before(async () => {
    server = await startServer();
    base = `${server.url}/api/v1/partner/${server.demo.application.id}`;
  });
  after(async () => {
    await server?.stop();
  });

  test('step 2: a vendor-management token with the seed scopes', async () => {
    tok = await managementToken(server, server.management);
    const { payload } = decodeJwt(tok);
    assert.deepEqual(payload.scope, ['rapapi', 'partner', 'partner-read', 'partner-write']);
    assert.equal(payload.vendorid, server.demo.vendor.id);
    assert.equal(payload.userorganisationidentifier, undefined, 'a management token is not school-bound');
  });

  test('step 3: GetSiteByApplication lists every customer with the seed types', async () => {
    const r = await http(`${base}/GetSiteByApplication`, bearer(tok));
    assert.equal(r.status, 200, r.text);
    assert.match(r.headers.get('content-type'), /^application\/json\b/);
    assert.equal(r.headers.get('cache-control'), 'no-store');
    sites = r.json;
    assert.ok(Array.isArray(sites));
    assert.equal(sites.length, server.demo.sites.length);
    for (const [i, s] of sites.entries()) {
      assert.deepEqual(Object.keys(s), SITE_KEYS);
      assert.ok(Number.isInteger(s.Id), `Id ${s.Id}`);
      if (i > 0) assert.ok(s.Id > sites[i - 1].Id, 'ordered by Id');
      assert.match(s.OrganisationId, GUID);
      assert.equal(s.DeniNumber, null);
      const demo = server.demo.sites.find((d) => d.organisation_id === s.OrganisationId);
      assert.ok(demo, `site ${s.OrganisationId} is not a demo site`);
      assert.equal(s.Name, demo.name);
      assert.equal(s.DfeCode, demo.dfe_code);
      assert.equal(s.Authorised, demo.status === 'approved' ? 1 : 0);
    }
    // The application id as the address bar may show it (lower case) works too.
    const lower = await http(`${server.url}/api/v1/partner/${server.demo.application.id.toLowerCase()}/GetSiteByApplication`, bearer(tok));
    assert.deepEqual(lower.json, sites);
  });

  test('step 4: Clients per site gives each school client in clear', async () => {
    assert.ok(sites, 'depends on step 3');
    for (const s of sites) {
      const r = await http(`${base}/${s.OrganisationId}/Clients`, bearer(tok));
      assert.equal(r.status, 200, r.text);
      assert.equal(r.headers.get('cache-control'), 'no-store');
      const demo = server.demo.sites.find((d) => d.organisation_id === s.OrganisationId);
      assert.equal(r.json.length, demo.clients.length);
      for (const c of r.json) {
        assert.deepEqual(Object.keys(c), CREDENTIAL_KEYS);
        const known = demo.clients.find((d) => d.client_id === c.ClientId);
        assert.ok(known, `unexpected client ${c.ClientId}`);
        assert.equal(c.Secret, known.client_secret);
        assert.equal(c.OCPAIMKey, server.demo.vendor.subscription_key);
        assert.equal(typeof c.Description, 'string');
      }
      harvested.set(s.OrganisationId, r.json);
    }
  });

  test('step 5: school tokens from the harvested credentials (pending installs refused)', async () => {
    assert.equal(harvested.size, sites.length, 'depends on step 4');
    for (const s of sites) {
      for (const c of harvested.get(s.OrganisationId)) {
        const r = await schoolToken(server, c, s.OrganisationId);
        if (s.Authorised === 1) {
          assert.equal(r.status, 200, `${c.ClientId}: ${r.text}`);
          assert.equal(decodeJwt(r.json.access_token).payload.userorganisationidentifier, `|${s.OrganisationId}|S`);
        } else {
          assertOAuthError(r, 400, 'invalid_grant', /awaiting approval/);
        }
      }
    }
  });

  test('school tokens and missing tokens cannot call the partner API', async () => {
    const s = sites.find((x) => x.Authorised === 1);
    const dex = harvested.get(s.OrganisationId).find((c) => c.ClientId.startsWith('sas-simsprimary-'));
    const school = (await schoolToken(server, dex, s.OrganisationId)).json.access_token;
    assertPlainError(await http(`${base}/GetSiteByApplication`, bearer(school)), 403, 'insufficient_scope');
    const none = await http(`${base}/GetSiteByApplication`);
    assertPlainError(none, 401, 'invalid_token');
    assert.match(none.headers.get('www-authenticate') || '', /^Bearer /);
  });

  test("another vendor's application is exactly as absent as one that does not exist", async () => {
    const vendor = (await cliOk(server, ['--json', 'vendor', 'create', '--name', 'Rival Ltd'])).json[0];
    const app = (await cliOk(server, ['--json', 'app', 'create', '--vendor', vendor.id, '--name', 'Rival App'])).json[0];
    const rival = (await cliOk(server, ['--json', 'client', 'create', '--kind', 'management', '--vendor', vendor.id])).json[0];
    const rivalToken = await waitFor(async () => {
      const r = await postForm(server.tokenEndpoint, { grant_type: 'client_credentials', client_id: rival.client_id, client_secret: rival.client_secret });
      return r.status === 200 && r.json.access_token;
    }, { what: 'the CLI-created management client to reach the token cache' });
    const missing = await http(`${server.url}/api/v1/partner/7D0E4C33-5A8B-4F77-9B0A-000000000000/GetSiteByApplication`, bearer(tok));
    assertPlainError(missing, 404, 'not_found');
    for (const [t, url] of [
      [tok, `${server.url}/api/v1/partner/${app.id}/GetSiteByApplication`],
      [rivalToken, `${base}/GetSiteByApplication`],
      [rivalToken, `${base}/${sites[0].OrganisationId}/Clients`],
      [tok, `${server.url}/api/v1/partner/not-a-guid/GetSiteByApplication`],
    ]) {
      const r = await http(url, bearer(t));
      assert.equal(r.status, 404, `${url}: ${r.text}`);
      assert.equal(r.text, missing.text, url);
    }
    const ownEmpty = await http(`${server.url}/api/v1/partner/${app.id}/GetSiteByApplication`, bearer(rivalToken));
    assert.equal(ownEmpty.status, 200);
    assert.deepEqual(ownEmpty.json, []);
  });

  test('approve: the pending site is authorised and its clients get tokens at once', async () => {
    const pending = sites.find((s) => s.Authorised === 0);
    const r = await http(`${base}/${pending.OrganisationId}/Approve`, { method: 'POST', ...bearer(tok) });
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.json, { ...pending, Authorised: 1 });
    for (const c of harvested.get(pending.OrganisationId)) {
      const t = await schoolToken(server, c, pending.OrganisationId);
      assert.equal(t.status, 200, t.text);
    }
  });

  test('rotate with a grace period: old and new secrets both work, Clients shows the new one', async () => {
    const s = sites[0];
    const c = harvested.get(s.OrganisationId)[0];
    const r = await http(`${base}/${s.OrganisationId}/Clients/${c.ClientId}/RotateSecret`, {
      method: 'POST',
      ...bearer(tok, { 'content-type': 'application/json' }),
      body: JSON.stringify({ graceSeconds: 3600 }),
    });
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(Object.keys(r.json), ['ClientId', 'Secret', 'PreviousSecretValidUntil', 'GraceSeconds']);
    assert.equal(r.json.GraceSeconds, 3600);
    assert.match(r.json.PreviousSecretValidUntil, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    assert.ok(Math.abs(Date.parse(r.json.PreviousSecretValidUntil) - (Date.now() + 3600e3)) < 120e3);
    assert.equal((await schoolToken(server, c, s.OrganisationId)).status, 200, 'the old secret in its grace period');
    assert.equal((await schoolToken(server, { ...c, Secret: r.json.Secret }, s.OrganisationId)).status, 200);
    const listed = await http(`${base}/${s.OrganisationId}/Clients`, bearer(tok));
    assert.equal(listed.json.find((x) => x.ClientId === c.ClientId).Secret, r.json.Secret);
    // graceSeconds=0: the previous secret stops at once.
    const now = await http(`${base}/${s.OrganisationId}/Clients/${c.ClientId}/RotateSecret?graceSeconds=0`, { method: 'POST', ...bearer(tok) });
    assert.equal(now.status, 200, now.text);
    assert.equal(now.json.PreviousSecretValidUntil, null);
    assertOAuthError(await schoolToken(server, { ...c, Secret: r.json.Secret }, s.OrganisationId), 401, 'invalid_client');
    assert.equal((await schoolToken(server, { ...c, Secret: now.json.Secret }, s.OrganisationId)).status, 200);
    const bad = await http(`${base}/${s.OrganisationId}/Clients/${c.ClientId}/RotateSecret?graceSeconds=2592001`, { method: 'POST', ...bearer(tok) });
    assertPlainError(bad, 400, 'invalid_request');
    harvested.set(s.OrganisationId, listed.json.map((x) => (x.ClientId === c.ClientId ? { ...x, Secret: now.json.Secret } : x)));
  });

  test('suspend and resume a client', async () => {
    const s = sites[1];
    const c = harvested.get(s.OrganisationId)[0];
    const url = `${base}/${s.OrganisationId}/Clients/${c.ClientId}`;
    const suspended = await http(`${url}/Suspend`, { method: 'POST', ...bearer(tok) });
    assert.equal(suspended.status, 200, suspended.text);
    assert.deepEqual(suspended.json, { ClientId: c.ClientId, Description: c.Description, Suspended: true });
    assertOAuthError(await schoolToken(server, c, s.OrganisationId), 401, 'invalid_client');
    const resumed = await http(`${url}/Resume`, { method: 'POST', ...bearer(tok) });
    assert.equal(resumed.json.Suspended, false);
    assert.equal((await schoolToken(server, c, s.OrganisationId)).status, 200);
  });

  test('read-only tokens cannot write', async () => {
    const readOnly = await managementToken(server, server.management, { scope: 'partner-read' });
    const r = await http(`${base}/${sites[0].OrganisationId}/Disable`, { method: 'POST', ...bearer(readOnly) });
    assertPlainError(r, 403, 'insufficient_scope');
  });

  test('remove: the site disappears (full copy semantics) and its clients vanish', async () => {
    const gone = sites[2];
    const r = await http(`${base}/${gone.OrganisationId}/Install`, { method: 'DELETE', ...bearer(tok) });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.Removed, true);
    assert.equal(r.json.ClientsRemoved, harvested.get(gone.OrganisationId).length);
    const list = await http(`${base}/GetSiteByApplication`, bearer(tok));
    assert.deepEqual(
      list.json.map((s) => s.OrganisationId),
      sites.filter((s) => s !== gone).map((s) => s.OrganisationId),
    );
    assertPlainError(await http(`${base}/${gone.OrganisationId}/Clients`, bearer(tok)), 404, 'not_found');
    for (const c of harvested.get(gone.OrganisationId)) {
      assertOAuthError(await schoolToken(server, c, gone.OrganisationId), 401, 'invalid_client');
    }
  });

  test('the OpenAPI document is served', async () => {
    const r = await http(`${server.url}/openapi/partner.json`);
    assert.equal(r.status, 200);
    assert.match(r.json.openapi, /^3\./);
    assert.ok(r.json.paths['/api/v1/partner/{ApplicationId}/GetSiteByApplication'].get);
    assert.ok(r.json.paths['/api/v1/partner/{ApplicationId}/{OrganisationId}/Clients'].get);
  });
});

describe('partner API behind the subscription-key gateway', () => {
  let server;
  let tok;
  let url;

  before(async () => {
    server = await startServer({ env: { MUSTER_GATEWAY_SUBSCRIPTION_KEY_GROUPS: 'dex,partner' } });
    tok = await managementToken(server, server.management);
    url = `${server.url}/api/v1/partner/${server.demo.application.id}/GetSiteByApplication`;
  });
  after(async () => {
    await server?.stop();
  });

  const call = (key) => http(url, bearer(tok, key === undefined ? {} : { 'Ocp-Apim-Subscription-Key': key }));

  test('missing, unknown and other-vendor keys are refused in APIM shape', async () => {
    const missing = await call();
    assert.equal(missing.status, 401);
    assert.deepEqual(missing.json, {
      statusCode: 401,
      message: 'Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.',
    });
    const unknown = await call('0123456789abcdef0123456789abcdef');
    assert.equal(unknown.status, 401);
    assert.match(unknown.json.message, /invalid subscription key/);
    const rival = (await cliOk(server, ['--json', 'vendor', 'create', '--name', 'Rival Ltd'])).json[0];
    const other = await waitFor(async () => {
      const r = await call(rival.subscription_key_primary);
      return !/invalid subscription key/.test(r.text) && r;
    }, { what: "the rival vendor's key to reach the cache" });
    assert.equal(other.status, 401);
    assert.match(other.json.message, /does not belong to the vendor of the access token/);
  });

  test('the demo key works; rotating the primary slot invalidates only its old value', async () => {
    const old = server.demo.vendor.subscription_key;
    assert.equal((await call(old)).status, 200);
    const rotated = (await cliOk(server, ['--json', 'vendor', 'rotate-key', '--vendor', server.demo.vendor.id, '--slot', 'primary'])).json[0];
    await waitFor(async () => (await call(rotated.subscription_key)).status === 200, { what: 'the new primary key to work' });
    const refused = await call(old);
    assert.equal(refused.status, 401);
    assert.match(refused.json.message, /invalid subscription key/);
    // Clients now shows the new primary key as OCPAIMKey.
    const org = server.demo.sites[0].organisation_id;
    const clients = await http(`${server.url}/api/v1/partner/${server.demo.application.id}/${org}/Clients`, bearer(tok, { 'Ocp-Apim-Subscription-Key': rotated.subscription_key }));
    assert.equal(clients.status, 200, clients.text);
    assert.ok(clients.json.every((c) => c.OCPAIMKey === rotated.subscription_key));
  });
});
