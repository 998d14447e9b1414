import { IPolicyValidationContext, PolicyValidationPluginReport, Stack, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { IConstruct } from 'constructs';
import { testApp } from './temp';
import { ClusterStack, NetworkStack, NodegroupStack, Settings } from '../src';
import { SETTINGS_VARIANTS, synthAll } from './helpers';

/*
 * cdk-nag 3 is a CDK validation plugin, not an aspect: it reports violations instead of
 * annotations, and a finding is settled in the stack, next to the resource, with
 * `Validations.of(resource).acknowledge({ id, reason })` (the mechanism network-stack.ts
 * already uses for W3010), so neither the library nor its templates depend on cdk-nag.
 * Rules with several findings per resource (IAM4, EKS2) are acknowledged one finding at a
 * time: `AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/AmazonEKS_CNI_Policy]`.
 */

const VARIANTS = SETTINGS_VARIANTS;

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
  const app = testApp({ builtinCloudFormationValidation: false });
  const props = { settings: Settings.resolve({ pjPrefix: 'pjprefix' }), templateParameters: true };
  const stacks: Stack[] = [new NetworkStack(app, 'network', props), new ClusterStack(app, 'cluster', props), new NodegroupStack(app, 'nodegroup', props)];
  app.synth();
  expect(stacks.flatMap(nagFindings)).toEqual([]);
});

test('a team app that adds the pack as a validation plugin synthesizes, with the pack run and satisfied', () => {
  // Records what the pack reported: the validation report file leaves out plugins with nothing to report.
  const reports: PolicyValidationPluginReport[] = [];
  class RecordingChecks extends AwsSolutionsChecks {
    public validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
      const report = super.validate(context);
      reports.push(report);
      return report;
    }
  }
  const app = testApp({ builtinCloudFormationValidation: false });
  const props = { settings: Settings.resolve(VARIANTS['accountId and an admin']) };
  new NetworkStack(app, 'Network', props);
  new ClusterStack(app, 'Cluster', props);
  new NodegroupStack(app, 'Nodegroup', props);
  Validations.of(app).addPlugins(new RecordingChecks(app, { verbose: true }));
  // Under jest (NODE_ENV=test) a failed validation throws, with the whole report in the message.
  expect(() => app.synth()).not.toThrow();
  expect(reports).toEqual([{ success: true, violations: [] }]);
});

describe('every acknowledged finding', () => {
  const { stacks } = synthAll({ pjPrefix: 'team-a' });
  const acknowledged = Object.values(stacks).flatMap((stack) => stack.node.findAll().flatMap((construct) => construct.node.metadata
    .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
    .flatMap((entry) => Object.entries(entry.data as Record<string, string>)
      .filter(([id]) => id.includes('AwsSolutions-'))
      .map(([id, reason]) => ({ path: construct.node.path, id: id.replace('Annotation::', ''), reason })))));

  test('sits on the resource it covers, never on a stack or the app', () => {
    expect(acknowledged.map((a) => `${a.path} ${a.id.replace(/\[.*\]$/, '')}`).sort()).toEqual([
      'Cluster/Cluster AwsSolutions-EKS1',
      'Cluster/Cluster AwsSolutions-EKS2',
      'Cluster/Cluster AwsSolutions-EKS2',
      'Cluster/ClusterRole AwsSolutions-IAM4',
      'Network/Vpc AwsSolutions-VPC7',
      'Nodegroup/EbsCsiDriverRole AwsSolutions-IAM4',
      'Nodegroup/NodeInstanceRole AwsSolutions-IAM4',
      'Nodegroup/NodeInstanceRole AwsSolutions-IAM4',
      'Nodegroup/NodeInstanceRole AwsSolutions-IAM4',
      // Session Manager's, with ssmAccess (the default).
      'Nodegroup/NodeInstanceRole AwsSolutions-IAM4',
    ]);
  });

  test('carries a written reason that names what it is about', () => {
    for (const { id, reason } of acknowledged) {
      expect(reason.length).toBeGreaterThan(60);
      const subject = /IAM4\[.*policy\/(\w+)\]/.exec(id)?.[1] ?? /EKS2\[LogExport::(\w+)\]/.exec(id)?.[1];
      if (subject) expect(reason).toContain(subject);
    }
  });
});
