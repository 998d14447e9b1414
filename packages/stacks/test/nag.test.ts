import * as fs from 'fs';
import * as path from 'path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { IConstruct } from 'constructs';
import { BottlerocketEksSettings, CapacityType, ClusterStack, NetworkStack, NodeArchitecture, NodegroupStack } from '../src';
import { synthAll } from './helpers';

/*
 * cdk-nag 3 is a CDK validation plugin, not an aspect: it reports violations instead of
 * annotations, and a finding is settled in the stack, next to the resource, with
 * `Validations.of(resource).acknowledge({ id, reason })` (the mechanism network-stack.ts
 * already uses for W3010), so neither the library nor its templates depend on cdk-nag.
 * Rules with several findings per resource (IAM4, EKS2) are acknowledged one finding at a
 * time: `AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/AmazonEKS_CNI_Policy]`.
 */

const VARIANTS: Record<string, BottlerocketEksSettings> = {
  'defaults': { pjPrefix: 'team-a' },
  'arm64 on demand': { pjPrefix: 'team-a', architecture: NodeArchitecture.ARM_64, capacityType: CapacityType.ON_DEMAND },
  '3 zones, 3 NAT gateways': {
    pjPrefix: 'team-a',
    availabilityZones: ['ap-northeast-1a', 'ap-northeast-1c', 'ap-northeast-1d'],
    natGateways: 3,
  },
  'accountId and an admin': {
    pjPrefix: 'team-a',
    accountId: '123456789012',
    adminPrincipalArns: ['arn:aws:iam::123456789012:role/admin'],
  },
};

/** The AWS Solutions findings left unacknowledged under `scope`, one line each: severity, rule, construct path, why. */
function nagFindings(scope: IConstruct): string[] {
  const report = new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(scope);
  return report.violations.flatMap((violation) => violation.violatingResources.map((resource) =>
    `${violation.severity} ${violation.ruleName} at ${resource.constructPath}: ${violation.description}`));
}

describe.each(Object.entries(VARIANTS))('cdk-nag AwsSolutions, %s', (_variant, settings) => {
  const { stacks } = synthAll(settings);

  test.each(Object.keys(stacks))('%s stack: no unacknowledged error or warning', (kind) => {
    expect(nagFindings(stacks[kind])).toEqual([]);
  });
});

test('cdk-nag AwsSolutions, the template-mode stacks behind templates/: no unacknowledged error or warning', () => {
  // As plainTemplates() builds them (it returns templates, not stacks).
  const app = new App({ builtinCloudFormationValidation: false });
  const props = { pjPrefix: 'pjprefix', templateParameters: true };
  const stacks: Stack[] = [new NetworkStack(app, 'network', props), new ClusterStack(app, 'cluster', props), new NodegroupStack(app, 'nodegroup', props)];
  app.synth();
  expect(stacks.flatMap(nagFindings)).toEqual([]);
});

test('a team app that adds the pack as a validation plugin synthesizes with a successful AwsSolutions report', () => {
  const app = new App({ builtinCloudFormationValidation: false });
  const settings = VARIANTS['accountId and an admin'];
  new NetworkStack(app, 'Network', settings);
  new ClusterStack(app, 'Cluster', settings);
  new NodegroupStack(app, 'Nodegroup', settings);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  // Under jest (NODE_ENV=test) a failed validation throws, with the whole report in the message.
  expect(() => app.synth()).not.toThrow();
  const report = JSON.parse(fs.readFileSync(path.join(app.outdir, 'validation-report.json'), 'utf-8'));
  expect(report.pluginReports.map((r: { pluginName: string; conclusion: string }) => [r.pluginName, r.conclusion]))
    .toEqual([['AwsSolutions', 'success']]);
});
