// Build step of the stacks library (after tsc): replaces lib/aws/sdk.js, which re-exports parts
// of the AWS SDK, with a bundle of exactly those parts, so the published package needs no SDK
// package installed (see src/aws/sdk.ts); likewise lib/upgrade/typescript-parser.js, the parser
// `upgrade --apply` reads .projenrc.ts with. Writes lib/THIRD_PARTY_LICENSES for what it bundles.
import { buildSync } from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Each bundle: the module of src/ that re-exports what the library uses of a package, and its file in lib/. */
const BUNDLES = [
  { in: path.join(root, 'src', 'aws', 'sdk.ts'), out: 'aws/sdk' },
  { in: path.join(root, 'src', 'upgrade', 'typescript-parser.ts'), out: 'upgrade/typescript-parser' },
];

const { metafile } = buildSync({
  entryPoints: BUNDLES,
  outdir: path.join(root, 'lib'),
  allowOverwrite: true,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // The SDK's ES modules: esbuild drops the commands and serializers nobody imports.
  mainFields: ['module', 'main'],
  metafile: true,
  logLevel: 'warning',
});

/** The package of a bundled file (`node_modules/@scope/name/...` or `node_modules/name/...`), by its folder. */
function packageDir(file) {
  const parts = file.split('/');
  const at = parts.lastIndexOf('node_modules');
  if (at < 0) return undefined;
  const length = parts[at + 1].startsWith('@') ? 2 : 1;
  return parts.slice(0, at + 1 + length).join('/');
}

const packages = new Map();
for (const input of Object.keys(metafile.inputs)) {
  const dir = packageDir(input);
  if (!dir || packages.has(dir)) continue;
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf-8'));
  const licenseFile = fs.readdirSync(dir).find((name) => /^(licen[cs]e|notice)(\.(md|txt))?$/i.test(name));
  packages.set(dir, {
    name: manifest.name,
    version: manifest.version,
    license: manifest.license ?? 'see its package',
    text: licenseFile ? fs.readFileSync(path.join(dir, licenseFile), 'utf-8').trim() : undefined,
  });
}
if (packages.size === 0) throw new Error('the bundles hold no package: do src/aws/sdk.ts and src/upgrade/typescript-parser.ts re-export their packages?');

const sorted = [...packages.values()].sort((a, b) => a.name.localeCompare(b.name));
const sections = sorted.map((p) => [`** ${p.name}@${p.version} - ${p.license}`, p.text ?? '(no license file in the package; its license is the one named above)'].join('\n\n'));
fs.writeFileSync(path.join(root, 'lib', 'THIRD_PARTY_LICENSES'), [
  `The files ${BUNDLES.map((b) => `lib/${b.out}.js`).join(' and ')} of bottlerocket-eks-stacks bundle the following packages.`,
  '',
  sections.join('\n\n----------------\n\n'),
  '',
].join('\n'));
const sizes = BUNDLES.map((b) => `lib/${b.out}.js ${(fs.statSync(path.join(root, 'lib', `${b.out}.js`)).size / 1e6).toFixed(2)} MB`);
console.log(`bundled ${packages.size} packages into ${sizes.join(', ')}`);
