import { checkBoolean, checkEnum, checkInteger, checkString } from './checks';
import { SecurityProfile } from './enums';
import { fail } from './errors';
import { BottlerocketEksSettings } from './options';
import { ResolvedSettings } from './resolved';

/** The security settings, with the profile's defaults. */
export type ResolvedSecurity = Pick<ResolvedSettings,
'securityProfile' | 'endpointPublicAccess' | 'secretsEncryption' | 'secretsKmsKeyArn' | 'logRetentionDays'>;

/** The retention periods CloudWatch Logs accepts (PutRetentionPolicy, AWS::Logs::LogGroup RetentionInDays). */
export const LOG_RETENTION_DAYS: readonly number[] = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

/** The retention the strict profile sets: the Control Tower controls ask for at least a year. */
export const STRICT_LOG_RETENTION_DAYS = 365;

/** A KMS key ARN (not an alias: EKS encryption needs the key itself). */
const KMS_KEY_ARN_PATTERN = /^arn:(aws|aws-cn|aws-us-gov):kms:[a-z]{2}(?:-[a-z]+)+-\d+:\d{12}:key\/(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$/;

/** Resolves the security profile and the settings it sets. */
export function resolveSecurity(settings: BottlerocketEksSettings, partition: string, region: string): ResolvedSecurity {
  const securityProfile = checkEnum('securityProfile', settings.securityProfile ?? SecurityProfile.STANDARD, Object.values(SecurityProfile));
  const strict = securityProfile === SecurityProfile.STRICT;
  const endpointPublicAccess = checkBoolean('endpointPublicAccess', settings.endpointPublicAccess ?? !strict);
  if (strict && endpointPublicAccess) {
    fail('endpointPublicAccess', endpointPublicAccess, 'false or unset with securityProfile "strict" (strict means a private-only API endpoint)');
  }
  if (!endpointPublicAccess && settings.endpointPublicAccessCidrs !== undefined) {
    // The CIDRs only limit the public endpoint: with none, they would be silently ignored.
    fail('endpointPublicAccessCidrs', settings.endpointPublicAccessCidrs, 'unset while the API endpoint is private-only (endpointPublicAccess false or securityProfile "strict")');
  }
  const secretsKmsKeyArn = settings.secretsKmsKeyArn === undefined ? undefined
    // EKS takes a key of the cluster's region only.
    : checkString('secretsKmsKeyArn', settings.secretsKmsKeyArn, (arn) => KMS_KEY_ARN_PATTERN.test(arn) && arn.split(':')[1] === partition && arn.split(':')[3] === region,
      `a KMS key ARN of region ${region}, such as arn:${partition}:kms:${region}:012345678901:key/<key id> (a key ARN, not an alias: EKS needs the key)`);
  const logRetentionDays = settings.logRetentionDays === undefined ? (strict ? STRICT_LOG_RETENTION_DAYS : undefined)
    : checkRetention(settings.logRetentionDays);
  if (strict && logRetentionDays !== undefined && logRetentionDays < STRICT_LOG_RETENTION_DAYS) {
    fail('logRetentionDays', logRetentionDays, `at least ${STRICT_LOG_RETENTION_DAYS} with securityProfile "strict" (the Control Tower controls ask for a year)`);
  }
  return {
    securityProfile,
    endpointPublicAccess,
    secretsEncryption: strict || secretsKmsKeyArn !== undefined,
    secretsKmsKeyArn,
    logRetentionDays,
  };
}

function checkRetention(value: unknown): number {
  const allowed = `one of CloudWatch Logs' retention periods: ${LOG_RETENTION_DAYS.join(', ')}`;
  const days = checkInteger('logRetentionDays', value, 1, 3653, allowed);
  if (!LOG_RETENTION_DAYS.includes(days)) fail('logRetentionDays', days, allowed);
  return days;
}
