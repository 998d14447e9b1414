import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { usageError } from 'bottlerocket-eks-config';
import { toYaml } from '../yaml-template';
import { CommandIo } from './io';

/** The tag every stack of this library carries: its kind, which names its YAML file. */
const KIND_TAG = 'bottlerocket-eks:stack';

/**
 * `bottlerocket-eks templates-from <cdk.out> <dir>`: each stack of a synthesized cloud
 * assembly as `<dir>/<kind>.yaml`, the reviewed copy of what a deploy sends. Each file is
 * replaced whole (written aside, then renamed), so a reader never sees half a template.
 */
export function assemblyTemplatesCommand(args: string[], io: CommandIo): number {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true });
  const [assembly, dir, ...extra] = positionals;
  if (!assembly || !dir || extra.length > 0) throw usageError('templates-from: expected <cdk.out> <dir>.');
  const manifestFile = path.join(assembly, 'manifest.json');
  if (!fs.existsSync(manifestFile)) throw usageError(`templates-from: ${manifestFile} not found; run cdk synth first.`);
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf-8'));
  fs.mkdirSync(dir, { recursive: true });
  let written = 0;
  for (const artifact of Object.values<any>(manifest.artifacts ?? {})) {
    const kind = artifact.type === 'aws:cloudformation:stack' ? artifact.properties?.tags?.[KIND_TAG] : undefined;
    if (!kind) continue;
    const template = JSON.parse(fs.readFileSync(path.join(assembly, artifact.properties.templateFile), 'utf-8'));
    const file = path.join(dir, `${kind}.yaml`);
    fs.writeFileSync(`${file}.tmp`, toYaml(template));
    fs.renameSync(`${file}.tmp`, file);
    io.out.write(`wrote ${file}\n`);
    written++;
  }
  if (written === 0) {
    io.err.write(`templates-from: no bottlerocket-eks stack in ${assembly}.\n`);
    return 1;
  }
  return 0;
}
