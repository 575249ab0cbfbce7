// The OneRoster 1.1 API against the real binary on demo data (oneroster.md §1–§2): every one
// of the 45 rostering and resources operations of the official description, each response
// validated against that description's schema; envelopes, paging and Link, the full filter
// grammar cross-checked against the same data filtered here, sort, fields, the 1.1
// warnings and errors, scopes, and what SDS and Google check of the data itself.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { http, startServer } from './harness.mjs';
import {
  BASE,
  DATE_TIME,
  SCOPE,
  all,
  envelopeKey,
  fill,
  getter,
  loadOwnSpec,
  loadSpec,
  makeValidator,
  rosterOperations,
  schoolIds,
  schoolToken,
  shapeOf,
} from './oneroster_support.mjs';

const spec = loadSpec();
const validate = makeValidator(spec);
const ops = rosterOperations(spec);
// Muster's own document (served at /openapi/oneroster.json) must describe the same answers.
const ownSpec = loadOwnSpec();
const validateOwn = makeValidator(ownSpec);
const ownOps = new Map(rosterOperations(ownSpec).map((op) => [shapeOf(op.template), op]));

function assertImsxError(r, status, codeMinor) {
  assert.equal(r.status, status, `${r.status} ${r.text}`);
  assert.match(r.headers.get('content-type') || '', /^application\/json\b/);
  const problems = validate('#/components/schemas/imsx_StatusInfo.Type', r.json);
  assert.equal(problems, null, `error body against imsx_StatusInfo.Type: ${problems}\n${r.text}`);
  assert.equal(r.json.imsx_codeMajor, 'failure');
  assert.equal(r.json.imsx_severity, 'error');
  assert.equal(r.json.imsx_CodeMinor.imsx_codeMinorField[0].imsx_codeMinorFieldValue, codeMinor, r.text);
  assert.ok(r.json.imsx_description.length > 0);
}

const q = (filter) => `filter=${encodeURIComponent(filter)}`;
const ids = (list) => list.map((x) => x.sourcedId).sort();

describe('OneRoster 1.1: the 45 operations', () => {
  let server;
  let get;
  let school;

  before(async () => {
    server = await startServer();
    get = getter(server, await schoolToken(server, 1)); // Ashcombe Academy, a secondary
    school = await schoolIds(get);
  });
  after(() => server?.stop());

  test('the official description lists 45 rostering and resources GETs', () => {
    assert.equal(ops.length, 45);
  });

  for (const op of ops) {
    test(`${op.operationId} ${op.template}`, async () => {
      const url = fill(op, school);
      const r = await get(url);
      assert.equal(r.status, 200, `${url}: ${r.status} ${r.text.slice(0, 400)}`);
      assert.match(r.headers.get('content-type'), /^application\/json\b/);
      const problems = validate(op.schemaRef, r.json);
      assert.equal(problems, null, `${url} against ${op.schemaRef}:\n${problems}`);
      const own = ownOps.get(shapeOf(op.template));
      assert.ok(own, `/openapi/oneroster.json documents ${op.template}`);
      const ownProblems = validateOwn(own.schemaRef, r.json);
      assert.equal(ownProblems, null, `${url} against Muster's ${own.schemaRef}:\n${ownProblems}`);
      const key = envelopeKey(spec, op);
      assert.deepEqual(Object.keys(r.json), [key], `envelope of ${url}`);
      const records = op.single ? [r.json[key]] : r.json[key];
      if (op.single) {
        assert.equal(r.json[key].sourcedId, url.split('/').pop());
        assert.equal(r.headers.get('x-total-count'), null);
      } else {
        const total = Number(r.headers.get('x-total-count'));
        assert.ok(total > 0, `${url} is empty: the ids were chosen so that it is not`);
        assert.equal(records.length, Math.min(total, 100), `${url}: default limit 100`);
        assert.match(r.headers.get('link'), /rel="first"/);
        assert.deepEqual(ids(records), records.map((x) => x.sourcedId), `${url}: default order is by sourcedId`);
      }
      for (const rec of records) {
        assert.equal(rec.status, 'active');
        assert.match(rec.dateLastModified, DATE_TIME);
        assert.equal(typeof rec.sourcedId, 'string');
        assert.ok(rec.sourcedId.length > 0);
      }
      // The query parameters on this operation too.
      const sep = url.includes('?') ? '&' : '?';
      const picked = await get(`${url}${sep}fields=sourcedId,status`);
      assert.equal(picked.status, 200, picked.text.slice(0, 300));
      const pickedRecords = op.single ? [picked.json[key]] : picked.json[key];
      for (const rec of pickedRecords) assert.deepEqual(Object.keys(rec), ['sourcedId', 'status']);
      assertImsxError(await get(`${url}${sep}fields=nope`), 400, 'invalid_selection_field');
      if (op.single) return;
      const total = Number(r.headers.get('x-total-count'));
      const second = await get(`${url}${sep}limit=1&offset=1`);
      assert.equal(second.status, 200);
      assert.equal(second.headers.get('x-total-count'), String(total));
      if (total > 1) assert.equal(second.json[key][0].sourcedId, records[1].sourcedId);
      const desc = (await get(`${url}${sep}sort=sourcedId&orderBy=desc&limit=3`)).json[key].map((x) => x.sourcedId);
      assert.deepEqual(desc, [...desc].sort().reverse());
      if (total <= 100) assert.equal(desc[0], records[records.length - 1].sourcedId);
      const active = await get(`${url}${sep}filter=${encodeURIComponent("status='active'")}`);
      assert.equal(active.headers.get('x-total-count'), String(total));
      assertImsxError(await get(`${url}${sep}filter=${encodeURIComponent("shoeSize='9'")}`), 400, 'invalid_filter_field');
    });
  }

  test('nested collections hold exactly the records their links say', async () => {
    const enr = await all(get, `enrollments?${q(`class.sourcedId='${school.klass}'`)}`, 'enrollments');
    const want = (role) => enr.filter((e) => e.role === role).map((e) => e.user.sourcedId).sort();
    const students = await all(get, `classes/${school.klass}/students`, 'users');
    assert.deepEqual(ids(students), want('student'));
    assert.ok(students.every((u) => u.role === 'student'));
    const teachers = await all(get, `classes/${school.klass}/teachers`, 'users');
    assert.deepEqual(ids(teachers), want('teacher'));
    const inSchool = await all(get, `schools/${school.school}/classes/${school.klass}/enrollments`, 'enrollments');
    assert.deepEqual(ids(inSchool), ids(enr));
    const mine = await all(get, `students/${school.student}/classes`, 'classes');
    const myEnr = await all(get, `enrollments?${q(`user.sourcedId='${school.student}'`)}`, 'enrollments');
    assert.deepEqual(ids(mine), myEnr.map((e) => e.class.sourcedId).sort());
    const gps = await all(get, `terms/${school.term}/gradingPeriods`, 'academicSessions');
    assert.ok(gps.length >= 2 && gps.every((g) => g.type === 'gradingPeriod' && g.parent.sourcedId === school.term));
    // A class's school id in the wrong place, or a term id where a school belongs: empty.
    const wrongKind = await get(`/schools/${school.term}/students`);
    assert.equal(wrongKind.status, 200);
    assert.deepEqual(wrongKind.json.users, []);
  });
});

describe('OneRoster 1.1: query parameters', () => {
  let server;
  let get;
  let users;

  before(async () => {
    server = await startServer();
    get = getter(server, await schoolToken(server, 1));
    users = await all(get, 'users');
  });
  after(() => server?.stop());

  test('limit and offset page deterministically, and Link walks every page once', async () => {
    const total = users.length;
    let next = `${server.url}${BASE}/users?limit=700&${q("status='active'")}`;
    const seen = [];
    let pages = 0;
    const token = (await http(`${server.url}/healthz`)) && get;
    assert.ok(token);
    while (next) {
      const r = await get(next.slice(`${server.url}${BASE}`.length));
      assert.equal(r.status, 200);
      assert.equal(Number(r.headers.get('x-total-count')), total);
      seen.push(...r.json.users.map((u) => u.sourcedId));
      const link = r.headers.get('link');
      assert.match(link, /filter=status%3D%27active%27/, 'Link keeps the caller\'s filter');
      const m = /<([^>]+)>; rel="next"/.exec(link);
      next = m ? m[1] : null;
      pages += 1;
      assert.ok(pages <= Math.ceil(total / 700) + 1, 'Link must end');
    }
    assert.equal(pages, Math.ceil(total / 700));
    assert.equal(seen.length, total);
    assert.equal(new Set(seen).size, total);
    const a = (await get('/users?limit=1&offset=2')).json.users[0].sourcedId;
    const b = (await get('/users?limit=1&offset=0')).json.users[0].sourcedId;
    assert.notEqual(a, b);
    assert.equal(a, ids(users)[2]);
    const last = (await get(`/users?limit=10&offset=${total - 3}`)).json.users;
    assert.equal(last.length, 3);
    const beyond = await get(`/users?offset=${total + 5}`);
    assert.equal(beyond.status, 200);
    assert.deepEqual(beyond.json.users, []);
  });

  test('limit up to 10,000 is honoured and a larger one is lowered, not refused', async () => {
    const big = await get('/enrollments?limit=10000');
    assert.equal(big.status, 200);
    assert.equal(big.json.enrollments.length, 10000);
    const bigger = await get('/enrollments?limit=50000');
    assert.equal(bigger.status, 200);
    assert.equal(bigger.json.enrollments.length, 10000);
    assert.match(bigger.headers.get('link'), /rel="next"/);
  });

  // Each filter is checked against the same predicate applied here to the full list.
  const lower = (s) => s.toLowerCase();
  const cases = [
    ["role='student'", (u) => u.role === 'student'],
    ["role!='student'", (u) => u.role !== 'student'],
    ["givenName~'AR'", (u) => lower(u.givenName).includes('ar')],
    ["familyName>'S'", (u) => u.familyName > 'S'],
    ["familyName<='B'", (u) => u.familyName <= 'B'],
    ["role='teacher' AND familyName~'son'", (u) => u.role === 'teacher' && lower(u.familyName).includes('son')],
    ["role='teacher' OR role='aide'", (u) => u.role === 'teacher' || u.role === 'aide'],
    ["metadata.uk.yearGroup='Y7'", (u) => u.metadata?.['uk.yearGroup'] === 'Y7'],
    ["grades~'09'", (u) => u.grades.includes('09')],
    ["email~'@'", (u) => u.email.includes('@')],
    ["enabledUser='true'", (u) => u.enabledUser === 'true'],
    ["identifier='no-such-identifier'", () => false],
  ];
  for (const [filter, predicate] of cases) {
    test(`filter ${filter}`, async () => {
      const got = await all(get, `users?${q(filter)}`, 'users');
      const want = users.filter(predicate).map((u) => u.sourcedId).sort();
      assert.deepEqual(ids(got), want);
      if (filter !== "identifier='no-such-identifier'") assert.ok(want.length > 0, 'a case that matches nothing proves little');
    });
  }

  test('filter values may hold spaces, quotes are the delimiters, and spacing around the operator is free', async () => {
    const classes = await all(get, 'classes');
    const title = classes.find((c) => c.title.includes(' ')).title;
    for (const f of [`title='${title}'`, `title = '${title}'`]) {
      const r = await get(`/classes?${q(f)}`);
      assert.equal(r.status, 200, r.text);
      assert.deepEqual(ids(r.json.classes), ids(classes.filter((c) => c.title === title)));
    }
    const none = await get(`/classes?${q("title='norecords'")}`);
    assert.equal(none.status, 200);
    assert.deepEqual(none.json.classes, []);
    assert.equal(none.headers.get('x-total-count'), '0');
  });

  test('dateLastModified is compared as an instant, whatever its spelling', async () => {
    const stamps = [...new Set(users.map((u) => u.dateLastModified))].sort();
    const mid = stamps[Math.floor(stamps.length / 2)];
    const want = users.filter((u) => u.dateLastModified > mid).map((u) => u.sourcedId).sort();
    const base = new Date(mid);
    const spellings = [
      mid,
      mid.replace('Z', '+00:00'),
      new Date(base.getTime() + 3600000).toISOString().replace('Z', '+01:00'),
    ];
    for (const s of spellings) {
      const got = await all(get, `users?${q(`dateLastModified>'${s}'`)}`, 'users');
      assert.deepEqual(ids(got), want, s);
    }
  });

  test('sort and orderBy', async () => {
    const r = await get('/users?sort=familyName&orderBy=desc&limit=10000');
    assert.equal(r.status, 200);
    const names = r.json.users.map((u) => u.familyName);
    for (let i = 1; i < names.length; i++) assert.ok(names[i - 1] >= names[i], `${names[i - 1]} before ${names[i]}`);
    const asc = (await get('/users?sort=familyName&limit=10000')).json.users.map((u) => u.familyName);
    assert.deepEqual(asc, [...names].reverse().sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  test('fields selects top-level members', async () => {
    const r = await get('/users?fields=sourcedId,givenName,familyName&limit=5');
    assert.equal(r.status, 200);
    for (const u of r.json.users) assert.deepEqual(Object.keys(u).sort(), ['familyName', 'givenName', 'sourcedId']);
    const one = await get(`/users/${users[0].sourcedId}?fields=email`);
    assert.deepEqual(Object.keys(one.json.user), ['email']);
  });

  test('an unknown sort or fields name is a warning in statusInfoSet, with a 200', async () => {
    const r = await get('/users?sort=shoeSize&fields=sourcedId,nickname&limit=3');
    assert.equal(r.status, 200, r.text);
    const minors = r.json.statusInfoSet.map((s) => s.imsx_CodeMinor.imsx_codeMinorField[0].imsx_codeMinorFieldValue).sort();
    assert.deepEqual(minors, ['invalid_selection_field', 'invalid_sort_field']);
    for (const s of r.json.statusInfoSet) {
      assert.equal(s.imsx_codeMajor, 'success');
      assert.equal(s.imsx_severity, 'warning');
    }
    assert.deepEqual(ids(r.json.users), ids(users).slice(0, 3), 'default order kept');
  });

  test('bad queries are 400s in the imsx shape', async () => {
    for (const [query, minor] of [
      [q("shoeSize='42'"), 'invalid_filter_field'],
      [q("givenName='a' AND familyName='b' AND role='student'"), 'invalid_filter_field'],
      [q("givenName='unterminated"), 'invalid_filter_field'],
      [q("dateLastModified>'yesterday'"), 'invalid_filter_field'],
      ['limit=0', 'invaliddata'],
      ['limit=-5', 'invaliddata'],
      ['offset=abc', 'invaliddata'],
      ['limit=10&limit=20', 'invaliddata'],
      ['fields=nope,nada', 'invalid_selection_field'],
      ['filter=%E0%A4%A', 'invaliddata'],
    ]) {
      assertImsxError(await get(`/users?${query}`), 400, minor);
    }
  });
});

describe('OneRoster 1.1: authorisation and errors', () => {
  let server;
  let get;

  before(async () => {
    server = await startServer();
    get = getter(server, await schoolToken(server, 1));
  });
  after(() => server?.stop());

  test('no token or a bad token is 401 unauthorisedrequest with a Bearer challenge', async () => {
    const none = await http(`${server.url}${BASE}/users`);
    assertImsxError(none, 401, 'unauthorisedrequest');
    assert.match(none.headers.get('www-authenticate'), /^Bearer/);
    const bad = await getter(server, 'not.a.token')('/users');
    assertImsxError(bad, 401, 'unauthorisedrequest');
    assert.match(bad.headers.get('www-authenticate'), /error="invalid_token"/);
  });

  test('each operation needs its 1.1 scope; roster.readonly implies roster-core.readonly', async () => {
    const core = getter(server, await schoolToken(server, 1, `${SCOPE}roster-core.readonly`));
    assert.equal((await core('/users?limit=1')).status, 200);
    assertImsxError(await core('/classes/x/students'), 403, 'forbidden');
    assertImsxError(await core('/demographics'), 403, 'forbidden');
    assertImsxError(await core('/resources'), 403, 'forbidden');
    const roster = getter(server, await schoolToken(server, 1, `${SCOPE}roster.readonly`));
    assert.equal((await roster('/users?limit=1')).status, 200);
    assert.equal((await roster('/classes/x/students')).status, 200);
    assertImsxError(await roster('/demographics'), 403, 'forbidden');
    const demo = getter(server, await schoolToken(server, 1, `${SCOPE}roster-demographics.readonly`));
    assert.equal((await demo('/demographics?limit=1')).status, 200);
    assertImsxError(await demo('/users'), 403, 'forbidden');
  });

  test('a DeX token or a vendor-management token reads no roster', async () => {
    const dex = server.demo.sites[1].clients.find((c) => c.kind === 'dex');
    const tok = await (await import('./harness.mjs')).token(server, dex, { scope: 'partnerserverapplication' });
    assertImsxError(await getter(server, tok)('/users'), 403, 'forbidden');
  });

  test('an unknown id is 404 unknownobject; a student is not a teacher', async () => {
    assertImsxError(await get('/users/no-such-user'), 404, 'unknownobject');
    const student = (await get('/students?limit=1')).json.users[0].sourcedId;
    assertImsxError(await get(`/teachers/${student}`), 404, 'unknownobject');
    assertImsxError(await get(`/schools/${student}`), 404, 'unknownobject');
    assert.equal((await get(`/users/${student}`)).status, 200);
  });

  test('unknown paths under the base answer in the imsx shape; writes are 405', async () => {
    assertImsxError(await get('/widgets'), 404, 'unknownobject');
    const r = await http(`${server.url}${BASE}/users`, { method: 'POST', body: '{}' });
    assert.equal(r.status, 405);
    assert.match(r.headers.get('allow'), /GET/);
  });
});

describe('OneRoster 1.1: the data consumers check (oneroster.md §1.9)', () => {
  let server;
  let get;

  before(async () => {
    server = await startServer();
    get = getter(server, await schoolToken(server, 1));
  });
  after(() => server?.stop());

  test('orgs, users, classes and sessions carry what SDS requires', async () => {
    for (const o of await all(get, 'orgs')) assert.ok(o.identifier.length > 0 && o.name.length > 0, o.sourcedId);
    const users = await all(get, 'users');
    for (const u of users) {
      assert.ok(u.identifier.length > 0, `user ${u.sourcedId} identifier`);
      assert.ok(u.orgs.length > 0, `user ${u.sourcedId} orgs`);
      assert.ok(['true', 'false'].includes(u.enabledUser));
      if (u.role === 'student' || u.role === 'teacher') assert.ok(u.email.includes('@'), `${u.role} ${u.sourcedId} email`);
      if (u.role === 'student') assert.ok(!u.username.includes('@'), `student username ${u.username}`);
    }
    for (const c of await all(get, 'classes')) assert.ok(c.terms.length > 0 && c.school.sourcedId, c.sourcedId);
    for (const s of await all(get, 'academicSessions')) {
      assert.match(s.schoolYear, /^\d{4}$/);
      assert.ok(s.startDate <= s.endDate);
    }
    for (const e of (await get('/enrollments?limit=500')).json.enrollments) {
      assert.ok(e.user.sourcedId && e.class.sourcedId && e.school.sourcedId);
      if ('primary' in e) assert.ok(['true', 'false'].includes(e.primary));
    }
  });

  test('pupils carry a UPN with a valid check letter; guardians link both ways through agents', async () => {
    const users = await all(get, 'users');
    const byId = new Map(users.map((u) => [u.sourcedId, u]));
    const pupils = users.filter((u) => u.role === 'student');
    const letters = 'ABCDEFGHJKLMNPQRTUVWXYZ';
    for (const p of pupils) {
      const upn = p.userIds.find((x) => x.type === 'UPN')?.identifier;
      assert.match(upn, /^[A-Z]\d{11}[0-9A-Z]$/, `UPN of ${p.sourcedId}`);
      const sum = [...upn.slice(1)].reduce((acc, ch, i) => acc + (i + 2) * (/\d/.test(ch) ? Number(ch) : letters.indexOf(ch)), 0);
      assert.equal(upn[0], letters[sum % 23], `check letter of ${upn}`);
      assert.equal(p.metadata['uk.upn'], upn);
    }
    const guardians = users.filter((u) => ['guardian', 'parent', 'relative'].includes(u.role));
    assert.ok(guardians.length > pupils.length, '~1.5 guardians per pupil');
    for (const g of guardians) {
      assert.ok(g.agents.length > 0, `guardian ${g.sourcedId} has pupils`);
      for (const a of g.agents) {
        const pupil = byId.get(a.sourcedId);
        assert.ok(pupil && pupil.role === 'student');
        assert.ok(pupil.agents.some((x) => x.sourcedId === g.sourcedId), 'the pupil lists the guardian');
      }
    }
  });
});
