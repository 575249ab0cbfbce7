// Shared by the OneRoster suites: school tokens the way stock OneRoster consumers get them
// (HTTP Basic, grant_type only), a small GET helper, the official 1.1 OpenAPI description
// as a JSON-schema validator, and the ids of one school's records for filling path
// templates.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { basic, http, postForm } from './harness.mjs';

export const BASE = '/ims/oneroster/v1p1';
export const SCOPE = 'https://purl.imsglobal.org/spec/or/v1p1/scope/';

const here = path.dirname(fileURLToPath(import.meta.url));
// The official 1.1 description: MUSTER_ONEROSTER_OPENAPI, else ../shared/openapi beside the
// repository (the project's reference material). A checkout without that folder validates
// against Muster's own document instead (src/oneroster/oneroster_openapi.json), which
// scripts/oneroster_openapi.py builds from the official file keeping its schemas, and says so.
const OFFICIAL = path.resolve(here, '../../../../shared/openapi/oneroster-v1p1.json');
const OWN = path.resolve(here, '../../../src/oneroster/oneroster_openapi.json');
export const SPEC_PATH = process.env.MUSTER_ONEROSTER_OPENAPI || (fs.existsSync(OFFICIAL) ? OFFICIAL : OWN);
if (SPEC_PATH === OWN) {
  console.log(`note: ${OFFICIAL} is absent; validating against ${OWN} (derived from it)`);
}

// Muster's own served document (src/oneroster/oneroster_openapi.json), validated against too.
export function loadOwnSpec() {
  return JSON.parse(fs.readFileSync(OWN, 'utf8'));
}

// A template with its parameter names blanked, to match operations across documents.
export const shapeOf = (template) => template.replace(/\{\w+\}/g, '{}');

export function loadSpec() {
  assert.ok(fs.existsSync(SPEC_PATH), `the OneRoster 1.1 OpenAPI description is needed at ${SPEC_PATH}`);
  return JSON.parse(fs.readFileSync(SPEC_PATH, 'utf8'));
}

const GRADEBOOK = /^\/(categories|lineItems|results)\b|\/(lineItems|results)\b/;

// The 45 rostering and resources GET operations of the description, in its order. Paths are
// taken relative to the OneRoster base whether the document puts it in `servers` (the
// official file) or in the paths (Muster's).
export function rosterOperations(spec) {
  const ops = [];
  for (const [fullPath, item] of Object.entries(spec.paths)) {
    const template = fullPath.startsWith(BASE) ? fullPath.slice(BASE.length) : fullPath;
    if (!item.get || GRADEBOOK.test(template) || !template.startsWith('/')) continue;
    if (!item.get.responses?.['200']?.content?.['application/json']) continue;
    const params = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    const schemaRef = item.get.responses['200'].content['application/json'].schema.$ref;
    ops.push({ template, operationId: item.get.operationId, params, schemaRef, single: template.endsWith('}') });
  }
  return ops;
}

// Ajv over the official schemas, with two documented adjustments (oneroster.md §1.8, §2.1):
//  - Muster emits 1.1 booleans as the strings "true"/"false" (what ClassLink, Microsoft's
//    reference provider and the LongsightGroup parser use, and what 1.2 standardised), where
//    the 1.1 description types them boolean: every such property must be exactly one of those;
//  - imsx_codeMinorFieldValue also takes the 1.2 codes the 1.1 list lacks (the 1.1 list is a
//    generated one without invalid_filter_field, forbidden, server_busy and
//    internal_server_error, which the 1.1 errors table itself uses).
export const CODE_MINOR_1P2 = ['invalid_filter_field', 'forbidden', 'server_busy', 'internal_server_error'];

export function makeValidator(spec) {
  const doc = structuredClone(spec);
  doc.components.schemas['imsx_CodeMinorField.Type'].properties.imsx_codeMinorFieldValue.enum.push(...CODE_MINOR_1P2);
  const walk = (node) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    if (node.type === 'boolean') {
      node.type = 'string';
      node.enum = ['true', 'false'];
    }
    for (const v of Object.values(node)) walk(v);
  };
  walk(doc.components.schemas);
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'oneroster.json', components: doc.components });
  const cache = new Map();
  return (ref, value) => {
    if (!cache.has(ref)) cache.set(ref, ajv.compile({ $ref: `oneroster.json${ref}` }));
    const validate = cache.get(ref);
    const ok = validate(value);
    return ok ? null : ajv.errorsText(validate.errors, { separator: '\n' });
  };
}

// A school's OneRoster token as stock consumers ask for it: HTTP Basic, grant_type only (the
// client's one organisation is implied). `scope` narrows the grant.
export async function schoolToken(server, siteIndex, scope) {
  const c = server.demo.sites[siteIndex].clients.find((x) => x.kind === 'oneroster');
  const fields = { grant_type: 'client_credentials' };
  if (scope) fields.scope = scope;
  const r = await postForm(server.tokenEndpoint, fields, { auth: basic(c.client_id, c.client_secret) });
  assert.equal(r.status, 200, `token for site ${siteIndex}: ${r.status} ${r.text}`);
  return r.json.access_token;
}

export function getter(server, token) {
  return async (p, headers = {}) => {
    const r = await http(`${server.url}${BASE}${p}`, { headers: { authorization: `Bearer ${token}`, ...headers } });
    return r;
  };
}

// Every record of a collection (limit=10000 pages, following X-Total-Count).
export async function all(get, collection, key = collection.split('?')[0].replace(/^\//, '')) {
  const out = [];
  const sep = collection.includes('?') ? '&' : '?';
  for (let offset = 0; ; offset += 10000) {
    const r = await get(`/${collection.replace(/^\//, '')}${sep}limit=10000&offset=${offset}`);
    assert.equal(r.status, 200, `${collection}: ${r.status} ${r.text.slice(0, 300)}`);
    out.push(...r.json[key]);
    if (out.length >= Number(r.headers.get('x-total-count'))) return out;
  }
}

// Ids of one school's records, chosen so every nested collection under them is non-empty.
export async function schoolIds(get) {
  const school = (await all(get, 'schools', 'orgs'))[0];
  const classes = await all(get, 'classes');
  const klass = classes.find((c) => c.classType === 'scheduled' && c.resources && c.resources.length > 0) ||
    classes.find((c) => c.classType === 'scheduled');
  assert.ok(klass, 'a teaching class');
  const course = klass.course.sourcedId;
  const enrollments = (await get(`/enrollments?limit=10000&filter=${encodeURIComponent(`class.sourcedId='${klass.sourcedId}'`)}`)).json.enrollments;
  const student = enrollments.find((e) => e.role === 'student').user.sourcedId;
  const teacher = enrollments.find((e) => e.role === 'teacher').user.sourcedId;
  const term = klass.terms[0].sourcedId;
  const gradingPeriod = (await get(`/terms/${term}/gradingPeriods`)).json.academicSessions[0].sourcedId;
  const session = (await get('/academicSessions?limit=1')).json.academicSessions[0].sourcedId;
  const resource = (await get('/resources?limit=1')).json.resources[0]?.sourcedId;
  return {
    school: school.sourcedId,
    klass: klass.sourcedId,
    course,
    student,
    teacher,
    term,
    gradingPeriod,
    session,
    resource,
    enrollment: enrollments[0].sourcedId,
    classHasResources: (klass.resources || []).length > 0,
  };
}

// The URL of an operation with a school's ids in its path: each {param} is an id of the kind
// the segment before it names (whatever the document calls the parameter).
export function fill(op, ids) {
  const byCollection = {
    academicSessions: ids.session,
    classes: ids.klass,
    courses: ids.course,
    demographics: ids.student,
    enrollments: ids.enrollment,
    gradingPeriods: ids.gradingPeriod,
    orgs: ids.school,
    resources: ids.resource,
    schools: ids.school,
    students: ids.student,
    teachers: ids.teacher,
    terms: ids.term,
    users: ids.student,
  };
  const segments = op.template.split('/');
  return segments
    .map((seg, i) => {
      if (!seg.startsWith('{')) return seg;
      const id = byCollection[segments[i - 1]];
      assert.ok(id, `no id for ${seg} after /${segments[i - 1]} in ${op.template}`);
      return id;
    })
    .join('/');
}

// The envelope key of an operation's 200 body, from its schema name ("Users.Type" → users).
export function envelopeKey(spec, op) {
  const name = op.schemaRef.split('/').pop();
  // Muster's own document also lists the 1.1 statusInfoSet (warnings) beside the data.
  const props = Object.keys(spec.components.schemas[name].properties).filter((p) => p !== 'statusInfoSet');
  assert.equal(props.length, 1, `${name} has one envelope member`);
  return props[0];
}

export const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
