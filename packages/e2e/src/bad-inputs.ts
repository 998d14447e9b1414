/** One invalid configuration, and the one-line message every entry point must give for it. */
export interface BadInput {
  /** What is wrong, for the test name. */
  readonly name: string;
  /** The settings as `.projenrc.ts` and the stacks library get them (merged over a valid prefix). */
  readonly settings: Record<string, unknown>;
  /** The same as `projen new` flags, when the command line can express it. */
  readonly flags?: string[];
  /** The message: names the option, the value and what is allowed. */
  readonly message: RegExp;
  /** `synth` when only the synth can tell (TOML text is parsed by the stacks library). */
  readonly stage?: 'synth';
}

/**
 * Bad input a platform team can give, each rejected with one message naming the option, the
 * value and what is allowed, by `projen new`, by `npx projen` after an edit of `.projenrc.ts`,
 * and by the stacks library.
 */
export const BAD_INPUTS: BadInput[] = [
  // Prefixes: they start every stack, export, role and node group name.
  { name: 'empty prefix', settings: { pjPrefix: '' }, message: /^Invalid pjPrefix "": expected 1-24 characters/ },
  { name: 'prefix too long for the node group name', settings: { pjPrefix: 'a'.repeat(25) }, flags: ['--pj-prefix', 'a'.repeat(25)], message: /^Invalid pjPrefix "a{25}": expected 1-24 characters/ },
  { name: 'prefix with uppercase and underscore', settings: { pjPrefix: 'Team_A' }, flags: ['--pj-prefix', 'Team_A'], message: /^Invalid pjPrefix "Team_A": expected 1-24 characters of lowercase letters/ },
  { name: 'prefix starting with a digit', settings: { pjPrefix: '1team' }, flags: ['--pj-prefix', '1team'], message: /^Invalid pjPrefix "1team"/ },
  { name: 'prefix ending with a hyphen', settings: { pjPrefix: 'team-' }, flags: ['--pj-prefix', 'team-'], message: /^Invalid pjPrefix "team-"/ },
  { name: 'prefix with a dot (export names)', settings: { pjPrefix: 'team.a' }, flags: ['--pj-prefix', 'team.a'], message: /^Invalid pjPrefix "team.a"/ },
  // Sizes.
  { name: 'min above max', settings: { nodeMinSize: 5, nodeMaxSize: 2 }, flags: ['--node-min-size', '5', '--node-max-size', '2'], message: /^Invalid nodeMaxSize 2: expected a whole number from max\(1, nodeMinSize = 5\) to 1000\.$/ },
  { name: 'desired above max', settings: { nodeDesiredSize: 9 }, flags: ['--node-desired-size', '9'], message: /^Invalid nodeDesiredSize 9: expected a whole number from nodeMinSize \(1\) to nodeMaxSize \(4\)\.$/ },
  { name: 'negative size', settings: { nodeMinSize: -1 }, flags: ['--node-min-size=-1'], message: /^Invalid nodeMinSize -1: expected a whole number from 0 to 1000\.$/ },
  { name: 'max size of zero', settings: { nodeMinSize: 0, nodeMaxSize: 0 }, flags: ['--node-min-size', '0', '--node-max-size', '0'], message: /^Invalid nodeMaxSize 0: expected a whole number from max\(1, nodeMinSize = 0\)/ },
  // Options that do not exist, and regions AWS does not have.
  // Not as a projen new flag: projen's command line passes only the options it knows.
  { name: 'a misspelt option', settings: { instanceType: ['m5.large'] }, message: /^Invalid instanceType \["m5.large"\]: expected a known option \(did you mean instanceTypes\?\)\.$/ },
  { name: 'a region AWS does not have', settings: { region: 'ap-northeast-9' }, flags: ['--region', 'ap-northeast-9'], message: /^Invalid region "ap-northeast-9": expected a region AWS has/ },
  // Zones.
  { name: 'one zone', settings: { availabilityZones: ['ap-northeast-1a'] }, flags: ['--availability-zones', 'ap-northeast-1a'], message: /^Invalid availabilityZones \["ap-northeast-1a"\]: expected at least two distinct zones of ap-northeast-1/ },
  { name: 'zones outside the region', settings: { availabilityZones: ['us-east-1a', 'us-east-1b'] }, flags: ['--availability-zones', 'us-east-1a', '--availability-zones', 'us-east-1b'], message: /^Invalid availabilityZones "us-east-1a": expected at least two distinct zones of ap-northeast-1/ },
  { name: 'duplicate zones', settings: { availabilityZones: ['ap-northeast-1a', 'ap-northeast-1a'] }, flags: ['--availability-zones', 'ap-northeast-1a', '--availability-zones', 'ap-northeast-1a'], message: /^Invalid availabilityZones "ap-northeast-1a": expected each value listed once/ },
  // CIDRs.
  { name: 'malformed VPC CIDR', settings: { vpcCidr: '10.0.0/16' }, flags: ['--vpc-cidr', '10.0.0/16'], message: /^Invalid vpcCidr "10.0.0\/16": expected an IPv4 CIDR block/ },
  { name: 'VPC CIDR too small for the subnets', settings: { vpcCidr: '10.0.0.0/26' }, flags: ['--vpc-cidr', '10.0.0.0/26'], message: /^Invalid vpcCidr "10.0.0.0\/26": expected an IPv4 CIDR block from \/16 to \/20/ },
  { name: 'endpoint CIDR with host bits', settings: { endpointPublicAccessCidrs: ['203.0.113.7/24'] }, flags: ['--endpoint-public-access-cidrs', '203.0.113.7/24'], message: /^Invalid endpointPublicAccessCidrs "203.0.113.7\/24"/ },
  // Instance types.
  { name: 'no instance types', settings: { instanceTypes: [] }, message: /^Invalid instanceTypes \[\]: expected a list of at least 1: EC2 instance types/ },
  { name: 'unknown instance type', settings: { instanceTypes: ['xlarge'] }, flags: ['--instance-types', 'xlarge'], message: /^Invalid instanceTypes "xlarge": expected EC2 instance types such as m6i.xlarge\.$/ },
  { name: 'Graviton type on x86_64', settings: { instanceTypes: ['m7g.xlarge'] }, flags: ['--instance-types', 'm7g.xlarge'], message: /^Invalid instanceTypes "m7g.xlarge": expected x86_64 instance types/ },
  { name: 'x86 type on arm64', settings: { architecture: 'arm64', instanceTypes: ['m6i.xlarge'] }, flags: ['--architecture', 'arm64', '--instance-types', 'm6i.xlarge'], message: /^Invalid instanceTypes "m6i.xlarge": expected Graviton \(arm64\) instance types/ },
  { name: 'instance types of two sizes', settings: { instanceTypes: ['m5.xlarge', 'c5.2xlarge'] }, flags: ['--instance-types', 'm5.xlarge', '--instance-types', 'c5.2xlarge'], message: /^Invalid instanceTypes "c5.2xlarge": expected instance types of one size/ },
  { name: 'CPU type for the NVIDIA variant', settings: { variant: 'NVIDIA', instanceTypes: ['m6i.xlarge'] }, flags: ['--variant', 'nvidia', '--instance-types', 'm6i.xlarge'], message: /^Invalid instanceTypes "m6i.xlarge": expected NVIDIA GPU instance types/ },
  // Versions, ARNs, accounts.
  { name: 'unsupported Kubernetes version', settings: { kubernetesVersion: '1.29' }, flags: ['--kubernetes-version', '1.29'], message: /^Invalid kubernetesVersion "1.29": expected one of 1.34, 1.35, 1.36, 1.37/ },
  { name: 'malformed admin ARN', settings: { adminPrincipalArns: ['admin'] }, flags: ['--admin-principal-arns', 'admin'], message: /^Invalid adminPrincipalArns "admin": expected IAM role or user ARNs of partition aws/ },
  { name: 'admin ARN of another partition', settings: { adminPrincipalArns: ['arn:aws-cn:iam::123456789012:role/a'] }, flags: ['--admin-principal-arns', 'arn:aws-cn:iam::123456789012:role/a'], message: /^Invalid adminPrincipalArns "arn:aws-cn:iam::123456789012:role\/a": expected IAM role or user ARNs of partition aws/ },
  { name: 'an admin listed twice', settings: { adminPrincipalArns: ['arn:aws:iam::123456789012:role/a', 'arn:aws:iam::123456789012:role/a'] }, message: /^Invalid adminPrincipalArns "arn:aws:iam::123456789012:role\/a": expected each value listed once/ },
  { name: 'an STS session as admin', settings: { adminPrincipalArns: ['arn:aws:sts::123456789012:assumed-role/Admin/alice'] }, flags: ['--admin-principal-arns', 'arn:aws:sts::123456789012:assumed-role/Admin/alice'], message: /^Invalid adminPrincipalArns ".*": expected IAM role or user ARNs, not an STS session: use the role, arn:aws:iam::123456789012:role\/Admin\.$/ },
  { name: 'account id too short', settings: { accountId: '1234' }, flags: ['--account-id', '1234'], message: /^Invalid accountId "1234": expected a 12-digit AWS account id/ },
  { name: 'account id with letters', settings: { accountId: '12345678901a' }, flags: ['--account-id', '12345678901a'], message: /^Invalid accountId "12345678901a"/ },
  { name: 'KMS key ARN that is not one', settings: { volumeKmsKeyArn: 'alias/ebs' }, flags: ['--volume-kms-key-arn', 'alias/ebs'], message: /^Invalid volumeKmsKeyArn "alias\/ebs": expected a KMS key or alias ARN of partition aws/ },
  // Cluster features.
  { name: 'a public endpoint with the strict profile', settings: { securityProfile: 'strict', endpointPublicAccess: true }, flags: ['--security-profile', 'strict', '--endpoint-public-access'], message: /^Invalid endpointPublicAccess true: expected false or unset with securityProfile "strict"/ },
  { name: 'a log retention CloudWatch does not have', settings: { logRetentionDays: 10 }, flags: ['--log-retention-days', '10'], message: /^Invalid logRetentionDays 10: expected one of CloudWatch Logs' retention periods/ },
  { name: 'a networking add-on turned off', settings: { addons: { coreDns: { enabled: false } } }, message: /^Invalid addons.coreDns.enabled false: expected true: the cluster needs coredns/ },
  { name: 'add-on configuration values that are no JSON object', settings: { addons: { ebsCsiDriver: { configurationValues: [1] } } }, message: /^Invalid addons.ebsCsiDriver.configurationValues \[1\]: expected a JSON object/ },
  { name: 'a malformed VPC id', settings: { vpcId: 'vpc-123', privateSubnetIds: { 'ap-northeast-1a': 'subnet-0123456789abcdef0', 'ap-northeast-1c': 'subnet-0123456789abcdef1' } }, message: /^Invalid vpcId "vpc-123": expected a VPC id/ },
  // Node groups.
  { name: 'a Bottlerocket release that is not one', settings: { releaseVersion: 'latest' }, flags: ['--release-version', 'latest'], message: /^Invalid releaseVersion "latest": expected a Bottlerocket release such as 1.50.0-5c5b35b5/ },
  { name: 'extra node group named like the main one', settings: { extraNodegroups: [{ name: 'bottlerocket-spot' }] }, message: /^Invalid extraNodegroups\[0\].name "bottlerocket-spot"/ },
  { name: 'more instance types than EKS takes', settings: { instanceTypes: ['m5', 'm5a', 'm5n', 'm6i', 'm6a', 'm7i', 'm7a', 'c5', 'c5a', 'c5n', 'c6i', 'c6a', 'c7i', 'c7a', 'r5', 'r5a', 'r5n', 'r6i', 'r6a', 'r7i', 'r7a'].map((f) => `${f}.xlarge`) }, message: /^Invalid instanceTypes \[.*\]: expected at most 20 instance types \(EKS takes up to 20 per node group; this list has 21\)\.$/ },
  { name: 'taint key longer than EKS takes', settings: { taints: [{ key: `example.com/${'k'.repeat(52)}`, effect: 'PREFER_NO_SCHEDULE' }] }, message: /^Invalid taints\[0\].key "example.com\/k{52}": expected a taint key of at most 63 characters, prefix included/ },
  { name: 'no node for the system pods', settings: { nodeMinSize: 0, nodeDesiredSize: 0 }, flags: ['--node-min-size', '0', '--node-desired-size', '0'], message: /^Invalid nodeDesiredSize 0: expected at least one node group with desired size >= 1 and no NO_SCHEDULE or NO_EXECUTE taint/ },
  { name: 'taint with an unknown effect', settings: { taints: [{ key: 'a', effect: 'NoSchedule' }] }, message: /^Invalid taints\[0\].effect "NoSchedule": expected one of NO_SCHEDULE, PREFER_NO_SCHEDULE, NO_EXECUTE/ },
  // Bottlerocket settings.
  { name: 'Bottlerocket key EKS injects', settings: { bottlerocket: { extraSettings: { settings: { kubernetes: { 'cluster-name': 'x' } } } } }, message: /^Invalid bottlerocket.extraSettings "settings.kubernetes.cluster-name": expected no key that EKS injects/ },
  { name: 'node labels in Bottlerocket settings', settings: { bottlerocket: { extraSettings: { settings: { kubernetes: { 'node-labels': { a: 'b' } } } } } }, message: /^Invalid bottlerocket.extraSettings "settings.kubernetes.node-labels": expected no node labels or taints here/ },
  { name: 'Bottlerocket array of mixed types', settings: { bottlerocket: { extraSettings: { settings: { ntp: { 'time-servers': ['a', 1] } } } } }, message: /^Invalid bottlerocket.extraSettings "settings.ntp.time-servers": expected arrays of one type/ },
  { name: 'Bottlerocket TOML that does not parse', settings: { bottlerocket: { extraToml: '[settings.kernel' } }, message: /^Invalid bottlerocket.extraToml "\[settings.kernel": expected TOML that parses/, stage: 'synth' },
];
