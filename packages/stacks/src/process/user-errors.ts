// How a process of the library (the `bottlerocket-eks` command, a team's synth) ends on a user
// error: the message alone on one line and an exit code, where a bug keeps its stack trace.
import { isSettingsError } from 'bottlerocket-eks-config';

/** The `name` of an error about a command line (unknown flag, missing argument): exit code 2. */
export const USAGE_ERROR_NAME = 'BottlerocketEksUsageError';

/** A command-line error: printed with the command's usage, exit code 2. */
export function usageError(message: string): Error {
  return Object.assign(new Error(message), { name: USAGE_ERROR_NAME });
}

export function isUsageError(error: unknown): error is Error {
  return error instanceof Error && error.name === USAGE_ERROR_NAME;
}

/** The exit code of a user error (1 for settings, 2 for usage), or undefined for anything else: a bug. */
export function userErrorExitCode(error: unknown): number | undefined {
  if (isSettingsError(error)) return 1;
  if (isUsageError(error)) return 2;
  return undefined;
}

/**
 * Runs `body` as the top of a process: a user error prints its message on stderr, alone on
 * one line, and exits with its code; any other error is thrown on (a bug: its stack helps).
 */
export function exitOnUserError<T>(body: () => T): T {
  try {
    return body();
  } catch (error) {
    const code = userErrorExitCode(error);
    if (code === undefined) throw error;
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(code);
  }
}
