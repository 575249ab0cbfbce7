// The provisioning API against the real binary with the demo data: a OneRoster/RAP school
// token (scope `organisation`) reads its own school and its users, paged, with age-range
// brackets and never a date of birth; another school's OrganisationId is 404; the refusals
// (no token, a DeX token without the scope, a token with no organisation, bad paging).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { cliOk, http, postForm, startServer, token, waitFor } from './harness.mjs';

const GUID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;
const DATE = /\d{4}-\d{2}-\d{2}/;
const USER_KEYS = ['Id', 'FirstName', 'LastName', 'Role', 'AgeRange', 'Groups'];

function schoolToken(server, site) {
  return token(server, server.client(site, 'oneroster'), {
    scope: 'organisation',
    acr_values: `orgselected:${server.demo.sites[site].organisation_id}`,
  });
}

const get = (url, tok) => http(url, { headers: tok ? { authorization: `Bearer ${tok}` } : {} });

function assertPlainError(r, status, error) {
  assert.equal(r.status, status, `${r.status} ${r.text}`);
  assert.match(r.headers.get('content-type') || '', /^application\/json\b/);
  assert.deepEqual(Object.keys(r.json).sort(), ['error', 'error_description'], r.text);
  if (error) assert.equal(r.json.error, error, r.text);
}

describe('provisioning API', () => {
  let server;
  const tok = [];
  const base = (site) => `${server.url}/provisioning/v1/organisation/${server.demo.sites[site].organisation_id}`;

  before(async () => {
    server = await startServer();
    tok[0] = await schoolToken(server, 0);
    tok[1] = await schoolToken(server, 1);
  });
  after(async () => {
    await server?.stop();
  });

  test('the organisation: name, unique id, DfE number, URN, LA (no subscription key needed)', async () => {
    const r = await get(base(0), tok[0]);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.headers.get('cache-control'), 'no-store');
    const site = server.demo.sites[0];
    assert.deepEqual(r.json, {
      OrganisationId: site.organisation_id,
      Name: site.name,
      DfeNumber: site.dfe_code,
      Urn: '990101',
      LaCode: '919',
    });
    const lower = await get(`${server.url}/provisioning/v1/organisation/${site.organisation_id.toLowerCase()}`, tok[0]);
    assert.equal(lower.status, 200, 'the id in any letter case');
  });

  test('every user once across pages, with groups and brackets, never a birth date', async () => {
    const ranges = new Set();
    const ids = new Set();
    const roles = new Set();
    let url = `${base(1)}/users?limit=250`;
    let total;
    for (let pages = 0; url; ++pages) {
      assert.ok(pages < 20, 'too many pages');
      const r = await get(url, tok[1]);
      assert.equal(r.status, 200, r.text);
      assert.doesNotMatch(r.text, DATE, 'a date in a provisioning answer');
      assert.equal(r.headers.get('x-total-count'), String(r.json.TotalCount));
      if (r.json.NextLink) assert.match(r.headers.get('link'), /rel="next"/);
      total ??= r.json.TotalCount;
      assert.equal(r.json.TotalCount, total);
      assert.ok(r.json.Users.length <= 250);
      for (const u of r.json.Users) {
        assert.deepEqual(Object.keys(u), USER_KEYS);
        assert.match(u.Id, GUID);
        assert.ok(!ids.has(u.Id), `${u.Id} twice`);
        ids.add(u.Id);
        roles.add(u.Role);
        for (const g of u.Groups) {
          assert.deepEqual(Object.keys(g), ['Id', 'Name', 'Type']);
          assert.ok(['YearGroup', 'RegistrationGroup', 'PrimaryClass', 'House', 'TeachingClass'].includes(g.Type), g.Type);
        }
        if (u.Role === 'student') {
          assert.ok(['<13', '13-16', '>16'].includes(u.AgeRange), u.AgeRange);
          ranges.add(u.AgeRange);
          assert.deepEqual(u.Groups.slice(0, 3).map((g) => g.Type), ['YearGroup', 'RegistrationGroup', 'House']);
          assert.ok(u.Groups.some((g) => g.Type === 'TeachingClass'), 'a pupil is taught in classes');
        } else {
          assert.equal(u.AgeRange, null, 'staff have no birth date in the roster');
        }
      }
      url = r.json.NextLink;
    }
    assert.equal(ids.size, total);
    assert.deepEqual([...ranges].sort(), ['13-16', '<13', '>16'], 'Ashcombe has Y7-Y13');
    assert.deepEqual([...roles].sort(), ['staff', 'student', 'teacher']);
    const teachers = await get(`${base(1)}/users?role=teacher&limit=5&offset=2`, tok[1]);
    assert.equal(teachers.status, 200, teachers.text);
    assert.equal(teachers.json.Users.length, 5);
    assert.ok(teachers.json.Users.every((u) => u.Role === 'teacher' && u.Groups.every((g) => g.Type !== 'House')));
    assert.match(teachers.json.NextLink, /\?role=teacher&limit=5&offset=7$/);
  });

  test("another school's OrganisationId is 404, exactly like an unknown one", async () => {
    for (const path of ['', '/users']) {
      assertPlainError(await get(`${base(1)}${path}`, tok[0]), 404, 'not_found');
      assertPlainError(await get(`${server.url}/provisioning/v1/organisation/5C030578-1832-4C66-80C4-0E5DEB68D3FE${path}`, tok[0]), 404, 'not_found');
      assertPlainError(await get(`${server.url}/provisioning/v1/organisation/nonsense${path}`, tok[0]), 404, 'not_found');
      assert.equal((await get(`${base(1)}${path}`, tok[1])).status, 200, 'its own token reads it');
    }
  });

  test('refusals: no token, no scope, no organisation, bad paging', async () => {
    const none = await get(base(0));
    assertPlainError(none, 401, 'invalid_token');
    const dex = await token(server, server.client(0, 'dex'), { scope: 'partnerserverapplication' });
    assertPlainError(await get(base(0), dex), 403, 'insufficient_scope');
    const mgmt = (await cliOk(server, ['--json', 'client', 'create', '--kind', 'management', '--vendor', server.demo.vendor.id, '--scope', 'organisation'])).json[0];
    const unbound = await waitFor(async () => {
      const r = await postForm(server.tokenEndpoint, { grant_type: 'client_credentials', client_id: mgmt.client_id, client_secret: mgmt.client_secret });
      return r.status === 200 && r.json.access_token;
    }, { what: 'the CLI-created client to reach the token cache' });
    assertPlainError(await get(`${base(0)}/users`, unbound), 403);
    for (const q of ['limit=0', 'limit=1001', 'limit=x', 'offset=-1', 'role=guardian', 'limit=%zz']) {
      assertPlainError(await get(`${base(0)}/users?${q}`, tok[0]), 400, 'invalid_request');
    }
  });
});
