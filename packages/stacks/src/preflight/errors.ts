/** Why a preflight stopped a deploy. Stable: scripts read it from `--json`. */
export enum PreflightErrorCode {
  /** The SDK's credential chain found nothing. */
  NO_CREDENTIALS = 'NO_CREDENTIALS',
  /** STS rejected the credentials (expired token, unknown or deleted key, bad secret). */
  CREDENTIALS_REJECTED = 'CREDENTIALS_REJECTED',
  /** The STS endpoint did not answer. */
  STS_UNREACHABLE = 'STS_UNREACHABLE',
  /** An AWS endpoint other than STS could not be reached: the host name does not resolve, or the connection was refused or reset. */
  AWS_UNREACHABLE = 'AWS_UNREACHABLE',
  /** An AWS call did not answer within the connect or per-attempt timeout on every attempt, or the command passed its deadline. */
  AWS_TIMEOUT = 'AWS_TIMEOUT',
  /** AWS throttled a call on every attempt (the SDK's retries included). */
  AWS_THROTTLED = 'AWS_THROTTLED',
  /** An endpoint answered 5xx, or something that is not an AWS answer (an HTML page, a body neither XML nor JSON): a proxy in the way? */
  AWS_BAD_ANSWER = 'AWS_BAD_ANSWER',
  /** The credentials may not make one of the calls the preflight needs (the message names the IAM action). */
  AWS_ACCESS_DENIED = 'AWS_ACCESS_DENIED',
  /** The credentials expired in the middle of the run (after STS accepted them). */
  CREDENTIALS_EXPIRED = 'CREDENTIALS_EXPIRED',
  /** Any other failed AWS call: service, operation, HTTP status and request id. */
  AWS_ERROR = 'AWS_ERROR',
  /** The shell's region (AWS_REGION or the profile's) is not the team's region. */
  REGION_MISMATCH = 'REGION_MISMATCH',
  /** The credentials belong to another partition than the team's region (aws, aws-cn, aws-us-gov). */
  PARTITION_MISMATCH = 'PARTITION_MISMATCH',
  /** The credentials belong to another account than the team's `accountId`. */
  ACCOUNT_MISMATCH = 'ACCOUNT_MISMATCH',
  /** A destroy was asked for without `--confirm=<pjPrefix>`. */
  DESTROY_NOT_CONFIRMED = 'DESTROY_NOT_CONFIRMED',
  /** The update plan holds a change CloudFormation cannot carry out (see the plan for each, with the way out). */
  UPDATE_REFUSED = 'UPDATE_REFUSED',
  /** The first deploy of the cluster by a caller that `adminPrincipalArns` also lists: EKS would refuse the second entry. */
  ADMIN_IS_CREATOR = 'ADMIN_IS_CREATOR',
  /** The deploy would create more VPCs, Elastic IPs or EKS clusters than the account's quotas in the region allow. */
  QUOTA_EXCEEDED = 'QUOTA_EXCEEDED',
  /** `kubernetesVersion` has left EKS standard support: EKS upgrades the cluster itself, so the deploy would ask for a downgrade. */
  VERSION_OUT_OF_SUPPORT = 'VERSION_OUT_OF_SUPPORT',
  /** A subnet of `privateSubnetIds`/`publicSubnetIds` does not exist, or is not in `vpcId` or in the zone the settings give it. */
  EXISTING_VPC_MISMATCH = 'EXISTING_VPC_MISMATCH',
  /** The deploy would create the control plane log group (`logRetentionDays`), but EKS already made one of that name. */
  LOG_GROUP_EXISTS = 'LOG_GROUP_EXISTS',
  /** The deploy would create an add-on that is already installed on the cluster (by hand, or by EKS). */
  ADDON_EXISTS = 'ADDON_EXISTS',
  /** An add-on's target version is older than the one installed: EKS does not downgrade add-ons. */
  ADDON_DOWNGRADE = 'ADDON_DOWNGRADE',
  /** An add-on's target version is not one EKS offers for the cluster's Kubernetes version. */
  ADDON_VERSION_UNSUPPORTED = 'ADDON_VERSION_UNSUPPORTED',
  /** The key policy of `volumeKmsKeyArn` does not let the EC2 Auto Scaling service-linked role use the key: no node would launch. */
  VOLUME_KEY_POLICY = 'VOLUME_KEY_POLICY',
  /** `volumeKmsKeyArn` names a KMS key (or alias) that does not exist in the team's region. */
  VOLUME_KEY_NOT_FOUND = 'VOLUME_KEY_NOT_FOUND',
  /**
   * A zone of the settings (`availabilityZones`, or those of `privateSubnetIds`) is, in the caller's account, a zone ID EKS cannot
   * place a cluster's control plane in (use1-az3, usw1-az2, cac1-az3), or no zone of the region at all (EC2 DescribeAvailabilityZones).
   */
  ZONE_UNSUPPORTED = 'ZONE_UNSUPPORTED',
  /** A stack of the deploy or destroy is being changed by another operation (a `*_IN_PROGRESS` status). */
  STACK_BUSY = 'STACK_BUSY',
  /** A stack is `UPDATE_ROLLBACK_FAILED`: it takes no update until the rollback is continued. */
  STACK_ROLLBACK_FAILED = 'STACK_ROLLBACK_FAILED',
  /** A stack is `DELETE_FAILED`: it takes no update; it can only be deleted. */
  STACK_DELETE_FAILED = 'STACK_DELETE_FAILED',
  /** A stack's first create failed and was rolled back (`ROLLBACK_COMPLETE`, `ROLLBACK_FAILED`): it can only be deleted. */
  STACK_ROLLED_BACK = 'STACK_ROLLED_BACK',
  /** A destroy would delete a stack that termination protection holds: CloudFormation would refuse. */
  STACK_PROTECTED = 'STACK_PROTECTED',
}

/** A preflight finding that stops the deploy: what is wrong, and what to do about it. */
export class PreflightError extends Error {
  /** Set as `name`, so callers can tell a stopped deploy from a bug. */
  public static readonly NAME = 'BottlerocketEksPreflightError';

  /** True when `error` is a `PreflightError` (also across copies of this module). */
  public static is(error: unknown): error is PreflightError {
    return error instanceof Error && error.name === PreflightError.NAME;
  }

  constructor(
    /** Machine-readable reason. */
    public readonly code: PreflightErrorCode,
    message: string,
    /** What the user can do about it, as one sentence with commands. */
    public readonly fix: string,
    /** The caller's ARN, when STS answered. */
    public readonly callerArn?: string,
  ) {
    super(message);
    this.name = PreflightError.NAME;
  }
}

/** STS error codes that mean "these credentials are not accepted", with what to do about each. */
const REJECTED_CREDENTIALS: Record<string, string> = {
  ExpiredToken: 'the session token has expired',
  ExpiredTokenException: 'the session token has expired',
  RequestExpired: 'the request was signed too long ago (is the clock of this machine right?)',
  InvalidClientTokenId: 'the access key id is not known to AWS (deleted, mistyped, or from another partition)',
  UnrecognizedClientException: 'the access key id is not known to AWS (deleted, mistyped, or from another partition)',
  SignatureDoesNotMatch: 'the secret access key does not match the access key id',
  IncompleteSignature: 'the request signature is incomplete (a credential is empty or truncated)',
  AccessDenied: 'the credentials may not call sts:GetCallerIdentity (an SCP or a permissions boundary denies it)',
  InvalidIdentityToken: 'the web identity token was rejected',
};

/** Node's network error codes: the endpoint could not be reached at all. */
const NETWORK_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);

const REFRESH_CREDENTIALS = 'Get fresh credentials: `aws sso login --profile <profile>` for an SSO profile, '
  + 'or new temporary keys from your identity provider; then check with `aws sts get-caller-identity`.';

/**
 * Turns an error of `GetCallerIdentity` into a `PreflightError` that says what happened and
 * what to do; errors it does not recognise are returned unchanged (they are bugs or outages).
 */
export function classifyStsError(error: unknown, endpoint: string): unknown {
  if (!(error instanceof Error)) return error;
  const name = error.name;
  const code = (error as NodeJS.ErrnoException).code ?? name;
  if (name === 'CredentialsProviderError') {
    return new PreflightError(PreflightErrorCode.NO_CREDENTIALS,
      `No AWS credentials found (${error.message}).`,
      'Sign in, for example `aws sso login --profile <profile>` then `export AWS_PROFILE=<profile>`, '
      + 'or export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary keys).');
  }
  const reason = REJECTED_CREDENTIALS[name];
  if (reason) {
    return new PreflightError(PreflightErrorCode.CREDENTIALS_REJECTED,
      `AWS rejected the credentials: ${reason} (${name}: ${error.message}).`, REFRESH_CREDENTIALS);
  }
  if (NETWORK_ERRORS.has(code) && name !== 'TimeoutError') {
    return new PreflightError(PreflightErrorCode.STS_UNREACHABLE,
      `Could not reach STS at ${endpoint} (${code}).`,
      'Check the network, proxy (HTTPS_PROXY) and AWS_ENDPOINT_URL_STS / AWS_ENDPOINT_URL, then try again.');
  }
  return error;
}
