#!/usr/bin/env node
import { Settings } from 'bottlerocket-eks-config';
import { CommandIo, UsageError } from './commands/io';
import { assemblyTemplatesCommand } from './commands/assembly-templates';
import { templatesCommand } from './commands/templates';
import { USAGE } from './commands/usage';
import { SettingsFileError } from './settings-file';

/** Runs the command line; resolves to the exit code (0 ok, 1 refused or failed, 2 usage). */
export async function main(argv: string[], io: CommandIo = { out: process.stdout, err: process.stderr, env: process.env }): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'templates':
        return templatesCommand(rest, io);
      case 'templates-from':
        return assemblyTemplatesCommand(rest, io);
      case 'preflight':
        // Loaded on demand: only this command needs the AWS SDK.
        return await (await import('./commands/preflight')).preflightCommand(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out.write(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`Unknown command "${command}".`);
    }
  } catch (error) {
    // User errors get their message alone, no stack trace.
    if (error instanceof UsageError || (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS_')) {
      io.err.write(`${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    if (Settings.isSettingsError(error) || error instanceof SettingsFileError) {
      io.err.write(`${(error as Error).message}\n`);
      return 1;
    }
    throw error;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
}
