// Build step of the stacks library (after tsc): replaces lib/aws/sdk.js, which re-exports parts
// of the AWS SDK, with a bundle of exactly those parts, so the published package needs no SDK
// package installed (see src/aws/sdk.ts). Writes lib/THIRD_PARTY_LICENSES for what it bundles.
import { buildSync } from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const { metafile } = buildSync({
  entryPoints: [path.join(root, 'src', 'aws', 'sdk.ts')],
  outfile: path.join(root, 'lib', 'aws', 'sdk.js'),
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
if (packages.size === 0) throw new Error('the bundle holds no package: is src/aws/sdk.ts importing the SDK?');

const sorted = [...packages.values()].sort((a, b) => a.name.localeCompare(b.name));
const sections = sorted.map((p) => [`** ${p.name}@${p.version} - ${p.license}`, p.text ?? '(no license file in the package; its license is the one named above)'].join('\n\n'));
fs.writeFileSync(path.join(root, 'lib', 'THIRD_PARTY_LICENSES'), [
  'The file lib/aws/sdk.js of bottlerocket-eks-stacks bundles the following packages.',
  '',
  sections.join('\n\n----------------\n\n'),
  '',
].join('\n'));
console.log(`bundled ${packages.size} packages into lib/aws/sdk.js (${(fs.statSync(path.join(root, 'lib', 'aws', 'sdk.js')).size / 1e6).toFixed(2)} MB)`);
