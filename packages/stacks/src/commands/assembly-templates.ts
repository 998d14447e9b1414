import { parseArgs } from 'util';
import { CommandIo } from '../process/io';
import { usageError } from '../process/user-errors';
import { writeAssemblyTemplates } from '../synth/assembly-templates';

/** `bottlerocket-eks templates-from <cdk.out> <dir>`: each stack of a synthesized cloud assembly as `<dir>/<kind>.yaml`. */
export function assemblyTemplatesCommand(args: string[], io: CommandIo): number {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true });
  const [assembly, dir, ...extra] = positionals;
  if (!assembly || !dir || extra.length > 0) throw usageError('templates-from: expected <cdk.out> <dir>.');
  return writeAssemblyTemplates(assembly, dir, io);
}
