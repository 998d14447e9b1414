// Maintainers: rewrites src/ci-roles/handler-permissions.ts from a folder of CloudFormation
// resource provider schemas (one JSON file per resource type, as published in the
// aws-cloudformation resource provider repositories or CloudFormation's schema download) and a
// SOURCES.json in it: [{ typeName, repository, path, commit }]. Needs no AWS account.
import * as fs from 'fs';
import * as path from 'path';
import { handlerPermissionsModule, ProviderSchema, SchemaSource } from '../src/maintenance/handler-permissions';

const folder = process.argv[2];
if (!folder) {
  console.error('usage: npx projen refresh-handler-permissions <folder of schema JSON files with SOURCES.json>');
  process.exit(2);
}
const files = fs.readdirSync(folder).filter((f) => f.endsWith('.json') && f !== 'SOURCES.json');
const schemas: ProviderSchema[] = files.map((f) => JSON.parse(fs.readFileSync(path.join(folder, f), 'utf-8')));
const sources: SchemaSource[] = JSON.parse(fs.readFileSync(path.join(folder, 'SOURCES.json'), 'utf-8'));
const out = path.join(__dirname, '..', 'src', 'ci-roles', 'handler-permissions.ts');
fs.writeFileSync(out, handlerPermissionsModule(schemas, sources, new Date().toISOString().slice(0, 10)));
console.log(`${path.relative(process.cwd(), out)}: ${schemas.map((s) => s.typeName).sort().join(', ')}`);
