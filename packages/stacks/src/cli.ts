#!/usr/bin/env node
import { isUsageError, usageError, userErrorExitCode } from 'bottlerocket-eks-config';
import { assemblyTemplatesCommand } from './commands/assembly-templates';
import { CommandIo } from './commands/io';
import { templatesCommand } from './commands/templates';
import { COMMAND_HELP, commandUsage, USAGE } from './commands/usage';

/** Runs the command line; resolves to the exit code (0 ok, 1 refused or failed, 2 usage). */
export async function main(argv: string[], io: CommandIo = { out: process.stdout, err: process.stderr, env: process.env }): Promise<number> {
  const [command, ...rest] = argv;
  const wantsHelp = rest.includes('--help') || rest.includes('-h');
  try {
    if (command === undefined) {
      io.err.write(USAGE);
      return 2;
    }
    if (command === '--help' || command === '-h' || (command === 'help' && rest.length === 0)) {
      io.out.write(USAGE);
      return 0;
    }
    if (command === 'help' || (wantsHelp && command in COMMAND_HELP)) {
      const topic = command === 'help' ? rest[0] : command;
      if (!(topic in COMMAND_HELP)) throw usageError(`Unknown command "${topic}".`);
      io.out.write(commandUsage(topic));
      return 0;
    }
    switch (command) {
      case 'templates':
        return templatesCommand(rest, io);
      case 'templates-from':
        return assemblyTemplatesCommand(rest, io);
      case 'preflight':
        // Loaded on demand: only this command needs the AWS SDK.
        return await (await import('./commands/preflight')).preflightCommand(rest, io);
      default:
        throw usageError(`Unknown command "${command}".`);
    }
  } catch (error) {
    // User errors get their message alone, no stack trace; a wrong usage also gets the help.
    const parseError = (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS_');
    const code = parseError ? 2 : userErrorExitCode(error);
    if (code === undefined) throw error;
    const help = command in COMMAND_HELP ? commandUsage(command) : USAGE;
    io.err.write(`${(error as Error).message}\n${isUsageError(error) || parseError ? `\n${help}` : ''}`);
    return code;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
}
