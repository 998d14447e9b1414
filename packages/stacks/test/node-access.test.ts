import { AwsSolutionsChecks } from 'cdk-nag';
import { BottlerocketEksSettings, ResourceNames } from '../src';
import { planFrom, synthAll, templatesByStackName } from './helpers';
import { explainAll, StackPlan } from '../src/plan';

const BASE: BottlerocketEksSettings = { pjPrefix: 'team-a', region: 'eu-west-1', extraNodegroups: [{ name: 'system', instanceTypes: ['m6i.large'] }] };
const partitionArn = (name: string) => ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:iam::aws:policy/${name}`]] });
const BLOG_POLICIES = ['AmazonEC2ContainerRegistryReadOnly', 'AmazonEKSWorkerNodePolicy', 'AmazonEKS_CNI_Policy'].map(partitionArn);

function nodegroupTemplate(settings: Partial<BottlerocketEksSettings>): any {
  return synthAll({ ...BASE, ...settings }).templates.nodegroup.toJSON();
}

function ofType(template: any, type: string): any[] {
  return Object.values<any>(template.Resources).filter((r) => r.Type === type);
}

/** The decoded TOML user data of each launch template. */
function userData(template: any): string[] {
  return ofType(template, 'AWS::EC2::LaunchTemplate').map((lt) => lt.Properties.LaunchTemplateData.UserData['Fn::Base64']);
}

describe('Session Manager access (ssmAccess)', () => {
  test('on by default: the node role also holds AmazonSSMManagedInstanceCore, acknowledged for cdk-nag, and the control container is on', () => {
    const { templates: synthesized, stacks } = synthAll(BASE);
    synthesized.nodegroup.hasResourceProperties('AWS::IAM::Role', { ManagedPolicyArns: [...BLOG_POLICIES, partitionArn('AmazonSSMManagedInstanceCore')] });
    expect(userData(synthesized.nodegroup.toJSON()).every((toml) => toml.includes('[settings.host-containers.control]\nenabled = true\n'))).toBe(true);
    const report = new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(stacks.nodegroup);
    expect(report.violations.map((v) => v.ruleName)).not.toContain('AwsSolutions-IAM4');
  });

  test('on leaves the user data byte for byte as before (only the default rendered)', () => {
    const [main] = userData(nodegroupTemplate({}));
    expect(main).toBe('[settings.host-containers.admin]\nenabled = false\n\n[settings.host-containers.control]\nenabled = true\n');
  });

  test('off: the blog\'s three policies only, and the control container off in every launch template; nothing else changes', () => {
    const on = nodegroupTemplate({});
    const off = nodegroupTemplate({ ssmAccess: false });
    expect(ofType(off, 'AWS::IAM::Role')[0].Properties.ManagedPolicyArns).toEqual(BLOG_POLICIES);
    expect(userData(off)).toEqual(userData(on).map((toml) => toml.replace('[settings.host-containers.control]\nenabled = true', '[settings.host-containers.control]\nenabled = false')));
    expect(userData(off)).toHaveLength(2);
    expect(ofType(off, 'AWS::EKS::Nodegroup')).toEqual(ofType(on, 'AWS::EKS::Nodegroup'));
  });
});

describe('releaseVersion', () => {
  test('pins the Bottlerocket release of the group that sets it; the others follow the latest (no ReleaseVersion)', () => {
    const template = nodegroupTemplate({ releaseVersion: '1.50.0-5c5b35b5' });
    const [main, system] = ofType(template, 'AWS::EKS::Nodegroup');
    expect(main.Properties.ReleaseVersion).toBe('1.50.0-5c5b35b5');
    expect(system.Properties).not.toHaveProperty('ReleaseVersion');
    expect(ofType(nodegroupTemplate({}), 'AWS::EKS::Nodegroup').every((g) => !('ReleaseVersion' in g.Properties))).toBe(true);
  });

  test('does not rename the group (it is not a create-only property)', () => {
    const names = (t: any) => ofType(t, 'AWS::EKS::Nodegroup').map((g) => g.Properties.NodegroupName);
    expect(names(nodegroupTemplate({ releaseVersion: '1.50.0-5c5b35b5' }))).toEqual(names(nodegroupTemplate({})));
  });
});

describe('detailedMonitoring', () => {
  test('turns on detailed monitoring in the launch template of the group that sets it, and is absent elsewhere', () => {
    const template = nodegroupTemplate({ extraNodegroups: [{ name: 'system', instanceTypes: ['m6i.large'], detailedMonitoring: true }] });
    const [main, system] = ofType(template, 'AWS::EC2::LaunchTemplate').map((lt) => lt.Properties.LaunchTemplateData);
    expect(system.Monitoring).toEqual({ Enabled: true });
    expect(main).not.toHaveProperty('Monitoring');
  });

  test('unset, the launch templates are exactly as before', () => {
    expect(nodegroupTemplate({ detailedMonitoring: false })).toEqual(nodegroupTemplate({}));
  });
});

function plan(from: BottlerocketEksSettings, to: BottlerocketEksSettings): StackPlan[] {
  return planFrom(templatesByStackName(from), to);
}

/** What changes, as `<logical id> <action> (<properties>)`, with no refusal anywhere. */
function inPlace(from: BottlerocketEksSettings, to: BottlerocketEksSettings): string[] {
  const plans = plan(from, to);
  expect(explainAll(plans, new ResourceNames('team-a'))).toEqual([]);
  return plans.flatMap((p) => p.changes.map((c) => `${c.logicalId} ${c.action} (${c.properties.join(', ')})`)).sort();
}

describe('on deployed stacks, each change is an update in place (EKS rolls the nodes), never a replacement', () => {
  const launchTemplates = (properties: string) => [`LaunchTemplate ${properties}`, `LaunchTemplateSystem ${properties}`];

  test.each<[string, BottlerocketEksSettings, BottlerocketEksSettings, string[]]>([
    // The launch templates get a new version (their latest version number moves), which the node groups follow.
    ['ssmAccess off', BASE, { ...BASE, ssmAccess: false },
      ['NodeInstanceRole update (ManagedPolicyArns)', ...launchTemplates('update (LaunchTemplateData)')]],
    ['ssmAccess on again', { ...BASE, ssmAccess: false }, BASE,
      ['NodeInstanceRole update (ManagedPolicyArns)', ...launchTemplates('update (LaunchTemplateData)')]],
    ['detailedMonitoring on', BASE, { ...BASE, detailedMonitoring: true }, ['LaunchTemplate update (LaunchTemplateData)']],
    ['a release pinned', BASE, { ...BASE, releaseVersion: '1.50.0-5c5b35b5' }, ['ManagedNodeGroup update (ReleaseVersion)']],
    ['a newer release', { ...BASE, releaseVersion: '1.49.0-dd9b2f4f' }, { ...BASE, releaseVersion: '1.50.0-5c5b35b5' }, ['ManagedNodeGroup update (ReleaseVersion)']],
    ['the pin removed', { ...BASE, releaseVersion: '1.50.0-5c5b35b5' }, BASE, ['ManagedNodeGroup update (ReleaseVersion)']],
  ])('%s', (_name, from, to, expected) => {
    const changes = inPlace(from, to);
    expect(changes).toEqual(expected.sort());
  });
});
