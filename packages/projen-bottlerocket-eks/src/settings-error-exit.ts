import { isSettingsError } from 'bottlerocket-eks-config';

/**
 * Runs `body` at the top of a projen CLI run: a settings error (the user's mistake in an
 * option) prints its message alone on one line on stderr and exits 1, where projen would
 * print a stack trace; any other error is thrown on (a bug: its stack helps).
 */
export function exitOnSettingsError<T>(body: () => T): T {
  try {
    return body();
  } catch (error) {
    if (!isSettingsError(error)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
