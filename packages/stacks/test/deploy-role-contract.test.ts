import * as fs from 'fs';
import * as path from 'path';
import {
  BottlerocketEksSettings, COST_ACTIONS,
  READ_ONLY_ACTIONS, RELEASES_ACTIONS, ResourceNames, Settings, STACK_MANAGED_POLICIES, stackResourceTypes, STATUS_ACTIONS,
  UNPROTECT_ACTIONS, UPGRADE_ACTIONS,
} from 'bottlerocket-eks-config';
import { SETTINGS_VARIANTS, synthAll } from './helpers';

// The CI roles of a team repository are made from what the config package says the stacks
// create, attach and call: these tests hold the stacks to it.

const OWN_VPC: BottlerocketEksSettings = {
  pjPrefix: 'team-a',
  region: 'eu-west-1',
  vpcId: 'vpc-0123456789abcdef0',
  privateSubnetIds: { 'eu-west-1a': 'subnet-0123456789abcdef0', 'eu-west-1c': 'subnet-0123456789abcdef1' },
};
const VARIANTS: Array<[string, BottlerocketEksSettings]> = [...Object.entries(SETTINGS_VARIANTS), ['the team\'s own VPC', OWN_VPC]];

/** Every resource of the three stacks. */
function resources(settings: BottlerocketEksSettings): any[] {
  const { templates } = synthAll(settings);
  return Object.values(templates).flatMap((t) => Object.values<any>(t.toJSON().Resources ?? {}));
}

describe.each(VARIANTS)('the stacks of %s', (_name, settings) => {
  const all = resources(settings);

  test('create exactly the resource types the deploy role is made for', () => {
    expect(new Set(all.map((r) => r.Type))).toEqual(new Set(stackResourceTypes(Settings.resolve(settings))));
  });

  test('tag every resource the deploy role changes by tag with the prefix', () => {
    // Not taggable; and a launch template's own tags CloudFormation applies only when it creates
    // it, so the deploy role scopes launch templates by region only.
    const untaggable = ['AWS::EC2::Route', 'AWS::EC2::SubnetRouteTableAssociation', 'AWS::EC2::VPCGatewayAttachment', 'AWS::IAM::Policy',
      'AWS::KMS::Alias', 'AWS::CloudFormation::WaitConditionHandle', 'AWS::EC2::LaunchTemplate'];
    const prefixOf = (r: any): unknown => {
      const tags = r.Properties.Tags;
      return Array.isArray(tags) ? tags.find((t: any) => t.Key === ResourceNames.PREFIX_TAG)?.Value : tags?.[ResourceNames.PREFIX_TAG];
    };
    for (const r of all.filter((x) => !untaggable.includes(x.Type))) expect([r.Type, prefixOf(r)]).toEqual([r.Type, 'team-a']);
  });

  test('attach only the AWS managed policies the deploy role may attach', () => {
    const attached = all.filter((r) => r.Type === 'AWS::IAM::Role').flatMap((r) => r.Properties.ManagedPolicyArns ?? []);
    for (const arn of attached) {
      const name = JSON.stringify(arn).match(/:iam::aws:policy\/([\w/+=,.@-]+)/)?.[1];
      expect(STACK_MANAGED_POLICIES).toContain(name);
    }
  });
});

describe('rolePermissionsBoundary', () => {
  test('every role the stacks create carries it, by name in the deploying account', () => {
    const roles = resources({ pjPrefix: 'team-a', rolePermissionsBoundary: 'team-a-stack-roles-boundary' }).filter((r) => r.Type === 'AWS::IAM::Role');
    expect(roles).toHaveLength(3);
    for (const role of roles) {
      expect(JSON.stringify(role.Properties.PermissionsBoundary)).toMatch(/:iam::".*AWS::AccountId.*:policy\/team-a-stack-roles-boundary/);
    }
  });

  test('unset, no role carries a boundary', () => {
    const roles = resources({ pjPrefix: 'team-a' }).filter((r) => r.Type === 'AWS::IAM::Role');
    for (const role of roles) expect(role.Properties.PermissionsBoundary).toBeUndefined();
  });

  test('a bad policy name is refused in one line', () => {
    expect(() => Settings.resolve({ pjPrefix: 'team-a', rolePermissionsBoundary: 'arn:aws:iam::1:policy/x' }))
      .toThrow(/^Invalid rolePermissionsBoundary "arn:aws:iam::1:policy\/x": expected the name of an IAM managed policy/);
  });
});

test('every AWS call of the library is one the read-only, status, upgrade, releases, cost or unprotect actions list', () => {
  const sdk = fs.readFileSync(path.join(__dirname, '..', 'src', 'aws', 'sdk.ts'), 'utf-8');
  const prefixes: Record<string, string> = {
    'client-cloudformation': 'cloudformation',
    'client-cloudwatch-logs': 'logs',
    'client-ec2': 'ec2',
    'client-eks': 'eks',
    'client-kms': 'kms',
    'client-pricing': 'pricing',
    'client-service-quotas': 'servicequotas',
    'client-ssm': 'ssm',
    'client-sts': 'sts',
  };
  const calls: string[] = [];
  for (const [, names, client] of sdk.matchAll(/export \{([^}]+)\} from '@aws-sdk\/([\w-]+)'/g)) {
    expect(prefixes[client]).toBeDefined();
    for (const m of names.matchAll(/\b(?:paginate(\w+)|(\w+)Command)\b/g)) calls.push(`${prefixes[client]}:${m[1] ?? m[2]}`);
  }
  expect(calls.length).toBeGreaterThan(10);
  const listed = [...READ_ONLY_ACTIONS, ...STATUS_ACTIONS, ...UPGRADE_ACTIONS, ...RELEASES_ACTIONS, ...COST_ACTIONS, ...UNPROTECT_ACTIONS];
  expect(calls.filter((call) => !listed.includes(call))).toEqual([]);
});
