import { BottlerocketEksSettings, ControlPlaneTier, SecurityProfile, Settings } from '../src';

const KEY_ARN = 'arn:aws:kms:ap-northeast-1:012345678901:key/1234abcd-12ab-34cd-56ef-1234567890ab';

describe('security profile defaults', () => {
  test('standard keeps the public endpoint, no secrets encryption, no owned log group', () => {
    const s = Settings.resolve({ pjPrefix: 'team-a' });
    expect([s.securityProfile, s.endpointPublicAccess, s.secretsEncryption, s.secretsKmsKeyArn, s.logRetentionDays])
      .toEqual([SecurityProfile.STANDARD, true, false, undefined, undefined]);
  });

  test('strict turns on a private endpoint, a created key, a year of logs and detailed monitoring', () => {
    const s = Settings.resolve({ pjPrefix: 'team-a', securityProfile: SecurityProfile.STRICT });
    expect([s.endpointPublicAccess, s.secretsEncryption, s.secretsKmsKeyArn, s.logRetentionDays]).toEqual([false, true, undefined, 365]);
    expect(s.nodegroups[0].detailedMonitoring).toBe(true);
  });

  test('each option applies alone under standard', () => {
    const s = Settings.resolve({ pjPrefix: 'team-a', endpointPublicAccess: false, secretsKmsKeyArn: KEY_ARN, logRetentionDays: 30 });
    expect([s.endpointPublicAccess, s.secretsEncryption, s.secretsKmsKeyArn, s.logRetentionDays]).toEqual([false, true, KEY_ARN, 30]);
  });

  test('strict takes a given key and retention', () => {
    const s = Settings.resolve({ pjPrefix: 'team-a', securityProfile: SecurityProfile.STRICT, secretsKmsKeyArn: KEY_ARN, logRetentionDays: 731 });
    expect([s.secretsKmsKeyArn, s.logRetentionDays]).toEqual([KEY_ARN, 731]);
  });

  test('a key ARN of the region, in its partition, is taken', () => {
    const arn = 'arn:aws-cn:kms:cn-north-1:012345678901:key/mrk-1234567890abcdef1234567890abcdef';
    expect(Settings.resolve({ pjPrefix: 'team-a', region: 'cn-north-1', availabilityZones: ['cn-north-1a', 'cn-north-1b'], secretsKmsKeyArn: arn }).secretsKmsKeyArn)
      .toBe(arn);
  });
});

describe('security settings refused', () => {
  const refuse = (settings: object, message: string): void => {
    expect(() => Settings.resolve({ pjPrefix: 'team-a', ...settings })).toThrow(message);
  };

  test('an unknown profile', () => {
    refuse({ securityProfile: 'paranoid' }, 'Invalid securityProfile "paranoid": expected one of standard, strict.');
  });

  test('a non-boolean endpointPublicAccess', () => {
    refuse({ endpointPublicAccess: 'no' }, 'Invalid endpointPublicAccess "no": expected true or false.');
  });

  test('a public endpoint under strict', () => {
    refuse({ securityProfile: 'strict', endpointPublicAccess: true },
      'Invalid endpointPublicAccess true: expected false or unset with securityProfile "strict" (strict means a private-only API endpoint).');
  });

  test('public access CIDRs for a private endpoint', () => {
    refuse({ endpointPublicAccess: false, endpointPublicAccessCidrs: ['203.0.113.0/24'] }, 'Invalid endpointPublicAccessCidrs ["203.0.113.0/24"]: expected unset');
    refuse({ securityProfile: 'strict', endpointPublicAccessCidrs: ['203.0.113.0/24'] }, 'Invalid endpointPublicAccessCidrs');
  });

  test.each([
    ['an alias', 'arn:aws:kms:ap-northeast-1:012345678901:alias/eks'],
    ['another partition', 'arn:aws-cn:kms:cn-north-1:012345678901:key/1234abcd-12ab-34cd-56ef-1234567890ab'],
    ['another region', 'arn:aws:kms:eu-west-1:012345678901:key/1234abcd-12ab-34cd-56ef-1234567890ab'],
    ['a bare key id', '1234abcd-12ab-34cd-56ef-1234567890ab'],
    ['a number', 42],
  ])('a secretsKmsKeyArn that is %s', (_what, arn) => {
    refuse({ secretsKmsKeyArn: arn }, `Invalid secretsKmsKeyArn ${JSON.stringify(arn)}: expected a KMS key ARN of region ap-northeast-1, such as arn:aws:kms:ap-northeast-1:`);
  });

  test('a retention under a year under strict', () => {
    refuse({ securityProfile: 'strict', logRetentionDays: 90 },
      'Invalid logRetentionDays 90: expected at least 365 with securityProfile "strict" (the Control Tower controls ask for a year).');
  });

  test.each([0, 2, 366, 4000, 30.5, '30'])('a logRetentionDays of %p', (days) => {
    refuse({ logRetentionDays: days }, `Invalid logRetentionDays ${JSON.stringify(days)}: expected one of CloudWatch Logs' retention periods: 1, 3, 5`);
  });
});

describe('zonalShift and controlPlaneTier', () => {
  const resolve = (settings: Partial<BottlerocketEksSettings>) => Settings.resolve({ pjPrefix: 'team-a', ...settings });

  test('unset by default (EKS\'s own: the template names neither); zonal shift on with the strict profile', () => {
    expect(resolve({})).toMatchObject({ zonalShift: undefined, controlPlaneTier: undefined });
    expect(resolve({ securityProfile: SecurityProfile.STRICT }).zonalShift).toBe(true);
    expect(resolve({ securityProfile: SecurityProfile.STRICT, zonalShift: false }).zonalShift).toBe(false);
    expect(resolve({ zonalShift: true, controlPlaneTier: ControlPlaneTier.TIER_XL })).toMatchObject({ zonalShift: true, controlPlaneTier: 'tier-xl' });
  });

  test('a bad value in one line', () => {
    expect(() => resolve({ zonalShift: 'yes' as any })).toThrow('Invalid zonalShift "yes": expected true or false.');
    expect(() => resolve({ controlPlaneTier: 'tier-16xl' as any }))
      .toThrow('Invalid controlPlaneTier "tier-16xl": expected one of standard, tier-xl, tier-2xl, tier-4xl, tier-8xl.');
  });
});
