/** A statement of an IAM policy, with CloudFormation intrinsics where ARNs need the partition or account. */
export interface PolicyStatement {
  readonly Sid: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Action?: string | string[];
  readonly NotAction?: string | string[];
  readonly Resource: unknown;
  readonly Condition?: Record<string, Record<string, unknown>>;
}

/** `arn:<partition>:<service>:<region>:<account>:<resource>` as a `Fn::Sub` (region empty for global services). */
export type ArnOf = (service: string, resource: string, region?: string) => { 'Fn::Sub': string };

/** ARNs of this account and partition, in `region` unless told otherwise. */
export function arnsIn(defaultRegion: string): ArnOf {
  return (service, resource, region = defaultRegion) =>
    ({ 'Fn::Sub': `arn:\${AWS::Partition}:${service}:${region}:\${AWS::AccountId}:${resource}` });
}
