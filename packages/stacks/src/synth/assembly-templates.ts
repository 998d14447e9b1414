import * as fs from 'fs';
import * as path from 'path';
import { templateFileName } from 'bottlerocket-eks-config';
import { readAssembly } from './assembly';
import { toYaml } from './yaml-template';
import { CommandIo } from '../process/io';
import { usageError } from '../process/user-errors';

/**
 * Writes each stack of the cloud assembly in `assembly` as `<dir>/<kind>.yaml`, the reviewed
 * copy of what a deploy sends; 1 when it holds none. Each file is replaced whole (written
 * aside, then renamed), so a reader never sees half a template. Each file written is said on
 * stderr: a task that synthesizes first (`status -- --json`) keeps stdout for its command.
 */
export function writeAssemblyTemplates(assembly: string, dir: string, io: CommandIo): number {
  const stacks = readAssembly(assembly);
  if (!stacks) throw usageError(`templates-from: ${path.join(assembly, 'manifest.json')} not found; run cdk synth first.`);
  if (stacks.length === 0) {
    io.err.write(`templates-from: no bottlerocket-eks stack in ${assembly}.\n`);
    return 1;
  }
  fs.mkdirSync(dir, { recursive: true });
  for (const stack of stacks) {
    const file = path.join(dir, templateFileName(stack.kind));
    fs.writeFileSync(`${file}.tmp`, toYaml(stack.template));
    fs.renameSync(`${file}.tmp`, file);
    io.err.write(`wrote ${file}\n`);
  }
  return 0;
}
