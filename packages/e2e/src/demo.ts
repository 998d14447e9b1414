#!/usr/bin/env node
import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT, run, scaffold } from './scaffold';
import { readWiring } from './wiring';

/**
 * The README's main job: scaffold a sample team repository (prefix `demo`) from the packed
 * packages, install it, synthesize its three stacks and show the export wiring. Needs no
 * AWS account. Usage: demo [dir] (default: ./demo at the repository root, replaced).
 */
function main(): void {
  const dir = path.resolve(process.argv[2] ?? path.join(REPO_ROOT, 'demo'));
  const started = Date.now();
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(`Scaffolding a team repository (prefix demo) into ${dir}`);
  scaffold({ dir, args: ['--pj-prefix', 'demo'] });
  run(dir, 'npx', ['projen', 'build']);
  const templates = path.join(dir, 'templates');
  const { wires, unresolved } = readWiring(templates);
  console.log(`\nTemplates: ${fs.readdirSync(templates).map((f) => path.join(templates, f)).join(', ')}`);
  console.log('\nExport wiring (export -> importing stacks):');
  for (const w of wires) {
    console.log(`  ${w.exportName.padEnd(42)} ${w.exportedBy} -> ${w.importedBy.length ? w.importedBy.join(', ') : '(not imported)'}`);
  }
  if (unresolved.length > 0) {
    console.error(`Unresolved imports: ${unresolved.map((u) => `${u.importName} in ${u.importedBy}`).join(', ')}`);
    process.exitCode = 1;
  }
  console.log(`\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s. Deploy with: cd ${dir} && npx projen deploy`);
}

main();
