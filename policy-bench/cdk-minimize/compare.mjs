// Compares policysmith's canonical merge with AWS CDK's PolicyDocument minimize (a syntactic merge
// of statements that differ in one of actions, resources or principals) on corpus groups, printing
// statement counts and minified sizes per group. Usage: node compare.mjs JAR CORPUS [GROUP_SIZE]
import { readFileSync, readdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';

const [jar, corpus, groupSize = '50'] = process.argv.slice(2);
const size = Number(groupSize);
const work = mkdtempSync(join(tmpdir(), 'cdk-minimize-'));

function statementsOf(file) {
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  const list = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
  return list.map(s => { const c = { ...s }; delete c.Sid; return c; });
}

function cdkMinimize(statements) {
  const doc = new iam.PolicyDocument({ minimize: true });
  for (const s of statements) doc.addStatements(iam.PolicyStatement.fromJson(s));
  return new Stack(new App()).resolve(doc);
}

function policysmithMerge(statements, name) {
  const file = join(work, name + '.json');
  writeFileSync(file, JSON.stringify({ Version: '2012-10-17', Statement: statements }));
  return JSON.parse(execFileSync('java', ['-jar', jar, 'canonicalize', file], { encoding: 'utf8', maxBuffer: 1 << 28 }));
}

const chars = doc => JSON.stringify(doc).length;
const folders = ['managed', 'keypolicies'];
let worse = 0;
console.log('group\tstatements\tcdk statements\tpolicysmith statements\tcdk chars\tpolicysmith chars');
for (const folder of folders) {
  const files = readdirSync(join(corpus, folder)).filter(f => f.endsWith('.json')).sort();
  const step = folder === 'keypolicies' ? files.length : size;
  for (let i = 0; i < files.length; i += step) {
    const group = files.slice(i, i + step);
    const statements = group.flatMap(f => statementsOf(join(corpus, folder, f)));
    const cdk = cdkMinimize(statements);
    const ours = policysmithMerge(statements, `${folder}-${i}`);
    const row = [`${folder} ${i + 1}-${i + group.length}`, statements.length, cdk.Statement.length,
      ours.Statement.length, chars(cdk), chars(ours)];
    if (ours.Statement.length > cdk.Statement.length || chars(ours) > chars(cdk)) worse++;
    console.log(row.join('\t'));
  }
}
console.log(`groups where policysmith is larger: ${worse}`);
