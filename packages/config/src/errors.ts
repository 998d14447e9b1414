/**
 * User errors: mistakes the user fixes (a bad setting, a wrong flag, a missing settings
 * file), told apart from bugs by the error's `name`, so every entry point prints them as
 * one line with no stack trace. Names rather than classes, because the packages that throw
 * and the ones that catch may load different copies of this module.
 */

/** The `name` of an error about a setting or the settings file: exit code 1. */
export const SETTINGS_ERROR_NAME = 'BottlerocketEksSettingsError';
/** The `name` of an error about a command line (unknown flag, missing argument): exit code 2. */
export const USAGE_ERROR_NAME = 'BottlerocketEksUsageError';

/** The one-line message of a bad setting: `Invalid <option> <value>: expected <allowed>.` */
export function invalidSettingMessage(option: string, value: unknown, allowed: string): string {
  return `Invalid ${option} ${JSON.stringify(value)}: expected ${allowed}.`;
}

/** A settings error with the given message (for problems that are not one bad value, e.g. a missing settings file). */
export function settingsError(message: string): Error {
  return named(new Error(message), SETTINGS_ERROR_NAME);
}

/** Throws the settings error for one bad value (see `invalidSettingMessage`). */
export function fail(option: string, value: unknown, allowed: string): never {
  throw settingsError(invalidSettingMessage(option, value, allowed));
}

/** A command-line error: printed with the command's usage, exit code 2. */
export function usageError(message: string): Error {
  return named(new Error(message), USAGE_ERROR_NAME);
}

export function isSettingsError(error: unknown): error is Error {
  return error instanceof Error && error.name === SETTINGS_ERROR_NAME;
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

function named(error: Error, name: string): Error {
  error.name = name;
  return error;
}
