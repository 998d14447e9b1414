// What every command that calls AWS shares: the flags of its limits, and how it ends when a call fails.
import { AWS_LIMIT_FLAGS, awsCallOf, AwsLimitError, AwsLimits, DEBUG_ENV, resolveAwsLimits } from '../aws/clients';
import { classifyAwsError } from '../preflight/aws-errors';
import { formatFailure, ReportFormat } from '../preflight/report';
import type { DeployCheck } from '../preflight/runner';
import { CommandIo } from '../process/io';
import { usageError } from '../process/user-errors';

/** The `parseArgs` options of the AWS limits every command that calls AWS takes (`--connect-timeout`, ...). */
export const AWS_LIMIT_OPTIONS = Object.fromEntries(Object.values(AWS_LIMIT_FLAGS).map((flag) => [flag, { type: 'string' as const }]));

/** The limits of a command's flags (else the environment, else the defaults); a bad value is a usage error of `command`. */
export function awsLimitsOf(command: string, values: Record<string, unknown>, env: NodeJS.ProcessEnv): AwsLimits {
  const flag = (key: keyof AwsLimits) => values[AWS_LIMIT_FLAGS[key]] as string | undefined;
  try {
    return resolveAwsLimits({
      connectTimeout: flag('connectTimeout'), requestTimeout: flag('requestTimeout'), maxAttempts: flag('maxAttempts'), deadline: flag('deadline'),
    }, env);
  } catch (error) {
    if (error instanceof AwsLimitError) throw usageError(`${command}: ${error.message}`);
    throw error;
  }
}

/**
 * How a command ends on a finding that stops it or a failed AWS call: one line saying what failed
 * and what to do (as JSON on stdout with `json` format), with `--debug` the call and its stack
 * trace too; exit 1. Anything else is rethrown (the dispatcher reports it).
 */
export function failedCommandExit(error: unknown, io: CommandIo, format: ReportFormat, command: string, check?: DeployCheck): number {
  const failure = classifyAwsError(error);
  if (!failure) throw error;
  (format === 'json' ? io.out : io.err).write(formatFailure(failure, format, check, command));
  if (failure !== error && ['1', 'true'].includes(io.env[DEBUG_ENV] ?? '')) io.err.write(debugDetails(error));
  return 1;
}

/** With --debug: the failed call, the SDK's metadata and the stack trace of its error. */
function debugDetails(error: unknown): string {
  const e = error as Error & { $metadata?: unknown; code?: string };
  const call = awsCallOf(error);
  return [
    'debug:',
    ...(call ? [`  call       ${JSON.stringify({ ...call, limits: undefined })}`] : []),
    `  metadata   ${JSON.stringify(e.$metadata ?? {})}${e.code ? ` code ${e.code}` : ''}`,
    e.stack ?? String(error),
    '',
  ].join('\n');
}
