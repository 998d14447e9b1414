import { PreflightError, PreflightErrorCode } from './errors';
import { AWS_LIMIT_ENV, AWS_LIMIT_FLAGS, AWS_SERVICES, AwsCall, awsCallOf, AwsClients, DEBUG_ENV } from '../aws/clients';

/** Error names AWS services use for throttling (the SDK retries them; these outlasted the retries). */
const THROTTLING = new Set([
  'Throttling', 'ThrottlingException', 'ThrottledException', 'RequestThrottledException', 'TooManyRequestsException',
  'ProvisionedThroughputExceededException', 'RequestLimitExceeded', 'BandwidthLimitExceeded', 'RequestThrottled', 'SlowDown',
  'EC2ThrottledException', 'PriorRequestNotComplete',
]);

/** Error names of a call the credentials may not make. */
const ACCESS_DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'UnauthorizedException', 'AuthorizationError', 'AuthFailure']);

/**
 * Whether AWS refused a call because the credentials may not make it. A check that can go on
 * without its call (it then warns which action would let it run) catches these, and only these:
 * a timeout, throttling or an answer that is not AWS's fails the preflight as any other call.
 */
export function isAccessDenied(error: unknown): boolean {
  return error instanceof Error && ACCESS_DENIED.has(error.name);
}

/** Error names of credentials that expired (after STS accepted them). */
const EXPIRED = new Set(['ExpiredToken', 'ExpiredTokenException', 'RequestExpired']);

/** Node's network error codes: the endpoint could not be reached, or dropped the connection. */
const NETWORK: Record<string, string> = {
  ENOTFOUND: 'the host name does not resolve',
  EAI_AGAIN: 'the host name could not be resolved now (DNS)',
  ECONNREFUSED: 'the connection was refused',
  ECONNRESET: 'the connection was reset',
  EPIPE: 'the connection was closed while sending',
  EHOSTUNREACH: 'no route to the host',
  ENETUNREACH: 'the network is unreachable',
};

const DEBUG_HINT = `run with --debug (or ${DEBUG_ENV}=1) for details`;

/** Whether an error came from an AWS call (a client of `AwsClients`, or any SDK error). */
export function isAwsError(error: unknown): boolean {
  return awsCallOf(error) !== undefined || (error instanceof Error && typeof (error as any).$metadata === 'object');
}

/**
 * The one place that turns a failed AWS call into the one-line `PreflightError` a user reads:
 * a timeout (service, endpoint, how long), throttling that outlasted the retries, a 5xx or an
 * answer that is not AWS's (status, content type, endpoint), access denied (the IAM action),
 * expired credentials, an endpoint that cannot be reached, and anything else as `AWS_ERROR`
 * (service, operation, HTTP status, request id). A `PreflightError` is returned as it is;
 * undefined when `error` is not of an AWS call.
 */
export function classifyAwsError(error: unknown): PreflightError | undefined {
  if (PreflightError.is(error)) return error;
  if (!isAwsError(error)) return undefined;
  const e = error as Error & { code?: string; $metadata?: { httpStatusCode?: number; requestId?: string; attempts?: number } };
  const call = awsCallOf(error);
  const service = call ? AWS_SERVICES[call.service].name : 'AWS';
  const operation = call?.operation || 'a call';
  const what = `${service} ${operation}`;
  // The call and where it went, e.g. `STS GetCallerIdentity at https://sts.eu-west-1.amazonaws.com`.
  const where = call ? `${what} at ${call.endpoint ?? 'its endpoint'}` : 'An AWS call';
  const endpoint = call?.endpoint ?? 'its endpoint';
  const action = call ? `${AWS_SERVICES[call.service].iam}:${call.operation}` : undefined;
  const attempts = e.$metadata?.attempts ?? 1;
  const seconds = call?.elapsedMs !== undefined ? `, ${(call.elapsedMs / 1000).toFixed(1)} s` : '';
  const tries = `(${attempts} attempt${attempts === 1 ? '' : 's'}${seconds})`;
  const status = e.$metadata?.httpStatusCode ?? call?.status;
  const requestId = e.$metadata?.requestId;
  // AWS's messages may end with a full stop; the line adds its own punctuation.
  const firstLine = (e.message ?? '').split('\n')[0].replace(/\.+$/, '');
  const name = e.name;
  const code = e.code ?? '';

  if (name === 'TimeoutError' || code === 'ETIMEDOUT') {
    const limits = call?.limits;
    const connect = /establish a connection/.test(e.message);
    const limit = limits ? (connect ? `${limits.connectTimeout} s` : `${limits.requestTimeout} s`) : 'the timeout';
    const how = connect ? `no connection within ${limit} per attempt` : `no answer within ${limit} per attempt`;
    return new PreflightError(PreflightErrorCode.AWS_TIMEOUT,
      `${where} timed out: ${how} ${tries}.`,
      'Check the network (VPN), the proxy (HTTPS_PROXY) and AWS_ENDPOINT_URL, then try again; if AWS is only slow, raise '
      + `--${connect ? AWS_LIMIT_FLAGS.connectTimeout : AWS_LIMIT_FLAGS.requestTimeout} `
      + `(${connect ? AWS_LIMIT_ENV.connectTimeout : AWS_LIMIT_ENV.requestTimeout}) or --${AWS_LIMIT_FLAGS.maxAttempts} (${AWS_LIMIT_ENV.maxAttempts}).`);
  }
  if (THROTTLING.has(name) || status === 429) {
    return new PreflightError(PreflightErrorCode.AWS_THROTTLED,
      `AWS throttled ${call ? where : 'an AWS call'} on every attempt ${tries}: ${name}: ${firstLine}.`,
      'Something else calls the same API in this account and region (another pipeline, a script, a controller): wait a minute and run again, '
      + `or allow more attempts with --${AWS_LIMIT_FLAGS.maxAttempts} (${AWS_LIMIT_ENV.maxAttempts}).`);
  }
  if (EXPIRED.has(name)) {
    return new PreflightError(PreflightErrorCode.CREDENTIALS_EXPIRED,
      `The credentials expired during the run: ${what} was refused (${name}: ${firstLine}).`,
      'Get fresh credentials (`aws sso login --profile <profile>` for an SSO profile, or new temporary keys), then run again; '
      + 'for long runs, use a session that lasts longer than the run.');
  }
  if (ACCESS_DENIED.has(name)) {
    return new PreflightError(PreflightErrorCode.AWS_ACCESS_DENIED,
      `The credentials may not call ${action ?? what}: ${service} answered ${name} (${firstLine}).`,
      `Allow ${action ?? 'the action'} to the caller (in its IAM policy; check that no SCP or permissions boundary denies it), `
      + 'or run the command with credentials that have it.');
  }
  if (NETWORK[code]) {
    return new PreflightError(call?.service === 'sts' ? PreflightErrorCode.STS_UNREACHABLE : PreflightErrorCode.AWS_UNREACHABLE,
      `Could not reach ${service} at ${endpoint} for ${operation} (${code}: ${NETWORK[code]}) ${tries}.`,
      `Check the network (VPN), the proxy (HTTPS_PROXY) and AWS_ENDPOINT_URL${call ? ` / AWS_ENDPOINT_URL_${envSuffix(call)}` : ''}, then try again.`);
  }
  const contentType = call?.contentType;
  const notAws = /Deserialization error|XML parse error/.test(e.message) || ['Unknown', 'UnknownError', 'SyntaxError'].includes(name)
    || (contentType !== undefined && /html/i.test(contentType));
  if ((status !== undefined && status >= 500) || notAws) {
    const answer = `HTTP ${status ?? '?'}${contentType ? ` (${contentType})` : ''}`;
    const kind = notAws ? 'an answer that is not AWS\'s' : 'a server error';
    return new PreflightError(PreflightErrorCode.AWS_BAD_ANSWER,
      `${where} got ${kind}: ${answer}${requestId ? `, request id ${requestId}` : ''} ${tries}${notAws ? ': is a proxy in the way?' : '.'}`,
      'If a proxy (HTTPS_PROXY) or AWS_ENDPOINT_URL sends the calls elsewhere than to AWS, fix or bypass it (NO_PROXY); '
      + 'if AWS itself has trouble (https://health.aws.amazon.com), try again later.');
  }
  return new PreflightError(PreflightErrorCode.AWS_ERROR,
    `${where} failed: ${name}: ${firstLine} (HTTP ${status ?? 'none'}, request id ${requestId ?? 'none'}).`,
    `If the message does not say what to do, ${DEBUG_HINT}.`);
}

/** The service's own endpoint variable, e.g. `CLOUDFORMATION` of AWS_ENDPOINT_URL_CLOUDFORMATION. */
function envSuffix(call: AwsCall): string {
  return AWS_SERVICES[call.service].name.toUpperCase().replace(/ /g, '_');
}

/**
 * Failures that mean AWS could not be asked at all (timeout, throttling, a bad answer, an
 * unreachable endpoint, expired credentials): a check that turns its errors into warnings
 * must not turn these into a passed preflight.
 */
export function isTransportFailure(error: PreflightError): boolean {
  return [PreflightErrorCode.AWS_TIMEOUT, PreflightErrorCode.AWS_THROTTLED, PreflightErrorCode.AWS_BAD_ANSWER, PreflightErrorCode.AWS_UNREACHABLE,
    PreflightErrorCode.STS_UNREACHABLE, PreflightErrorCode.CREDENTIALS_EXPIRED].includes(error.code);
}

/** The classified error of `error` when it is such a failure of an AWS call; undefined otherwise. */
export function transportFailure(error: unknown): PreflightError | undefined {
  if (PreflightError.is(error)) return undefined;
  const classified = classifyAwsError(error);
  return classified && isTransportFailure(classified) ? classified : undefined;
}

/**
 * Runs `work` with the clients' deadline: when it passes, the calls still running are
 * stopped and the promise rejects with an `AWS_TIMEOUT` naming the command (`what`) and the
 * call that was waited for. Closes the clients when `work` ends either way.
 */
export async function withDeadline<T>(clients: AwsClients, work: () => Promise<T>, what: string = 'The preflight'): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const waiting = clients.oldestInFlight();
      const on = waiting ? `, still waiting for ${AWS_SERVICES[waiting.service].name} ${waiting.operation} at ${waiting.endpoint ?? 'its endpoint'}` : '';
      reject(new PreflightError(PreflightErrorCode.AWS_TIMEOUT,
        `${what} did not finish within its deadline of ${clients.limits.deadline} s${on}.`,
        'Check the network (VPN), the proxy (HTTPS_PROXY) and AWS_ENDPOINT_URL, then try again; if AWS is only slow, raise '
        + `--${AWS_LIMIT_FLAGS.deadline} (${AWS_LIMIT_ENV.deadline}).`));
    }, clients.limits.deadline * 1000);
  });
  try {
    return await Promise.race([work(), deadline]);
  } finally {
    clearTimeout(timer);
    clients.close();
  }
}
