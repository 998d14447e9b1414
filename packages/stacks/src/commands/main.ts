import { assemblyTemplatesCommand } from './assembly-templates';
import { templatesCommand } from './templates';
import { COMMAND_HELP, commandUsage, USAGE } from './usage';
import { DEBUG_ENV } from '../aws/env-names';
import { CommandIo } from '../process/io';
import { isUsageError, usageError, userErrorExitCode } from '../process/user-errors';

/** The Node majors the command supports. */
const SUPPORTED_NODE = [22, 24];

/** When the Node majors before those supported left support. */
const END_OF_LIFE: Record<number, string> = { 18: 'April 2025', 20: 'April 2026' };

/** The SDK's own switch for its eight-line NodeVersionSupportWarning, which the command replaces with one line. */
const SDK_NODE_WARNING_OFF = 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED';

/**
 * On a Node older than those supported, the one line that says so (and turns the AWS SDK's
 * warning off); undefined otherwise, or when the environment already turned the SDK's warning off.
 */
export function nodeVersionNotice(version: string = process.version, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const major = Number(/^v?(\d+)\./.exec(version)?.[1]);
  if (!(major < SUPPORTED_NODE[0]) || env[SDK_NODE_WARNING_OFF] === 'true') return undefined;
  env[SDK_NODE_WARNING_OFF] = 'true';
  const ended = END_OF_LIFE[major] ? ` (since ${END_OF_LIFE[major]})` : '';
  return `Note: Node ${version.replace(/^v/, '')} is past its end of life${ended}; bottlerocket-eks supports Node `
    + `${SUPPORTED_NODE.join(' and ')}: please upgrade (for example \`nvm install ${SUPPORTED_NODE[SUPPORTED_NODE.length - 1]}\`).\n`;
}

/** Runs the command line; resolves to the exit code (0 ok, 1 refused or failed, 2 usage). */
export async function main(args: string[], io: CommandIo = { out: process.stdout, err: process.stderr, env: process.env }): Promise<number> {
  // --debug goes with any command: the stack trace of an unexpected error.
  const debug = args.includes('--debug') || ['1', 'true'].includes(io.env[DEBUG_ENV] ?? '');
  // `--` is dropped: task runners pass it on (`npx projen status -- --json`), and no command takes
  // an argument that starts with `-`.
  const argv = args.filter((arg) => arg !== '--debug' && arg !== '--');
  if (debug) io = { ...io, env: { ...io.env, [DEBUG_ENV]: '1' } }; // what the commands read
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
        // Loaded on demand: only the commands that call AWS need the AWS SDK.
        return await (await import('./preflight')).preflightCommand(rest, io);
      case 'status':
        return await (await import('./status')).statusCommand(rest, io);
      case 'upgrade':
        return await (await import('./upgrade')).upgradeCommand(rest, io);
      case 'cost':
        return await (await import('./cost')).costCommand(rest, io);
      case 'releases':
        return await (await import('./releases')).releasesCommand(rest, io);
      case 'unprotect':
        return await (await import('./unprotect')).unprotectCommand(rest, io);
      default:
        throw usageError(`Unknown command "${command}".`);
    }
  } catch (error) {
    // User errors get their message alone, no stack trace; a wrong usage also gets the help.
    const parseError = (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS_');
    const code = parseError ? 2 : userErrorExitCode(error);
    if (code === undefined) return unexpected(error, command, io, debug);
    const help = command in COMMAND_HELP ? commandUsage(command) : USAGE;
    io.err.write(`${(error as Error).message}\n${isUsageError(error) || parseError ? `\n${help}` : ''}`);
    return code;
  }
}

/**
 * An error that is no finding and no wrong usage, as one line: a failed AWS call as
 * `Preflight failed (CODE): ...` with its fix, anything else with its name and message; the
 * stack trace only with --debug.
 */
async function unexpected(error: unknown, command: string, io: CommandIo, debug: boolean): Promise<number> {
  // Loaded on demand: only an AWS error needs its classifier (and the help no AWS SDK).
  const { classifyAwsError } = await import('../preflight/aws-errors');
  const failure = classifyAwsError(error);
  if (failure) {
    const { formatFailure } = await import('../preflight/report');
    io.err.write(formatFailure(failure, 'text'));
  } else {
    const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) };
    io.err.write(`bottlerocket-eks ${command}: unexpected error: ${name}: ${message.split('\n')[0]}\n`
      + (debug ? '' : `  run with --debug (or ${DEBUG_ENV}=1) for details\n`));
  }
  if (debug && error instanceof Error && error.stack) io.err.write(`${error.stack}\n`);
  return 1;
}
