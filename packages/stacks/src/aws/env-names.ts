// The environment variables of the `bottlerocket-eks` command, each named once (no AWS SDK here:
// the command's entry point and help load this module).

/** The limits of AWS calls (seconds; attempts), as the flags `--connect-timeout` ... give them. */
export const AWS_LIMIT_ENV = {
  connectTimeout: 'BOTTLEROCKET_EKS_CONNECT_TIMEOUT',
  requestTimeout: 'BOTTLEROCKET_EKS_REQUEST_TIMEOUT',
  maxAttempts: 'BOTTLEROCKET_EKS_MAX_ATTEMPTS',
  deadline: 'BOTTLEROCKET_EKS_DEADLINE',
} as const;

/** Set to 1 (or pass `--debug` to any command) for the details and stack trace of an error. */
export const DEBUG_ENV = 'BOTTLEROCKET_EKS_DEBUG';
