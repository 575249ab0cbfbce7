#!/usr/bin/env node
// Writes the Postman environment for muster.postman_collection.json from the muster-demo.json
// that `muster serve --demo` (or `make run`) writes into its data directory:
//
//   node docs/postman/environment.mjs muster-data/muster-demo.json > muster-demo.local.postman_environment.json
//
// then import that file in Postman (or pass it to `newman run -e`). It holds live secrets:
// keep it out of version control. With --no-secrets the secrets are left empty and base_url
// is http://127.0.0.1:8080 (the `make run` address): that is the committed
// muster-demo.postman_environment.json, which the integration test keeps in step with the demo.
//
// The same mapping is used by tests/integration/js/postman/newman.test.mjs. Node only, no
// packages.

import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

export const DEFAULT_BASE_URL = 'http://127.0.0.1:8080';
const ONEROSTER_CORE = 'https://purl.imsglobal.org/spec/or/v1p1/scope/roster-core.readonly';
const SECRETS = new Set(['client_secret', 'subscription_key', 'vendor_client_secret']);

// The environment's variables, in the collection's order. Values set by the collection's
// test scripts start empty.
export function environmentFromDemo(demo, { secrets = true, baseUrl = demo.base_url } = {}) {
  const site = demo.sites[0];
  const dex = site.clients.find((c) => c.kind === 'dex');
  const vars = [
    // Seed 000, with the seed's variable names.
    ['base_url', baseUrl],
    ['client_id', dex.client_id],
    ['client_secret', dex.client_secret],
    ['scope', 'partnerserverapplication'],
    ['organisation_id', site.organisation_id],
    ['subscription_key', demo.vendor.subscription_key],
    ['token', ''],
    // Seed 001.
    ['vendor_client_id', demo.vendor.management_client.client_id],
    ['vendor_client_secret', demo.vendor.management_client.client_secret],
    ['vendor_scope', 'rapapi partner partner-read partner-write'],
    ['application_id', demo.application.id],
    ['oneroster_scope', `onerosterapi ${ONEROSTER_CORE}`],
    // Set by the test scripts as the walk-through goes.
    ['vendor_token', ''],
    ['site_organisation_id', ''],
    ['oneroster_client_id', ''],
    ['oneroster_client_secret', ''],
    ['school_token', ''],
  ];
  return {
    id: '0b5e8f6a-3c2d-4e1f-9a7b-6c5d4e3f2a10',
    name: 'Muster demo (muster serve --demo)',
    values: vars.map(([key, value]) => ({
      key,
      value: SECRETS.has(key) && !secrets ? '' : value,
      type: SECRETS.has(key) ? 'secret' : 'default',
      enabled: true,
    })),
    _postman_variable_scope: 'environment',
  };
}

function main(argv) {
  const args = argv.filter((a) => a !== '--no-secrets');
  if (args.length !== 1) {
    process.stderr.write('usage: node docs/postman/environment.mjs [--no-secrets] MUSTER-DEMO.json\n');
    return 2;
  }
  const demo = JSON.parse(fs.readFileSync(args[0], 'utf8'));
  const noSecrets = args.length !== argv.length;
  const env = environmentFromDemo(demo, noSecrets ? { secrets: false, baseUrl: DEFAULT_BASE_URL } : {});
  process.stdout.write(JSON.stringify(env, null, 2) + '\n');
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
