// Tenancy of the OneRoster API (seed 003: one client is linked to one school and cannot reach
// another school's data). For every one of the 45 operations, with path ids taken from
// another school: single objects are 404 unknownobject and nested collections are an empty
// 200 — never data. And no collection of one school holds a record of the other.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer } from './harness.mjs';
import { all, fill, getter, loadSpec, rosterOperations, schoolIds, schoolToken } from './oneroster_support.mjs';

const spec = loadSpec();
const ops = rosterOperations(spec);

const COLLECTIONS = [
  ['orgs', 'orgs'],
  ['academicSessions', 'academicSessions'],
  ['courses', 'courses'],
  ['classes', 'classes'],
  ['users', 'users'],
  ['enrollments', 'enrollments'],
  ['demographics', 'demographics'],
  ['resources', 'resources'],
];

describe('OneRoster 1.1: another school\'s ids on every route', () => {
  let server;
  let getA;
  let getB;
  let idsB;

  before(async () => {
    server = await startServer();
    getA = getter(server, await schoolToken(server, 0)); // Millbrook Primary, the reader
    getB = getter(server, await schoolToken(server, 1)); // Ashcombe Academy, the owner
    idsB = await schoolIds(getB);
  });
  after(() => server?.stop());

  for (const op of ops) {
    test(`${op.operationId} with Ashcombe's ids, as Millbrook`, async () => {
      const url = fill(op, idsB);
      const own = await getB(url);
      assert.equal(own.status, 200, `the owner reads ${url}: ${own.text.slice(0, 200)}`);
      const r = await getA(url);
      if (op.single) {
        assert.equal(r.status, 404, `${url}: ${r.status} ${r.text.slice(0, 300)}`);
        assert.equal(r.json.imsx_CodeMinor.imsx_codeMinorField[0].imsx_codeMinorFieldValue, 'unknownobject');
        return;
      }
      if (op.params.length === 0) return; // getAll*: covered by the disjointness test below
      assert.equal(r.status, 200, `${url}: ${r.status} ${r.text.slice(0, 300)}`);
      const [key] = Object.keys(r.json);
      assert.deepEqual(r.json[key], [], `${url} must be empty for another school`);
      assert.equal(r.headers.get('x-total-count'), '0');
      const ownBody = own.json[Object.keys(own.json)[0]];
      assert.ok(ownBody.length > 0, `${url} has data for its owner, so the empty answer means something`);
    });
  }

  test('no collection of one school holds a record of the other', async () => {
    for (const [path, key] of COLLECTIONS) {
      const a = new Set((await all(getA, path, key)).map((x) => x.sourcedId));
      const b = await all(getB, path, key);
      assert.ok(b.length > 0, `Ashcombe has ${path}`);
      const shared = b.filter((x) => a.has(x.sourcedId)).map((x) => x.sourcedId);
      assert.deepEqual(shared, [], `${path} shared between schools`);
    }
  });

  test('filters cannot reach across: a filter on the other school\'s id matches nothing', async () => {
    const r = await getA(`/enrollments?filter=${encodeURIComponent(`class.sourcedId='${idsB.klass}'`)}`);
    assert.equal(r.status, 200);
    assert.deepEqual(r.json.enrollments, []);
    const u = await getA(`/users?filter=${encodeURIComponent(`sourcedId='${idsB.student}' OR orgs.sourcedId~'${idsB.school}'`)}`);
    assert.equal(u.status, 200);
    assert.deepEqual(u.json.users, []);
  });

  test('the school with a pending install gets no token at all', async () => {
    const pending = server.demo.sites.findIndex((s) => s.status !== 'approved');
    assert.ok(pending >= 0);
    await assert.rejects(schoolToken(server, pending), /invalid_grant/);
  });
});
