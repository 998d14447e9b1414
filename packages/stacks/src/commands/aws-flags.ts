import { AWS_LIMIT_FLAGS, AwsLimitError, AwsLimits, resolveAwsLimits } from '../aws/clients';
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
