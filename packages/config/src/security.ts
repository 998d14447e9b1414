import { SecurityProfile } from './enums';
import { BottlerocketEksSettings } from './options';
import { ResolvedSettings } from './resolved';

/** The security settings, with the profile's defaults. */
export type ResolvedSecurity = Pick<ResolvedSettings,
'securityProfile' | 'endpointPublicAccess' | 'secretsEncryption' | 'secretsKmsKeyArn' | 'logRetentionDays'>;

/** Resolves the security profile and the settings it sets. */
export function resolveSecurity(settings: BottlerocketEksSettings, _partition: string): ResolvedSecurity {
  const securityProfile = settings.securityProfile ?? SecurityProfile.STANDARD;
  const strict = securityProfile === SecurityProfile.STRICT;
  return {
    securityProfile,
    endpointPublicAccess: settings.endpointPublicAccess ?? !strict,
    secretsEncryption: strict || settings.secretsKmsKeyArn !== undefined,
    secretsKmsKeyArn: settings.secretsKmsKeyArn,
    logRetentionDays: settings.logRetentionDays ?? (strict ? 365 : undefined),
  };
}
