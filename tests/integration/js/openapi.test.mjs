// The OpenAPI documents (product.md §8: every HTTP API is described at /openapi/{api}.json).
//
// 1. On disk: each source JSON file is a valid OpenAPI 3 document for
//    @apidevtools/swagger-parser (schema validation of the whole document, $refs resolved),
//    plus the checks that parser leaves out for OpenAPI 3: every {name} in a path template is
//    declared as a required path parameter and every declared path parameter is in the
//    template, operationIds are unique, and every security requirement names a defined scheme
//    (and, for OAuth 2.0, scopes that scheme defines). This covers documents whose routes
//    are not served yet.
// 2. Served: the running binary answers GET /openapi/{api}.json without credentials, as
//    cacheable JSON, byte for byte the source file (the embedded copy is current), and the
//    served document is valid too. Every documented operation is routed: called without
//    credentials it answers neither 404 nor 405.
// 3. The documents whose answers openapi_responses.test.mjs validates against the binary's
//    (DeX, provisioning) stay exact: every object schema is closed (`additionalProperties:
//    false`) with a `required` list, a nullable enum lists null (OpenAPI 3.0.3 §4.7.24.1), and
//    every response declares its body and the X-Request-Id header.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import SwaggerParser from '@apidevtools/swagger-parser';
import { http, startServer } from './harness.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

// API name (as in /openapi/{api}.json) → source file.
const DOCUMENTS = {
  sts: 'src/auth/sts_openapi.json',
  oneroster: 'src/oneroster/oneroster_openapi.json',
  dex: 'src/dex/dex_openapi.json',
  provisioning: 'src/provisioning/provisioning_openapi.json',
  partner: 'src/partner/partner_openapi.json',
};

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const GUID = '5C030578-1832-4C66-80C4-0E5DEB68D3FE';

const operations = (doc) =>
  Object.entries(doc.paths).flatMap(([p, item]) =>
    METHODS.filter((m) => item[m]).map((m) => ({ path: p, method: m, item, op: item[m] })),
  );

// Resolves a local "#/components/..." reference (one level is all these documents use).
function deref(doc, node) {
  if (!node || !node.$ref) return node;
  return node.$ref
    .slice(2)
    .split('/')
    .reduce((o, k) => o[k.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
}

// What swagger-parser does not check for OpenAPI 3; returns a list of problems.
function lint(doc) {
  const problems = [];
  const ids = new Map();
  const schemes = doc.components?.securitySchemes || {};
  for (const { path: p, method, item, op } of operations(doc)) {
    const where = `${method.toUpperCase()} ${p}`;
    const templated = [...p.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    const params = [...(item.parameters || []), ...(op.parameters || [])].map((x) => deref(doc, x));
    const declared = params.filter((x) => x.in === 'path');
    for (const name of templated) {
      const d = declared.find((x) => x.name === name);
      if (!d) problems.push(`${where}: path parameter {${name}} is not declared`);
      else if (d.required !== true) problems.push(`${where}: path parameter ${name} is not required: true`);
    }
    for (const d of declared) {
      if (!templated.includes(d.name)) problems.push(`${where}: path parameter ${d.name} is not in the template`);
    }
    if (!op.operationId) problems.push(`${where}: no operationId`);
    else if (ids.has(op.operationId)) problems.push(`${where}: operationId ${op.operationId} repeats ${ids.get(op.operationId)}`);
    else ids.set(op.operationId, where);
    if (!op.responses || !Object.keys(op.responses).some((s) => /^2/.test(s))) problems.push(`${where}: no 2xx response`);
    for (const requirement of op.security || doc.security || []) {
      for (const [name, scopes] of Object.entries(requirement)) {
        const scheme = schemes[name];
        if (!scheme) {
          problems.push(`${where}: security scheme ${name} is not defined`);
          continue;
        }
        if (scheme.type !== 'oauth2') continue;
        const known = Object.values(scheme.flows || {}).flatMap((f) => Object.keys(f.scopes || {}));
        for (const s of scopes) if (!known.includes(s)) problems.push(`${where}: scope ${s} is not defined by ${name}`);
      }
    }
  }
  return problems;
}

// Every schema object under `node` (the document's, responses' and parameters' alike).
function* schemasIn(node, where) {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; ++i) yield* schemasIn(node[i], `${where}/${i}`);
    return;
  }
  if (!node || typeof node !== 'object') return;
  if ('type' in node || 'properties' in node || 'oneOf' in node || 'enum' in node) yield [node, where];
  for (const [k, v] of Object.entries(node)) {
    if (k === 'example' || k === 'enum' || k === 'default') continue;
    yield* schemasIn(v, `${where}/${k}`);
  }
}

// What makes a document exact enough to validate answers against; returns a list of problems.
function lintExact(doc) {
  const problems = [];
  for (const [s, where] of schemasIn({ paths: doc.paths, components: doc.components }, '#')) {
    if (s.type === 'object' || s.properties) {
      if (s.additionalProperties !== false) problems.push(`${where}: an object schema without additionalProperties: false`);
      if (!Array.isArray(s.required)) problems.push(`${where}: an object schema without a required list`);
      for (const r of s.required || []) if (!(r in (s.properties || {}))) problems.push(`${where}: required ${r} is not a property`);
    }
    if (s.nullable === true && s.enum && !s.enum.includes(null)) problems.push(`${where}: nullable, but the enum has no null`);
  }
  for (const { path: p, method, op } of operations(doc)) {
    for (const [status, response] of Object.entries(op.responses)) {
      const r = deref(doc, response);
      const where = `${method.toUpperCase()} ${p} ${status}`;
      if (!r.content || Object.keys(r.content).length === 0) problems.push(`${where}: no body documented`);
      if (!r.headers?.['X-Request-Id']) problems.push(`${where}: X-Request-Id is not documented`);
    }
  }
  return problems;
}

async function assertValid(docOrPath, label) {
  // validate() dereferences in place: give it a copy of an object.
  const input = typeof docOrPath === 'string' ? docOrPath : structuredClone(docOrPath);
  try {
    const api = await SwaggerParser.validate(input);
    assert.match(api.openapi, /^3\.0\.\d+$/, `${label}: not an OpenAPI 3.0 document`);
  } catch (e) {
    assert.fail(`${label} is not a valid OpenAPI document:\n${e.message}`);
  }
}

// A concrete URL path for a template: GUIDs, or the parameter's example.
function concrete(doc, { path: p, item, op }) {
  const params = [...(item.parameters || []), ...(op.parameters || [])].map((x) => deref(doc, x));
  return p.replace(/\{([^}]+)\}/g, (_, name) => {
    const d = params.find((x) => x.in === 'path' && x.name === name);
    const example = d?.example ?? d?.schema?.example;
    return encodeURIComponent(example ?? GUID).replace(/%27/g, "'");
  });
}

describe('OpenAPI documents on disk', () => {
  for (const [api, file] of Object.entries(DOCUMENTS)) {
    test(`${file} is a valid OpenAPI 3.0 document`, async () => {
      const full = path.join(ROOT, file);
      assert.ok(fs.existsSync(full), `${file} is missing`);
      await assertValid(full, file);
      const doc = JSON.parse(fs.readFileSync(full, 'utf8'));
      assert.deepEqual(lint(doc), [], `${api}: problems`);
      assert.ok(operations(doc).length > 0, `${file} describes no operation`);
    });
  }

  for (const api of ['dex', 'provisioning']) {
    test(`${DOCUMENTS[api]} is exact: closed schemas, nullable enums with null, every body and X-Request-Id`, () => {
      const doc = JSON.parse(fs.readFileSync(path.join(ROOT, DOCUMENTS[api]), 'utf8'));
      assert.deepEqual(lintExact(doc), [], `${api}: problems`);
    });
  }

  test('the OneRoster document has the 45 read operations of oneroster.md §1.3-§1.4', () => {
    const doc = JSON.parse(fs.readFileSync(path.join(ROOT, DOCUMENTS.oneroster), 'utf8'));
    const ops = operations(doc);
    assert.equal(ops.length, 45);
    for (const { path: p, method, op } of ops) {
      assert.equal(method, 'get', p);
      assert.ok(p.startsWith('/ims/oneroster/v1p1/'), p);
      const single = p.endsWith('}');
      const names = (op.parameters || []).map((x) => deref(doc, x)).filter((x) => x.in === 'query').map((x) => x.name);
      assert.deepEqual(names, single ? ['fields'] : ['limit', 'offset', 'sort', 'orderBy', 'filter', 'fields'], p);
      const codes = Object.keys(op.responses);
      for (const c of ['200', '400', '401', '403', '429', '500']) assert.ok(codes.includes(c), `${p}: no ${c}`);
      if (single) assert.ok(codes.includes('404'), `${p}: no 404`);
      else assert.deepEqual(Object.keys(op.responses['200'].headers).sort(), ['Cache-Control', 'Link', 'X-Total-Count'], p);
      assert.match(op.security[0].sts[0], /^https:\/\/purl\.imsglobal\.org\/spec\/or\/v1p1\/scope\//, p);
    }
  });
});

describe('OpenAPI documents served by the binary', () => {
  let server;

  before(async () => {
    server = await startServer({ demo: false });
  });
  after(async () => {
    await server?.stop();
  });

  for (const [api, file] of Object.entries(DOCUMENTS)) {
    test(`GET /openapi/${api}.json serves ${file}, valid, and every operation in it is routed`, async () => {
      const r = await http(`${server.url}/openapi/${api}.json`);
      assert.equal(r.status, 200, `/openapi/${api}.json is not served (${r.status} ${r.text.slice(0, 200)})`);
      assert.match(r.headers.get('content-type') || '', /^application\/json\b/);
      assert.match(r.headers.get('cache-control') || '', /\bpublic\b/);
      assert.equal(r.text, fs.readFileSync(path.join(ROOT, file), 'utf8'), `the embedded ${api} document differs from ${file}: rebuild`);
      await assertValid(r.json, `/openapi/${api}.json`);

      const unrouted = [];
      for (const o of operations(r.json)) {
        const url = `${server.url}${concrete(r.json, o)}`;
        const res = await http(url, { method: o.method.toUpperCase() });
        if (res.status === 404 || res.status === 405) unrouted.push(`${o.method.toUpperCase()} ${o.path} → ${res.status}`);
      }
      assert.deepEqual(unrouted, [], `${api}: documented operations the server does not route`);
    });
  }
});
