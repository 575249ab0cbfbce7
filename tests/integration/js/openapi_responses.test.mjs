// The served OpenAPI documents of the DeX learner API and the provisioning API describe exactly
// what the binary answers. Every operation in GET /openapi/dex.json and
// GET /openapi/provisioning.json is called against the real binary with the demo data: the
// success cases with real ids (every learner and group of both schools, every page, $select,
// $count, next links) and the main refusals (no token, a bad token, the wrong scope, no or a
// bad subscription key, a token with no organisation, another school's ids, a bad $filter or
// key or paging). Each answer is checked against the operation's documented response for its
// status: the status must be documented, the Content-Type must be one of its media types, the
// body must validate against that media type's schema (ajv, with OpenAPI 3.0's `nullable`
// turned into a type union and `$ref`s into the document's components), and every header the
// response documents as required must be present and every documented header that is present
// must match its schema. The schemas are closed (`additionalProperties: false`), so an extra,
// missing or misspelt field fails. At the end of each suite every documented status but 500 and
// 503 (which the demo cannot provoke) must have been seen, so a documented answer no test
// reaches fails too. A last group feeds the validator mutated copies of real answers to show
// that undocumented shapes are refused.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { cliOk, http, postForm, startServer, token, waitFor } from './harness.mjs';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const UNREACHABLE = new Set(['500', '503']); // internal error, busy store: not provokable here
const DEFS = 'openapi-components';

// ---- OpenAPI 3.0 → JSON Schema (draft-07, as ajv 8 reads it) --------------------------------

// Rewrites `$ref: #/components/schemas/X` to the registered components schema and `nullable`
// to a type union. Per OpenAPI 3.0.3 `nullable` adds null only to an explicit `type`: an
// `enum` must list null itself, and `nullable` beside a `$ref` means nothing.
function toJsonSchema(node) {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === '$ref') {
      assert.match(v, /^#\/components\/schemas\//, `unsupported $ref ${v}`);
      out.$ref = `${DEFS}#/definitions/${v.slice('#/components/schemas/'.length)}`;
    } else if (k === 'properties') {
      out.properties = Object.fromEntries(Object.entries(v).map(([name, s]) => [name, toJsonSchema(s)]));
    } else if (k === 'enum' || k === 'example' || k === 'default') {
      out[k] = v;
    } else if (k !== 'nullable') {
      out[k] = toJsonSchema(v);
    }
  }
  if (node.nullable === true && typeof node.type === 'string') out.type = [node.type, 'null'];
  return out;
}

// Resolves a local "#/components/..." reference.
function deref(doc, node) {
  if (!node || !node.$ref) return node;
  return node.$ref
    .slice(2)
    .split('/')
    .reduce((o, k) => o[k.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
}

const normalizeMedia = (m) => m.toLowerCase().replace(/\s+/g, '');

// Validates answers against one OpenAPI document and records which statuses each operation
// has been seen to answer.
class ResponseValidator {
  constructor(doc) {
    this.doc = doc;
    this.ajv = new Ajv({ strict: true, allErrors: true, allowUnionTypes: true });
    addFormats(this.ajv);
    this.ajv.addKeyword('example');
    this.ajv.addSchema({ $id: DEFS, definitions: toJsonSchema(doc.components?.schemas || {}) });
    this.compiled = new Map();
    this.ops = new Map();
    for (const [p, item] of Object.entries(doc.paths)) {
      for (const m of METHODS) {
        if (item[m]) this.ops.set(item[m].operationId, { path: p, method: m, op: item[m], seen: new Set() });
      }
    }
  }

  operation(id) {
    const o = this.ops.get(id);
    assert.ok(o, `the document has no operation ${id}`);
    return o;
  }

  validator(key, schema) {
    if (!this.compiled.has(key)) this.compiled.set(key, this.ajv.compile(toJsonSchema(schema)));
    return this.compiled.get(key);
  }

  // The problems with answer `r` ({status, headers, text, json}) to operation `id`; [] if it is
  // one the document describes.
  problems(id, r) {
    const { op } = this.operation(id);
    const documented = op.responses[String(r.status)] ?? op.responses.default;
    if (!documented) return [`status ${r.status} is not documented (documented: ${Object.keys(op.responses).join(', ')})`];
    const response = deref(this.doc, documented);
    const out = [];
    for (const [name, h] of Object.entries(response.headers || {})) {
      const header = deref(this.doc, h);
      const value = r.headers.get(name);
      if (value === null) {
        if (header.required) out.push(`required header ${name} is missing`);
        continue;
      }
      const schema = header.schema || {};
      const typed = schema.type === 'integer' || schema.type === 'number' ? (/^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value) : value;
      const check = this.validator(`header ${id} ${r.status} ${name}`, schema);
      if (!check(typed)) out.push(`header ${name}: ${JSON.stringify(value)} ${this.ajv.errorsText(check.errors)}`);
    }
    const content = response.content || {};
    const type = r.headers.get('content-type');
    if (Object.keys(content).length === 0) {
      if (r.text !== '') out.push(`a body where none is documented: ${r.text.slice(0, 200)}`);
      return out;
    }
    const media = Object.keys(content).find((m) => type !== null && normalizeMedia(m) === normalizeMedia(type));
    if (!media) return [...out, `Content-Type ${type} is not documented (documented: ${Object.keys(content).join(', ')})`];
    const isJson = /^application\/(.+\+)?json\b/.test(normalizeMedia(media));
    if (isJson && r.json === undefined) return [...out, `the body is not JSON: ${r.text.slice(0, 200)}`];
    const body = isJson ? r.json : r.text;
    const check = this.validator(`body ${id} ${r.status} ${media}`, content[media].schema || {});
    if (!check(body)) {
      const errors = check.errors.slice(0, 8).map((e) => `${e.instancePath || '(body)'} ${e.message} ${JSON.stringify(e.params)}`);
      out.push(`the body does not match the ${r.status} ${media} schema:\n  ${errors.join('\n  ')}\n  body: ${r.text.slice(0, 300)}`);
    }
    return out;
  }

  // Asserts the answer is documented and records its status as seen.
  assertDocumented(id, r, what) {
    assert.deepEqual(this.problems(id, r), [], `${id} ${what}: ${r.status} answer not as documented`);
    this.operation(id).seen.add(String(r.status));
  }

  // Every operation has been called, and every status it documents has been seen.
  unseen() {
    const out = [];
    for (const [id, { op, seen }] of this.ops) {
      for (const status of Object.keys(op.responses)) {
        if (!UNREACHABLE.has(status) && !seen.has(status)) out.push(`${id} ${status}`);
      }
    }
    return out;
  }
}

// A concrete URL for an operation: its path template with `params` substituted.
function urlFor(server, v, id, params = {}, query = '') {
  const { path } = v.operation(id);
  const p = path.replace(/\{([^}]+)\}/g, (_, name) => {
    assert.ok(name in params, `${id}: no value for {${name}}`);
    return encodeURIComponent(params[name]);
  });
  return `${server.url}${p}${query ? `?${query}` : ''}`;
}

// Calls operation `id` (or `url`, a link the server gave for it), asserts the status, validates
// the answer against the document and returns it.
async function call(server, v, id, { params, query, url, headers = {}, status = 200, what = '' } = {}) {
  const target = url ?? urlFor(server, v, id, params, query);
  const r = await http(target, { headers });
  const label = what || target.slice(server.url.length);
  assert.equal(r.status, status, `${id} ${label}: ${r.status} ${r.text.slice(0, 300)}`);
  v.assertDocumented(id, r, label);
  return r;
}

async function servedDocument(server, api) {
  const r = await http(`${server.url}/openapi/${api}.json`);
  assert.equal(r.status, 200, `/openapi/${api}.json: ${r.status}`);
  return r.json;
}

// A client with no organisation (a vendor-management client) given `scope`, and its token.
async function unboundToken(server, scope) {
  const vendor = server.demo.vendor.id;
  const c = (await cliOk(server, ['--json', 'client', 'create', '--kind', 'management', '--vendor', vendor, '--scope', scope])).json[0];
  return waitFor(async () => {
    const r = await postForm(server.tokenEndpoint, { grant_type: 'client_credentials', client_id: c.client_id, client_secret: c.client_secret, scope });
    return r.status === 200 && r.json.access_token;
  }, { what: `${c.client_id} to reach the token cache` });
}

const dexToken = (server, site) =>
  token(server, server.client(site, 'dex'), { scope: 'partnerserverapplication', acr_values: `orgselected:${server.demo.sites[site].organisation_id}` });
const schoolToken = (server, site) =>
  token(server, server.client(site, 'oneroster'), { scope: 'organisation', acr_values: `orgselected:${server.demo.sites[site].organisation_id}` });
const bearer = (tok) => (tok ? { authorization: `Bearer ${tok}` } : {});
const FORGED = 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
const YEAR_GROUP = "SIMS.GroupTypeEnum'YearGroup'";

describe('DeX answers match /openapi/dex.json', () => {
  let server;
  let v;
  const tok = [];
  const groups = []; // per school: every LearnerGroups row
  const learners = []; // per school: every LearnerPersonals row
  let key;
  const dex = (tk, k = key) => ({ ...bearer(tk), ...(k ? { 'ocp-apim-subscription-key': k } : {}) });

  // Every page of a collection operation, following @odata.nextLink; each page validated.
  async function allPages(id, school, { params, query } = {}) {
    const rows = [];
    let r = await call(server, v, id, { params, query, headers: dex(tok[school]) });
    for (let pages = 1; ; ++pages) {
      rows.push(...r.json.value);
      const next = r.json['@odata.nextLink'];
      if (!next) break;
      assert.ok(pages < 20, 'too many pages');
      r = await call(server, v, id, { url: next, headers: dex(tok[school]), what: `next page ${pages + 1}` });
    }
    return rows;
  }

  before(async () => {
    server = await startServer();
    v = new ResponseValidator(await servedDocument(server, 'dex'));
    key = server.demo.vendor.subscription_key;
    tok[0] = await dexToken(server, 0);
    tok[1] = await dexToken(server, 1);
  });
  after(async () => {
    await server?.stop();
  });

  test('the service document and $metadata', async () => {
    for (const school of [0, 1]) {
      const root = await call(server, v, 'GetServiceDocument', { headers: dex(tok[school]) });
      assert.deepEqual(root.json.value.map((s) => s.name), ['LearnerPersonals', 'LearnerIdentifiers', 'LearnerGroups']);
      await call(server, v, 'GetMetadata', { headers: dex(tok[school]) });
    }
  });

  test('every learner and group of both schools, on every page, as each set writes them', async () => {
    for (const school of [0, 1]) {
      groups[school] = await allPages('ListLearnerGroups', school, { query: '$count=true' });
      learners[school] = await allPages('ListLearnerPersonals', school);
      const ids = await allPages('ListLearnerIdentifiers', school, { query: '$count=true&$orderby=Surname desc' });
      assert.equal(ids.length, learners[school].length);
    }
    assert.ok(learners[1].length > 1000, 'Ashcombe has more than one page of pupils');
    const types = new Set([...groups[0], ...groups[1]].map((g) => g.GroupType));
    assert.deepEqual([...types].sort(), ['House', 'PrimaryClass', 'RegistrationGroup', 'TeachingClass', 'YearGroup']);
  });

  test('$select, $top, $skip, $count, $expand, $format and filters on the collections', async () => {
    const h = dex(tok[1]);
    const year7 = groups[1].find((g) => g.GroupType === 'YearGroup');
    for (const query of [
      '$select=Surname,UPN&$top=3',
      '$select=CurrentHouse,DateOfBirth,MiddleNames&$top=2&$skip=5',
      '$select=*&$top=2',
      '$top=0&$count=true',
      `$filter=CurrentYearGroup/ExternalID eq ${year7.ExternalID}&$count=true&$top=2`,
      "$filter=startswith(Surname,'S') and GenderCategory eq 'Female'&$inlinecount=allpages&$top=2",
      '$expand=CurrentYearGroup&$format=json&$top=1',
      '$top=1200&$skip=10&$select=Forename',
    ]) {
      await call(server, v, 'ListLearnerPersonals', { query, headers: h });
    }
    for (const query of ['$select=DoNotCommunicate,Photograph,DateOfApplication,AgeMonths&$top=3', "$filter=OnRollState eq 'Current'&$top=1"]) {
      await call(server, v, 'ListLearnerIdentifiers', { query, headers: h });
    }
    for (const query of ["$filter=GroupType eq SIMS.GroupTypeEnum'House'&$orderby=DisplayOrder", '$select=FullName', '$select=GroupType,ShortName&$top=2']) {
      await call(server, v, 'ListLearnerGroups', { query, headers: h });
    }
  });

  test('single learners and groups by key, each with and without $select', async () => {
    for (const school of [0, 1]) {
      const h = dex(tok[school]);
      for (const p of learners[school].slice(0, 3)) {
        await call(server, v, 'GetLearnerPersonal', { params: { id: p.ExternalID }, headers: h });
        await call(server, v, 'GetLearnerPersonal', { params: { id: p.ExternalID }, query: '$select=UPN,CurrentYearGroup', headers: h });
        await call(server, v, 'GetLearnerIdentifier', { params: { id: p.ExternalID }, headers: h });
        await call(server, v, 'GetLearnerIdentifier', { params: { id: p.ExternalID }, query: '$select=AgeMonths', headers: h });
      }
      for (const g of groups[school]) {
        await call(server, v, 'GetLearnerGroup', { params: { ExternalID: g.ExternalID, GroupType: `SIMS.GroupTypeEnum'${g.GroupType}'` }, headers: h });
      }
      const g = groups[school][0];
      await call(server, v, 'GetLearnerGroup', { params: { ExternalID: g.ExternalID, GroupType: `'${g.GroupType}'` }, query: '$select=DisplayOrder', headers: h });
    }
  });

  test("every group's members, as identifiers and as personal records", async () => {
    for (const school of [0, 1]) {
      const h = dex(tok[school]);
      const byType = {};
      for (const g of groups[school]) byType[g.GroupType] ??= g;
      for (const g of Object.values(byType)) {
        const params = { ExternalID: g.ExternalID, GroupType: `SIMS.GroupTypeEnum'${g.GroupType}'` };
        const members = await call(server, v, 'ListLearnerGroupIdentifiers', { params, query: '$count=true', headers: h });
        assert.ok(members.json['@odata.count'] > 0, `${g.GroupType} has members`);
        await call(server, v, 'ListLearnerGroupPersonals', { params, headers: h });
        await call(server, v, 'ListLearnerGroupPersonals', { params, query: '$select=Surname&$top=2&$count=true', headers: h });
        await call(server, v, 'ListLearnerGroupIdentifiers', { params, query: '$select=Forename&$top=1', headers: h });
      }
    }
  });

  test('refusals of every operation: the gateway, the token, the scope, no organisation', async () => {
    const rival = (await cliOk(server, ['--json', 'vendor', 'create', '--name', 'Rival Learning Ltd'])).json[0];
    const onerosterToken = await token(server, server.client(0, 'oneroster'), { scope: 'onerosterapi organisation' });
    const unbound = await unboundToken(server, 'partnerserverapplication');
    await waitFor(async () => {
      const r = await http(`${server.url}/dex/Learner/odata/v3/$metadata`, { headers: dex(tok[0], rival.subscription_key_primary) });
      return !/invalid subscription key/.test(r.text);
    }, { what: "the rival vendor's key to reach the cache" });
    const p = learners[0][0];
    const g = groups[0][0];
    const params = { id: p.ExternalID, ExternalID: g.ExternalID, GroupType: `SIMS.GroupTypeEnum'${g.GroupType}'` };
    for (const id of v.ops.keys()) {
      const cases = [
        ['no subscription key', dex(tok[0], null), 401, /missing subscription key/],
        ['an unknown subscription key', dex(tok[0], '0123456789abcdef0123456789abcdef'), 401, /invalid subscription key/],
        ["another vendor's subscription key", dex(tok[0], rival.subscription_key_primary), 401, /does not belong to the vendor/],
        ['no token', dex(null), 401, 'invalid_token'],
        ['a forged token', dex(FORGED), 401, 'invalid_token'],
        ['a token without the DeX scope', dex(onerosterToken), 403, 'insufficient_scope'],
        ['a token with no organisation', dex(unbound), 403, null],
      ];
      for (const [what, headers, status, expected] of cases) {
        const r = await call(server, v, id, { params, headers, status, what });
        if (expected instanceof RegExp) {
          assert.match(r.json.message, expected, `${id} ${what}`);
          assert.equal(r.headers.get('www-authenticate'), null, `${id} ${what}: the gateway sends no challenge`);
        } else if (expected) {
          assert.equal(r.json.error.code, expected, `${id} ${what}`);
          assert.match(r.headers.get('www-authenticate') || '', /^Bearer realm="muster"/, `${id} ${what}: the challenge`);
        } else {
          assert.equal(r.text, JSON.stringify({ error: 'The Account is not associated with any Organisations' }));
        }
      }
    }
  });

  test("another school's ids are 404 on every keyed operation", async () => {
    const h = dex(tok[0]);
    for (const p of learners[1].slice(0, 3)) {
      await call(server, v, 'GetLearnerPersonal', { params: { id: p.ExternalID }, headers: h, status: 404 });
      await call(server, v, 'GetLearnerIdentifier', { params: { id: p.ExternalID }, headers: h, status: 404 });
    }
    const byType = {};
    for (const g of groups[1]) byType[g.GroupType] ??= g;
    for (const g of Object.values(byType)) {
      const params = { ExternalID: g.ExternalID, GroupType: `SIMS.GroupTypeEnum'${g.GroupType}'` };
      for (const id of ['GetLearnerGroup', 'ListLearnerGroupIdentifiers', 'ListLearnerGroupPersonals']) {
        await call(server, v, id, { params, headers: h, status: 404 });
      }
    }
    // A group of this school under another type is not that resource either.
    const year = groups[0].find((g) => g.GroupType === 'YearGroup');
    const params = { ExternalID: year.ExternalID, GroupType: "SIMS.GroupTypeEnum'House'" };
    for (const id of ['GetLearnerGroup', 'ListLearnerGroupIdentifiers', 'ListLearnerGroupPersonals']) {
      await call(server, v, id, { params, headers: h, status: 404, what: 'the wrong GroupType' });
    }
  });

  test('bad query options and keys are 400 on every operation that takes them', async () => {
    const h = dex(tok[0]);
    const p = learners[0][0];
    const year = groups[0].find((g) => g.GroupType === 'YearGroup');
    const group = { ExternalID: year.ExternalID, GroupType: YEAR_GROUP };
    const listQueries = [
      ['$filter=Surname eq', 'InvalidFilter'],
      ['$filter=Nope eq 1', 'UnknownProperty'],
      ["$filter=DateOfBirth eq 'x' and ExternalID eq 12", null],
      ['$orderby=AgeMonths', null],
      ['$top=-1', 'InvalidQueryOption'],
      ['$search=x', 'InvalidQueryOption'],
      ['$count=true&$inlinecount=allpages', 'InvalidQueryOption'],
      ['$format=xml', 'InvalidQueryOption'],
      ['$select=Nope', 'UnknownProperty'],
      ['$filter=%zz', 'InvalidQueryOption'],
    ];
    const lists = [
      ['ListLearnerPersonals', {}],
      ['ListLearnerIdentifiers', {}],
      ['ListLearnerGroups', {}],
      ['ListLearnerGroupIdentifiers', group],
      ['ListLearnerGroupPersonals', group],
    ];
    for (const [id, params] of lists) {
      for (const [query, code] of listQueries) {
        const r = await call(server, v, id, { params, query, headers: h, status: 400 });
        if (code) assert.equal(r.json.error.code, code, `${id} ?${query}`);
      }
    }
    for (const id of ['GetLearnerPersonal', 'GetLearnerIdentifier']) {
      for (const [params, query, code] of [
        [{ id: 'not-a-guid' }, '', 'InvalidKey'],
        [{ id: p.ExternalID }, '$top=1', 'InvalidQueryOption'],
        [{ id: p.ExternalID }, '$select=Nope', 'UnknownProperty'],
      ]) {
        const r = await call(server, v, id, { params, query, headers: h, status: 400 });
        assert.equal(r.json.error.code, code, `${id} ${JSON.stringify(params)} ?${query}`);
      }
    }
    for (const id of ['GetLearnerGroup', 'ListLearnerGroupIdentifiers', 'ListLearnerGroupPersonals']) {
      for (const params of [{ ExternalID: 'nope', GroupType: YEAR_GROUP }, { ExternalID: year.ExternalID, GroupType: "SIMS.GroupTypeEnum'Class'" }]) {
        const r = await call(server, v, id, { params, headers: h, status: 400 });
        assert.equal(r.json.error.code, 'InvalidKey', `${id} ${JSON.stringify(params)}`);
      }
    }
    const r = await call(server, v, 'GetLearnerGroup', { params: group, query: '$skip=1', headers: h, status: 400 });
    assert.equal(r.json.error.code, 'InvalidQueryOption');
  });

  test('every documented status of every operation was answered', () => {
    assert.deepEqual(v.unseen(), [], 'documented statuses no call reached');
  });
});

describe('provisioning answers match /openapi/provisioning.json', () => {
  let server;
  let v;
  const tok = [];
  const org = (site) => server.demo.sites[site].organisation_id;

  before(async () => {
    server = await startServer();
    v = new ResponseValidator(await servedDocument(server, 'provisioning'));
    tok[0] = await schoolToken(server, 0);
    tok[1] = await schoolToken(server, 1);
  });
  after(async () => {
    await server?.stop();
  });

  test('the organisation of each school, in any letter case', async () => {
    for (const site of [0, 1]) {
      const r = await call(server, v, 'GetOrganisation', { params: { OrganisationId: org(site) }, headers: bearer(tok[site]) });
      assert.equal(r.json.OrganisationId, org(site));
      await call(server, v, 'GetOrganisation', { params: { OrganisationId: org(site).toLowerCase() }, headers: bearer(tok[site]) });
    }
  });

  test('every user of both schools, on every page, and each role', async () => {
    for (const site of [0, 1]) {
      const h = bearer(tok[site]);
      let r = await call(server, v, 'GetOrganisationUsers', { params: { OrganisationId: org(site) }, query: 'limit=1000', headers: h });
      let seen = r.json.Users.length;
      while (r.json.NextLink) {
        r = await call(server, v, 'GetOrganisationUsers', { url: r.json.NextLink, headers: h, what: 'NextLink' });
        seen += r.json.Users.length;
      }
      assert.equal(seen, r.json.TotalCount);
      for (const role of ['student', 'teacher', 'staff']) {
        await call(server, v, 'GetOrganisationUsers', { params: { OrganisationId: org(site) }, query: `role=${role}&limit=7&offset=3`, headers: h });
      }
      const beyond = await call(server, v, 'GetOrganisationUsers', { params: { OrganisationId: org(site) }, query: 'offset=100000', headers: h });
      assert.deepEqual(beyond.json.Users, []);
    }
  });

  test("refusals: no token, a bad token, the wrong scope, no organisation, another school's id, bad paging", async () => {
    const dex = await dexToken(server, 0);
    const unbound = await unboundToken(server, 'organisation');
    for (const id of v.ops.keys()) {
      const own = { OrganisationId: org(0) };
      for (const [what, headers, status, error] of [
        ['no token', {}, 401, 'invalid_token'],
        ['a forged token', bearer(FORGED), 401, 'invalid_token'],
        ["a DeX token (no scope organisation)", bearer(dex), 403, 'insufficient_scope'],
        ['a token with no organisation', bearer(unbound), 403, 'insufficient_scope'],
      ]) {
        const r = await call(server, v, id, { params: own, headers, status, what });
        assert.equal(r.json.error, error, `${id} ${what}`);
        assert.match(r.headers.get('www-authenticate') || '', /^Bearer realm="muster"/, `${id} ${what}: the challenge`);
      }
      for (const other of [org(1), org(1).toLowerCase(), '5C030578-1832-4C66-80C4-0E5DEB68D3FE', 'nonsense']) {
        await call(server, v, id, { params: { OrganisationId: other }, headers: bearer(tok[0]), status: 404 });
      }
    }
    for (const query of ['limit=0', 'limit=1001', 'limit=x', 'offset=-1', 'offset=99999999999', 'role=guardian', 'role=Student', 'limit=%zz']) {
      await call(server, v, 'GetOrganisationUsers', { params: { OrganisationId: org(0) }, query, headers: bearer(tok[0]), status: 400 });
    }
  });

  test('every documented status of every operation was answered', () => {
    assert.deepEqual(v.unseen(), [], 'documented statuses no call reached');
  });
});

describe('provisioning behind the gateway (gateway.subscription_key_groups lists it)', () => {
  let server;
  let v;

  before(async () => {
    server = await startServer({ env: { MUSTER_GATEWAY_SUBSCRIPTION_KEY_GROUPS: 'dex,provisioning' } });
    v = new ResponseValidator(await servedDocument(server, 'provisioning'));
  });
  after(async () => {
    await server?.stop();
  });

  test("the key is checked first, in APIM's shape; with it the answers are as before", async () => {
    const tok = await schoolToken(server, 0);
    const key = server.demo.vendor.subscription_key;
    const params = { OrganisationId: server.demo.sites[0].organisation_id };
    for (const id of v.ops.keys()) {
      for (const [what, headers] of [
        ['no key', { authorization: `Bearer ${tok}` }],
        ['an unknown key', { authorization: `Bearer ${tok}`, 'ocp-apim-subscription-key': 'feedfacefeedfacefeedfacefeedface' }],
        ['no key and no token', {}],
      ]) {
        const r = await call(server, v, id, { params, headers, status: 401, what });
        assert.equal(r.json.statusCode, 401, `${id} ${what}`);
      }
      await call(server, v, id, { params, headers: { authorization: `Bearer ${tok}`, 'ocp-apim-subscription-key': key } });
    }
  });
});

describe('the validator refuses answers the documents do not describe', () => {
  let server;
  const real = {};
  const docs = {};

  before(async () => {
    server = await startServer();
    docs.dex = new ResponseValidator(await servedDocument(server, 'dex'));
    docs.provisioning = new ResponseValidator(await servedDocument(server, 'provisioning'));
    const dexTok = await dexToken(server, 0);
    const h = { authorization: `Bearer ${dexTok}`, 'ocp-apim-subscription-key': server.demo.vendor.subscription_key };
    const get = (path, headers = h) => http(`${server.url}${path}`, { headers });
    real.personals = await get('/dex/Learner/odata/v3/LearnerPersonals?$top=2');
    real.selected = await get('/dex/Learner/odata/v3/LearnerPersonals?$top=2&$select=Surname');
    real.groups = await get('/dex/Learner/odata/v3/LearnerGroups?$top=2');
    real.badFilter = await get('/dex/Learner/odata/v3/LearnerPersonals?$filter=Surname%20eq');
    real.noKey = await get('/dex/Learner/odata/v3/LearnerPersonals', { authorization: h.authorization });
    const orgTok = await schoolToken(server, 0);
    const org = server.demo.sites[0].organisation_id;
    real.organisation = await get(`/provisioning/v1/organisation/${org}`, { authorization: `Bearer ${orgTok}` });
    real.users = await get(`/provisioning/v1/organisation/${org}/users?limit=2`, { authorization: `Bearer ${orgTok}` });
    for (const [name, r] of Object.entries(real)) assert.ok(r.status < 500, `${name}: ${r.status}`);
  });
  after(async () => {
    await server?.stop();
  });

  // A copy of a real answer with `edit` applied to its JSON body (and headers replaced).
  function mutated(r, edit, { status = r.status, headers } = {}) {
    const json = structuredClone(r.json);
    edit?.(json);
    const h = new Headers(r.headers);
    for (const [k, val] of Object.entries(headers || {})) (val === null ? h.delete(k) : h.set(k, val));
    return { status, headers: h, text: JSON.stringify(json), json };
  }

  const refused = (v, id, r, label) => assert.notDeepEqual(v.problems(id, r), [], `${label}: the validator accepted it`);

  test('the real answers are accepted', () => {
    for (const [name, id] of [['personals', 'ListLearnerPersonals'], ['selected', 'ListLearnerPersonals'], ['groups', 'ListLearnerGroups'], ['badFilter', 'ListLearnerPersonals'], ['noKey', 'ListLearnerPersonals']]) {
      assert.deepEqual(docs.dex.problems(id, real[name]), [], name);
    }
    assert.deepEqual(docs.provisioning.problems('GetOrganisation', real.organisation), []);
    assert.deepEqual(docs.provisioning.problems('GetOrganisationUsers', real.users), []);
  });

  test('DeX: extra, missing or misnamed fields, wrong enums, undocumented statuses, media types and headers', () => {
    const v = docs.dex;
    const id = 'ListLearnerPersonals';
    refused(v, id, mutated(real.personals, (b) => (b.value[0].PreferredNames = 'x')), 'an extra property');
    refused(v, id, mutated(real.personals, (b) => delete b.value[0].MiddleNames), 'a property missing without $select');
    refused(v, id, mutated(real.personals, (b) => (b.value[0].OnRollState = 'OnRoll')), 'an OnRollState outside the enum');
    refused(v, id, mutated(real.personals, (b) => (b.value[0].CurrentYearGroup = { Description: 'Year 1' })), 'a partial lookup');
    refused(v, id, mutated(real.personals, (b) => (b.value[0].AgeMonths = '12')), 'a number as a string');
    refused(v, id, mutated(real.selected, (b) => (b['@odata.context'] = b['@odata.context'].replace('(Surname)', ''))), 'a selection under the full context');
    refused(v, id, mutated(real.selected, (b) => (b.value[0].DoNotCommunicate = null)), "a selection with another set's property");
    refused(v, id, mutated(real.selected, (b) => delete b.value[0].ExternalID), 'a selection without the key');
    refused(v, id, mutated(real.personals, (b) => (b.extra = 1)), 'an extra envelope member');
    refused(v, id, mutated(real.personals, null, { status: 418 }), 'an undocumented status');
    refused(v, id, mutated(real.personals, null, { headers: { 'content-type': 'text/html' } }), 'an undocumented media type');
    refused(v, id, mutated(real.personals, null, { headers: { 'odata-version': null } }), 'a missing OData-Version');
    refused(v, id, mutated(real.personals, null, { headers: { 'cache-control': 'public' } }), 'a cacheable answer');
    refused(v, 'ListLearnerGroups', mutated(real.groups, (b) => (b.value[0]['@odata.type'] = '#SIMS.Class')), 'the old #SIMS.Class');
    refused(v, 'ListLearnerGroups', mutated(real.groups, (b) => (b.value[0].GroupType = 'Class')), 'the old Class');
    refused(v, id, mutated(real.badFilter, (b) => (b.error.details = [])), 'an OData error with more members');
    refused(v, id, mutated(real.badFilter, (b) => (b.error = b.error.message)), 'a bare error on a 400');
    refused(v, id, mutated(real.noKey, (b) => (b.statusCode = 403)), 'a gateway refusal with another status');
  });

  test('provisioning: extra or missing fields, the old capitalised roles, a missing X-Total-Count', () => {
    const v = docs.provisioning;
    refused(v, 'GetOrganisation', mutated(real.organisation, (b) => delete b.Urn), 'an organisation without Urn');
    refused(v, 'GetOrganisation', mutated(real.organisation, (b) => (b.DateOfBirth = '2000-01-01')), 'an extra field');
    refused(v, 'GetOrganisationUsers', mutated(real.users, (b) => (b.Users[0].Role = 'Student')), 'a capitalised role');
    refused(v, 'GetOrganisationUsers', mutated(real.users, (b) => (b.Users[0].DateOfBirth = '2015-01-01')), 'a date of birth');
    refused(v, 'GetOrganisationUsers', mutated(real.users, (b) => (b.Users[0].Groups.push({ Id: 'x', Name: 'y', Type: 'Class' }))), 'a group type outside the enum');
    refused(v, 'GetOrganisationUsers', mutated(real.users, (b) => delete b.NextLink), 'a page without NextLink');
    refused(v, 'GetOrganisationUsers', mutated(real.users, null, { headers: { 'x-total-count': null } }), 'a missing X-Total-Count');
  });
});
