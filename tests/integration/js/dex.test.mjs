// The DeX learner API (OData) against the real binary with the demo data, following seed 000
// ("Web Access - Hello World"): a DeX school token + the vendor's API Manager key →
// GET /dex/Learner/odata/v3/LearnerPersonals. Then every route, the query options with
// next-link following, navigation filters and group members, $metadata, the refusals (token,
// scope, subscription key, the seed's no-organisation answer) and the cross-school matrix:
// ids taken from one demo school's data with its own token are 404 / empty for the other's.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { cliOk, http, postForm, startServer, token, waitFor } from './harness.mjs';

const ROOT = '/dex/Learner/odata/v3';
const GUID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;
const NO_ORG = { error: 'The Account is not associated with any Organisations' };

function dexToken(server, site) {
  return token(server, server.client(site, 'dex'), {
    scope: 'partnerserverapplication',
    acr_values: `orgselected:${server.demo.sites[site].organisation_id}`,
  });
}

// GET a DeX path with a token and (unless null) the demo vendor's subscription key.
function dex(server, path, tok, key = server.demo.vendor.subscription_key) {
  const headers = {};
  if (tok) headers.authorization = `Bearer ${tok}`;
  if (key) headers['ocp-apim-subscription-key'] = key;
  return http(path.startsWith('http') ? path : `${server.url}${ROOT}${path}`, { headers });
}

function assertODataError(r, status, code) {
  assert.equal(r.status, status, `${r.status} ${r.text}`);
  assert.match(r.headers.get('content-type') || '', /^application\/json\b/);
  assert.deepEqual(Object.keys(r.json), ['error'], r.text);
  assert.deepEqual(Object.keys(r.json.error).sort(), ['code', 'message'], r.text);
  if (code) assert.equal(r.json.error.code, code, r.text);
}

// Every row of a collection, following @odata.nextLink; asserts the pages' invariants.
async function all(server, path, tok) {
  const rows = [];
  let url = `${server.url}${ROOT}${path}`;
  let count;
  for (let pages = 0; url; ++pages) {
    assert.ok(pages < 50, 'too many pages');
    const r = await dex(server, url, tok);
    assert.equal(r.status, 200, r.text);
    assert.ok(r.json.value.length <= 1000, 'a page is at most 1000 rows');
    if (count === undefined) count = r.json['@odata.count'];
    else assert.equal(r.json['@odata.count'], count, 'the count is the same on every page');
    rows.push(...r.json.value);
    url = r.json['@odata.nextLink'];
    if (url) assert.ok(url.startsWith(`${server.url}${ROOT}`), url);
  }
  return { rows, count };
}

describe('DeX learner API', () => {
  let server;
  const tok = [];
  const groups = []; // per school: LearnerGroups rows

  before(async () => {
    server = await startServer();
    tok[0] = await dexToken(server, 0);
    tok[1] = await dexToken(server, 1);
    for (const i of [0, 1]) groups[i] = (await all(server, '/LearnerGroups', tok[i])).rows;
  });
  after(async () => {
    await server?.stop();
  });

  test('seed 000: LearnerPersonals with a DeX token and the API Manager key', async () => {
    const r = await dex(server, '/LearnerPersonals', tok[0]);
    assert.equal(r.status, 200, r.text);
    assert.match(r.headers.get('content-type'), /^application\/json; odata\.metadata=minimal/);
    assert.equal(r.headers.get('odata-version'), '4.0');
    assert.equal(r.headers.get('cache-control'), 'no-store');
    assert.equal(r.json['@odata.context'], `${server.url}${ROOT}/$metadata#LearnerPersonals`);
    assert.ok(r.json.value.length > 200, 'Millbrook has ~275 pupils');
    assert.equal(r.json['@odata.nextLink'], undefined, 'one page');
    for (const p of r.json.value) {
      assert.match(p.ExternalID, GUID);
      for (const k of ['Forename', 'Surname', 'PreferredForename', 'PreferredSurname', 'OnRollState']) {
        assert.equal(typeof p[k], 'string', k);
      }
      assert.ok(['Male', 'Female', 'Unknown'].includes(p.GenderCategory));
      assert.match(p.DateOfBirth, /^\d{4}-\d{2}-\d{2}$/);
      assert.ok(Number.isInteger(p.AgeMonths) && p.AgeMonths >= 24 && p.AgeMonths < 144, `${p.AgeMonths}`);
      assert.match(p.UPN, /^[A-Z]\d{12}$/);
      for (const lookup of ['CurrentYearGroup', 'CurrentRegistrationGroup', 'CurrentHouse']) {
        assert.deepEqual(Object.keys(p[lookup]), ['Description', 'ExternalID', 'Type'], lookup);
        assert.match(p[lookup].ExternalID, GUID);
      }
      assert.equal(p.CurrentYearGroup.Type, 'PastoralGroup.Definition.YearGroup');
      assert.deepEqual(p.CurrentPrimaryClass, p.CurrentRegistrationGroup, 'a primary school: classes');
    }
  });

  test('refusals: no token, wrong scope, and the gateway keys', async () => {
    const none = await dex(server, '/LearnerPersonals', null);
    assertODataError(none, 401);
    assert.match(none.headers.get('www-authenticate') || '', /^Bearer /);
    const oneroster = await token(server, server.client(0, 'oneroster'), { scope: 'onerosterapi organisation' });
    assertODataError(await dex(server, '/LearnerPersonals', oneroster), 403);
    const noKey = await dex(server, '/LearnerPersonals', tok[0], null);
    assert.equal(noKey.status, 401);
    assert.deepEqual(noKey.json, {
      statusCode: 401,
      message: 'Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.',
    });
    const badKey = await dex(server, '/LearnerPersonals', tok[0], '0123456789abcdef0123456789abcdef');
    assert.equal(badKey.status, 401);
    assert.match(badKey.json.message, /invalid subscription key/);
    const rival = (await cliOk(server, ['--json', 'vendor', 'create', '--name', 'Rival Learning Ltd'])).json[0];
    const other = await waitFor(async () => {
      const r = await dex(server, '/LearnerPersonals', tok[0], rival.subscription_key_primary);
      return !/invalid subscription key/.test(r.text) && r;
    }, { what: "the rival vendor's key to reach the cache" });
    assert.equal(other.status, 401);
    assert.match(other.json.message, /does not belong to the vendor of the access token/);
  });

  test("seed 000's answer for a token whose client has no organisation", async () => {
    const vendor = server.demo.vendor.id;
    const app = server.demo.application.id;
    const mgmt = (await cliOk(server, ['--json', 'client', 'create', '--kind', 'management', '--vendor', vendor, '--scope', 'partnerserverapplication'])).json[0];
    const unbound = (await cliOk(server, ['--json', 'client', 'create', '--kind', 'dex', '--vendor', vendor, '--app', app])).json[0];
    for (const client of [mgmt, unbound]) {
      const t = await waitFor(async () => {
        const r = await postForm(server.tokenEndpoint, { grant_type: 'client_credentials', client_id: client.client_id, client_secret: client.client_secret, scope: 'partnerserverapplication' });
        return r.status === 200 && r.json.access_token;
      }, { what: `${client.client_id} to reach the token cache` });
      for (const path of ['/LearnerPersonals', '/LearnerGroups', '/$metadata']) {
        const r = await dex(server, path, t);
        assert.equal(r.status, 403, `${client.kind} ${path}: ${r.text}`);
        assert.equal(r.text, JSON.stringify(NO_ORG));
      }
    }
  });

  test('$filter, $orderby, $select, $top, $skip, $count and next links', async () => {
    const counted = await dex(server, "/LearnerIdentifiers?$count=true&$top=0", tok[1]);
    assert.equal(counted.status, 200, counted.text);
    const total = counted.json['@odata.count'];
    assert.ok(total > 1000, `Ashcombe has ~1,100 pupils (${total})`);
    assert.deepEqual(counted.json.value, []);
    const { rows, count } = await all(server, '/LearnerIdentifiers?$count=true&$orderby=Surname,Forename', tok[1]);
    assert.equal(count, total);
    assert.equal(rows.length, total);
    assert.equal(new Set(rows.map((p) => p.ExternalID)).size, total, 'no row twice across pages');
    for (let i = 1; i < rows.length; ++i) {
      const a = `${rows[i - 1].Surname}\u0000${rows[i - 1].Forename}`;
      const b = `${rows[i].Surname}\u0000${rows[i].Forename}`;
      assert.ok(a <= b, `ordered: ${a} / ${b}`);
    }
    // $top above the page is a total across pages; v3's $inlinecount is $count.
    const capped = await all(server, '/LearnerIdentifiers?$top=1200&$inlinecount=allpages', tok[1]);
    assert.equal(capped.rows.length, Math.min(1200, total));
    const skipped = await dex(server, '/LearnerIdentifiers?$orderby=Surname,Forename&$skip=10&$top=5', tok[1]);
    assert.deepEqual(skipped.json.value.map((p) => p.ExternalID), rows.slice(10, 15).map((p) => p.ExternalID));
    const selected = await dex(server, '/LearnerPersonals?$select=Surname,UPN&$top=3', tok[1]);
    assert.equal(selected.json['@odata.context'], `${server.url}${ROOT}/$metadata#LearnerPersonals(Surname,UPN)`);
    for (const p of selected.json.value) assert.deepEqual(Object.keys(p), ['ExternalID', 'Surname', 'UPN']);
    const smiths = await dex(server, "/LearnerPersonals?$filter=startswith(Surname,'S') and GenderCategory eq 'Female'&$count=true", tok[1]);
    assert.equal(smiths.status, 200, smiths.text);
    assert.ok(smiths.json.value.every((p) => p.Surname.startsWith('S') && p.GenderCategory === 'Female'));
    const v3 = await dex(server, "/LearnerPersonals?$filter=substringof('a',Surname) eq true&$count=true", tok[1]);
    assert.equal(v3.status, 200, v3.text);
    assert.ok(v3.json.value.every((p) => p.Surname.toLowerCase().includes('a')));
    const onRoll = await dex(server, "/LearnerIdentifiers?$filter=OnRollState eq 'Current'&$count=true&$top=0", tok[1]);
    assert.equal(onRoll.json['@odata.count'], total);
  });

  test('a bad query option is a 400 OData error', async () => {
    assertODataError(await dex(server, '/LearnerPersonals?$filter=Surname eq', tok[0]), 400, 'InvalidFilter');
    assertODataError(await dex(server, '/LearnerPersonals?$filter=Nope eq 1', tok[0]), 400, 'UnknownProperty');
    assertODataError(await dex(server, '/LearnerPersonals?$orderby=AgeMonths', tok[0]), 400);
    assertODataError(await dex(server, '/LearnerPersonals?$top=-1', tok[0]), 400, 'InvalidQueryOption');
    assertODataError(await dex(server, '/LearnerPersonals?$search=x', tok[0]), 400, 'InvalidQueryOption');
    assertODataError(await dex(server, '/LearnerPersonals(not-a-guid)', tok[0]), 400, 'InvalidKey');
    assertODataError(await dex(server, '/Learners', tok[0]), 404);
  });

  test('navigation filter CurrentYearGroup/ExternalID and group members agree', async () => {
    const year7 = groups[1].find((g) => g.GroupType === 'YearGroup' && g.FullName === 'Year 7');
    assert.ok(year7, 'Ashcombe has a Year 7');
    assert.equal(year7['@odata.type'], '#SIMS.YearGroup');
    const filtered = await all(server, `/LearnerIdentifiers?$count=true&$filter=CurrentYearGroup/ExternalID eq ${year7.ExternalID}`, tok[1]);
    assert.ok(filtered.rows.length > 100);
    assert.ok(filtered.rows.every((p) => p.CurrentYearGroup.ExternalID === year7.ExternalID));
    const key = `LearnerGroups(ExternalID=${year7.ExternalID},GroupType=SIMS.GroupTypeEnum'YearGroup')`;
    for (const nav of ['LearnerIdentifiers', 'LearnerPersonals']) {
      const members = await all(server, `/${key}/${nav}?$count=true`, tok[1]);
      assert.equal(members.count, filtered.count, nav);
      assert.deepEqual(members.rows.map((p) => p.ExternalID).sort(), filtered.rows.map((p) => p.ExternalID).sort());
    }
    const first = await dex(server, `/${key}/LearnerIdentifiers?$top=1`, tok[1]);
    assert.equal(first.json['@odata.context'], `${server.url}${ROOT}/$metadata#LearnerIdentifiers`);
    // The same group under another type is not this resource.
    assertODataError(await dex(server, `/LearnerGroups(ExternalID=${year7.ExternalID},GroupType=SIMS.GroupTypeEnum'House')/LearnerIdentifiers`, tok[1]), 404);
    // A teaching class's members are its pupils; houses list theirs.
    const teaching = groups[1].find((g) => g.GroupType === 'TeachingClass');
    const taught = await dex(server, `/LearnerGroups(${teaching.ExternalID})/LearnerIdentifiers?$count=true`, tok[1]);
    assert.equal(taught.status, 200, taught.text);
    assert.ok(taught.json['@odata.count'] > 0);
    const house = groups[1].find((g) => g.GroupType === 'House');
    const housed = await dex(server, `/LearnerGroups(${house.ExternalID})/LearnerPersonals?$select=CurrentHouse`, tok[1]);
    assert.ok(housed.json.value.length > 0 && housed.json.value.every((p) => p.CurrentHouse.ExternalID === house.ExternalID));
    const houses = await dex(server, "/LearnerGroups?$filter=GroupType eq SIMS.GroupTypeEnum'House'&$orderby=DisplayOrder", tok[1]);
    assert.ok(houses.json.value.length >= 3 && houses.json.value.every((g) => g['@odata.type'] === '#SIMS.House'));
  });

  test('single entities by key, in each spelling', async () => {
    const list = await dex(server, '/LearnerPersonals?$top=1', tok[0]);
    const p = list.json.value[0];
    for (const key of [p.ExternalID, `ExternalID=${p.ExternalID}`, `guid'${p.ExternalID.toLowerCase()}'`]) {
      const r = await dex(server, `/LearnerPersonals(${key})`, tok[0]);
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json['@odata.context'], `${server.url}${ROOT}/$metadata#LearnerPersonals/$entity`);
      const { ['@odata.context']: _, ...entity } = r.json;
      assert.deepEqual(entity, p);
    }
    const id = await dex(server, `/LearnerIdentifiers(${p.ExternalID})`, tok[0]);
    assert.equal(id.status, 200);
    assert.equal(id.json.DateOfBirth, undefined, 'the browse set has no date of birth');
    assert.equal(id.json.UPN, undefined);
    assert.equal(id.json.AgeMonths, p.AgeMonths);
    const g = groups[0][0];
    const group = await dex(server, `/LearnerGroups(ExternalID=${g.ExternalID},GroupType=SIMS.GroupTypeEnum'${g.GroupType}')`, tok[0]);
    assert.equal(group.status, 200, group.text);
    assert.equal(group.json['@odata.type'], g['@odata.type']);
    assertODataError(await dex(server, `/LearnerPersonals(${p.ExternalID})?$top=1`, tok[0]), 400, 'InvalidQueryOption');
  });

  test('$metadata declares every property the API writes', async () => {
    const r = await dex(server, '/$metadata', tok[0]);
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type'), /^application\/xml/);
    const types = {};
    for (const m of r.text.matchAll(/<EntityType Name="(\w+)"[^>]*?(?:\/>|>(.*?)<\/EntityType>)/g)) {
      types[m[1]] = [...(m[2] || '').matchAll(/<Property Name="(\w+)"/g)].map((x) => x[1]);
    }
    const person = (await dex(server, '/LearnerPersonals?$top=1', tok[0])).json.value[0];
    const ident = (await dex(server, '/LearnerIdentifiers?$top=1', tok[0])).json.value[0];
    assert.deepEqual(Object.keys(person), types.LearnerPersonal);
    assert.deepEqual(Object.keys(ident), types.LearnerIdentifier);
    const group = groups[0][0];
    assert.deepEqual(Object.keys(group).filter((k) => !k.startsWith('@')), types.LearnerGroup);
    for (const t of ['YearGroup', 'RegistrationGroup', 'PrimaryClass', 'House', 'TeachingClass']) assert.ok(t in types, t);
    for (const set of ['LearnerPersonals', 'LearnerIdentifiers', 'LearnerGroups']) assert.match(r.text, new RegExp(`<EntitySet Name="${set}"`));
    const root = await dex(server, '', tok[0]);
    assert.deepEqual(root.json.value.map((s) => s.name), ['LearnerPersonals', 'LearnerIdentifiers', 'LearnerGroups']);
  });

  test("cross-school matrix: another school's ids are 404 or empty, never data", async () => {
    const theirs = (await dex(server, '/LearnerPersonals?$top=5', tok[1])).json.value.map((p) => p.ExternalID);
    const byType = {};
    for (const g of groups[1]) byType[g.GroupType] ??= g;
    assert.deepEqual(Object.keys(byType).sort(), ['House', 'RegistrationGroup', 'TeachingClass', 'YearGroup']);
    for (const id of theirs) {
      assert.equal((await dex(server, `/LearnerPersonals(${id})`, tok[1])).status, 200, 'their own token reads it');
      for (const set of ['LearnerPersonals', 'LearnerIdentifiers']) {
        assertODataError(await dex(server, `/${set}(${id})`, tok[0]), 404, 'NotFound');
        const filtered = await dex(server, `/${set}?$filter=ExternalID eq ${id}`, tok[0]);
        assert.deepEqual(filtered.json.value, [], `${set} filtered by their id`);
      }
    }
    for (const g of Object.values(byType)) {
      const key = `LearnerGroups(ExternalID=${g.ExternalID},GroupType=SIMS.GroupTypeEnum'${g.GroupType}')`;
      assert.equal((await dex(server, `/${key}/LearnerIdentifiers?$top=1`, tok[1])).status, 200);
      assertODataError(await dex(server, `/${key}`, tok[0]), 404);
      assertODataError(await dex(server, `/${key}/LearnerIdentifiers`, tok[0]), 404);
      assertODataError(await dex(server, `/LearnerGroups(${g.ExternalID})/LearnerPersonals`, tok[0]), 404);
      const filtered = await dex(server, `/LearnerGroups?$filter=ExternalID eq ${g.ExternalID}`, tok[0]);
      assert.deepEqual(filtered.json.value, []);
      for (const nav of ['CurrentYearGroup', 'CurrentRegistrationGroup', 'CurrentHouse']) {
        const r = await dex(server, `/LearnerIdentifiers?$filter=${nav}/ExternalID eq ${g.ExternalID}&$count=true`, tok[0]);
        assert.equal(r.json['@odata.count'], 0, `${nav} = their ${g.GroupType}`);
      }
    }
    // No group id is shared between the two schools.
    const mine = new Set(groups[0].map((g) => g.ExternalID));
    assert.ok(groups[1].every((g) => !mine.has(g.ExternalID)));
  });
});
