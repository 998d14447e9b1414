import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { StackKind, templateFileName } from 'bottlerocket-eks-config';
import { CommandIo } from '../process/io';
import { usageError } from '../process/user-errors';
import { plainTemplates } from '../synth/plain-templates';
import { toYaml } from '../synth/yaml-template';

/** `bottlerocket-eks templates <dir> [--check]`. */
export function templatesCommand(args: string[], io: CommandIo): number {
  const { values, positionals } = parseArgs({ args, options: { check: { type: 'boolean' } }, allowPositionals: true });
  const [dir, ...extra] = positionals;
  if (!dir || extra.length > 0) throw usageError('templates: expected exactly one <dir>.');
  const stale: string[] = [];
  for (const [kind, template] of Object.entries(plainTemplates())) {
    const file = path.join(dir, templateFileName(kind as StackKind));
    const yaml = toYaml(template);
    if (values.check) {
      if (!fs.existsSync(file) || fs.readFileSync(file, 'utf-8') !== yaml) stale.push(file);
    } else {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(file, yaml);
      io.out.write(`wrote ${file}\n`);
    }
  }
  if (stale.length > 0) {
    io.err.write(`Out of date: ${stale.join(', ')}. Run \`npx projen templates\` and commit the result.\n`);
    return 1;
  }
  return 0;
}
