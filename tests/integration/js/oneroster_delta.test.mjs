// Delta sync (oneroster.md §1.9, §2.6): a consumer remembers the newest dateLastModified it
// has seen, the MIS changes the roster (`muster demo churn`, run against the live server's
// data directory: pupils leave, join and change surname), and `filter=dateLastModified>'…'`
// then returns exactly the changed records — the leavers as tombstones, with their
// enrollments and demographics — while full reads no longer show the tombstones.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { cliOk, startServer } from './harness.mjs';
import { all, getter, schoolToken } from './oneroster_support.mjs';

const q = (filter) => `filter=${encodeURIComponent(filter)}`;
const sorted = (xs) => [...xs].sort();
const COLLECTIONS = ['users', 'enrollments', 'demographics'];

describe('OneRoster 1.1: delta sync after a day of MIS changes', () => {
  let server;
  let get;
  let site;
  let before_;
  let report;
  const snapshot = {};

  before(async () => {
    server = await startServer();
    site = 1; // Ashcombe Academy
    get = getter(server, await schoolToken(server, site));
    let newest = '';
    for (const c of COLLECTIONS) {
      snapshot[c] = await all(get, c);
      for (const r of snapshot[c]) if (r.dateLastModified > newest) newest = r.dateLastModified;
    }
    before_ = newest;
    const out = await cliOk(server, ['demo', 'churn', '--seed', '11']);
    const all3 = JSON.parse(out.stdout);
    report = all3.schools.find((s) => s.organisationId === server.demo.sites[site].organisation_id);
    assert.ok(report, out.stdout);
  });
  after(() => server?.stop());

  for (const c of COLLECTIONS) {
    test(`${c}: dateLastModified>'last seen' returns exactly what changed, tombstones included`, async () => {
      const delta = await all(get, `${c}?${q(`dateLastModified>'${before_}'`)}`, c);
      const want = sorted([...report[c].changed, ...report[c].tombstoned]);
      assert.ok(want.length > 0, `the churn changed ${c}`);
      assert.deepEqual(sorted(delta.map((r) => r.sourcedId)), want);
      for (const r of delta) {
        assert.ok(r.dateLastModified > before_, `${r.sourcedId} ${r.dateLastModified}`);
        const expected = report[c].tombstoned.includes(r.sourcedId) ? 'tobedeleted' : 'active';
        assert.equal(r.status, expected, r.sourcedId);
      }
    });

    test(`${c}: full reads drop the tombstones and show the new rows`, async () => {
      const now = new Set((await all(get, c)).map((r) => r.sourcedId));
      for (const id of report[c].tombstoned) assert.ok(!now.has(id), `tombstone ${id} in a full read`);
      for (const id of report[c].changed) assert.ok(now.has(id), `changed ${id} missing`);
      const was = new Set(snapshot[c].map((r) => r.sourcedId));
      const added = report[c].changed.filter((id) => !was.has(id));
      assert.equal(now.size, was.size - report[c].tombstoned.length + added.length);
      // status='active' is the full reader's explicit form: the same set.
      const active = await all(get, `${c}?${q("status='active'")}`, c);
      assert.deepEqual(sorted(active.map((r) => r.sourcedId)), sorted(now));
    });
  }

  test('status=\'tobedeleted\' lists exactly the tombstones; a leaver read by id says so', async () => {
    const gone = await all(get, `users?${q("status='tobedeleted'")}`, 'users');
    assert.deepEqual(sorted(gone.map((u) => u.sourcedId)), sorted(report.users.tombstoned));
    const one = await get(`/users/${report.users.tombstoned[0]}`);
    assert.equal(one.status, 200);
    assert.equal(one.json.user.status, 'tobedeleted');
  });

  test('a leaver\'s guardians stop listing them; a guardian with no pupil left goes too', async () => {
    const leavers = new Set(report.users.tombstoned.filter((id) =>
      snapshot.users.find((u) => u.sourcedId === id)?.role === 'student'));
    assert.ok(leavers.size > 0);
    const contacts = new Set(['guardian', 'parent', 'relative']);
    const theirs = snapshot.users.filter((u) => contacts.has(u.role) &&
      (u.agents ?? []).some((a) => leavers.has(a.sourcedId)));
    assert.ok(theirs.length > 0, 'the leavers had guardians');
    for (const old of theirs) {
      const now = await get(`/users/${old.sourcedId}`);
      assert.equal(now.status, 200);
      const g = now.json.user;
      const left = (old.agents ?? []).filter((a) => !leavers.has(a.sourcedId));
      if (left.length === 0) {
        assert.equal(g.status, 'tobedeleted', `${g.sourcedId} has no pupil left`);
        assert.ok(report.users.tombstoned.includes(g.sourcedId));
      } else {
        assert.equal(g.status, 'active');
        assert.deepEqual(g.agents.map((a) => a.sourcedId), left.map((a) => a.sourcedId));
        assert.ok(report.users.changed.includes(g.sourcedId), `${g.sourcedId} is in the delta`);
      }
    }
    // No active user anywhere in the school still points at a leaver.
    for (const u of await all(get, 'users')) {
      for (const a of u.agents ?? []) assert.ok(!leavers.has(a.sourcedId), `${u.sourcedId} -> ${a.sourcedId}`);
    }
  });

  test('renamed pupils keep their identity; joiners are placed in their classmates\' classes', async () => {
    const before = new Map(snapshot.users.map((u) => [u.sourcedId, u]));
    const changed = await all(get, `users?${q(`dateLastModified>'${before_}' AND status='active'`)}`, 'users');
    const renamed = changed.filter((u) => before.has(u.sourcedId) && u.role === 'student');
    assert.ok(renamed.length > 0);
    for (const u of renamed) {
      const old = before.get(u.sourcedId);
      assert.notEqual(u.familyName, old.familyName);
      assert.equal(u.identifier, old.identifier);
      assert.equal(u.metadata['uk.upn'], old.metadata['uk.upn']);
    }
    const joiners = changed.filter((u) => !before.has(u.sourcedId));
    assert.ok(joiners.every((j) => j.role === 'student'));
    assert.ok(joiners.length > 0);
    for (const j of joiners) {
      assert.equal(j.role, 'student');
      const classes = await all(get, `students/${j.sourcedId}/classes`, 'classes');
      assert.ok(classes.length > 0, 'a joiner is in classes');
      const upns = snapshot.users.map((u) => u.metadata?.['uk.upn']).filter(Boolean);
      assert.ok(!upns.includes(j.metadata['uk.upn']), 'a joiner has a new UPN');
    }
  });

  test('a churn of the other school shows only in that school\'s delta', async () => {
    const other = getter(server, await schoolToken(server, 0));
    const millbrook = server.demo.sites[0].organisation_id;
    const theirs = JSON.parse((await cliOk(server, ['demo', 'churn', '--seed', '12'])).stdout);
    assert.ok(theirs.schools.some((s) => s.organisationId === millbrook));
    // Ashcombe's earlier delta is unaffected by Millbrook's reads; Millbrook's own delta since
    // before the second churn holds only Millbrook's ids.
    const mine = await all(other, `users?${q(`dateLastModified>'${before_}'`)}`, 'users');
    const ashcombeIds = new Set(snapshot.users.map((u) => u.sourcedId));
    assert.ok(mine.length > 0);
    assert.ok(mine.every((u) => !ashcombeIds.has(u.sourcedId)));
  });
});
