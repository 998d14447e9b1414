import * as fs from 'fs';
import * as path from 'path';
import { tempDir } from './temp';
import { CapacityType, ExportNames, Settings, StackKind } from '../src';
import { synthAll } from './helpers';
import {
  assertTeamContract, assertTemplatesUpToDate, staleTemplates, teamContract, templatesFromAssembly,
} from '../src/testing';

const SETTINGS = {
  pjPrefix: 'team-a',
  extraNodegroups: [{ name: 'system', capacityType: CapacityType.ON_DEMAND, instanceTypes: ['m6i.large'] }],
};
const resolved = Settings.resolve(SETTINGS);

/** The three stacks of SETTINGS as a team's synth writes them: the cloud assembly folder. */
function assembly(settings = SETTINGS): string {
  const { app } = synthAll(settings);
  return app.synth().directory;
}

/** The templates of SETTINGS by kind, each a fresh copy to break. */
function templates(): Record<StackKind, any> {
  const { templates: t } = synthAll(SETTINGS);
  return {
    [StackKind.NETWORK]: t.network.toJSON(),
    [StackKind.CLUSTER]: t.cluster.toJSON(),
    [StackKind.NODEGROUP]: t.nodegroup.toJSON(),
  };
}

function resourcesOf(template: any, type: string): any[] {
  return Object.values(template.Resources).filter((r: any) => r.Type === type);
}

describe('teamContract', () => {
  let dir = '';
  beforeAll(() => { dir = assembly(); });

  test('the stacks of the library keep it: no finding, from the assembly or from templates by kind', () => {
    expect(teamContract(dir, resolved)).toEqual([]);
    expect(teamContract(templates(), resolved)).toEqual([]);
    expect(() => assertTeamContract(dir, resolved)).not.toThrow();
  });

  test('an assembly of another prefix: stack names, exports and imports are not those the prefix implies', () => {
    const findings = teamContract(dir, Settings.resolve({ ...SETTINGS, pjPrefix: 'team-b' }));
    expect(findings).toContainEqual('network stack team-a-network: stack name is team-a-network, expected team-b-network (from pjPrefix "team-b").');
    expect(findings).toContainEqual(expect.stringMatching(/^cluster stack team-a-cluster: exports team-a-cluster-name, which is not one of its export names/));
    expect(findings).toContainEqual('cluster stack team-a-cluster: does not export team-b-cluster-name.');
  });

  test('an import of a missing export, and one of a stack that deploys later', () => {
    const t = templates();
    const names = new ExportNames('team-a');
    t.cluster.Resources.Extra = { Type: 'AWS::SSM::Parameter', Properties: { Type: 'String', Value: { 'Fn::ImportValue': 'team-a-nothing' } } };
    t.network.Resources.Later = { Type: 'AWS::SSM::Parameter', Properties: { Type: 'String', Value: { 'Fn::ImportValue': names.clusterName } } };
    expect(teamContract(t, resolved)).toEqual([
      'network stack: imports team-a-cluster-name from the cluster stack, which does not deploy before it (deploy order: network -> cluster -> nodegroup).',
      'cluster stack: imports team-a-nothing, which no stack exports.',
    ]);
  });

  test('a missing stack, and its exports missing for the stacks importing them', () => {
    const { network, nodegroup } = templates();
    const findings = teamContract({ network, nodegroup }, resolved);
    expect(findings).toContainEqual('No cluster stack (expected team-a-cluster).');
    expect(findings).toContainEqual('nodegroup stack: imports team-a-cluster-name, which no stack exports.');
  });

  test('a Lambda function and custom resources', () => {
    const t = templates();
    t.cluster.Resources.Fn = { Type: 'AWS::Lambda::Function', Properties: {} };
    t.cluster.Resources.Thing = { Type: 'Custom::Thing', Properties: {} };
    t.nodegroup.Resources.Other = { Type: 'AWS::CloudFormation::CustomResource', Properties: {} };
    expect(teamContract(t, resolved)).toEqual([
      'cluster stack: resource Fn is a AWS::Lambda::Function: no Lambda function or custom resource is allowed.',
      'cluster stack: resource Thing is a Custom::Thing: no Lambda function or custom resource is allowed.',
      'nodegroup stack: resource Other is a AWS::CloudFormation::CustomResource: no Lambda function or custom resource is allowed.',
    ]);
  });

  test('a launch template without IMDSv2 or with an unencrypted volume', () => {
    const t = templates();
    const [main, system] = resourcesOf(t.nodegroup, 'AWS::EC2::LaunchTemplate');
    main.Properties.LaunchTemplateData.MetadataOptions.HttpTokens = 'optional';
    system.Properties.LaunchTemplateData.BlockDeviceMappings[1].Ebs.Encrypted = false;
    expect(teamContract(t, resolved)).toEqual([
      'nodegroup stack: launch template LaunchTemplate does not require IMDSv2 (MetadataOptions.HttpTokens is "optional", expected "required").',
      'nodegroup stack: launch template LaunchTemplateSystem does not encrypt the volume /dev/xvdb (Ebs.Encrypted is false).',
    ]);
  });

  test('a node group without Bottlerocket, its labels or the configured capacity type', () => {
    const t = templates();
    const [main, system] = resourcesOf(t.nodegroup, 'AWS::EKS::Nodegroup');
    main.Properties.AmiType = 'AL2023_x86_64_STANDARD';
    delete main.Properties.Labels.role;
    system.Properties.CapacityType = 'SPOT';
    expect(teamContract(t, resolved)).toEqual([
      'nodegroup stack: node group ManagedNodeGroup has AMI type "AL2023_x86_64_STANDARD", not a Bottlerocket one (BOTTLEROCKET_*).',
      'nodegroup stack: node group ManagedNodeGroup does not have the label role: worker (found undefined).',
      'nodegroup stack: node group ManagedNodeGroupSystem (team-a-system) has capacity type "SPOT", but the settings say ON_DEMAND.',
    ]);
  });

  test('settings changed without a new synth: the node groups are not those configured', () => {
    const findings = teamContract(dir, Settings.resolve({ ...SETTINGS, capacityType: CapacityType.ON_DEMAND }));
    expect(findings).toEqual([
      expect.stringMatching(/^nodegroup stack team-a-nodegroup: node group ManagedNodeGroup has the label bottlerocket-eks\/nodegroup-name: "team-a-bottlerocket-spot", which is no configured node group/),
      'No node group has the label bottlerocket-eks/nodegroup-name: team-a-bottlerocket-ondemand, a configured node group.',
    ]);
  });

  test('assertTeamContract lists every finding in its error', () => {
    const t = templates();
    t.cluster.Resources.Fn = { Type: 'AWS::Lambda::Function', Properties: {} };
    expect(() => assertTeamContract(t, resolved)).toThrow(
      'The stacks break the bottlerocket-eks contract (1 finding):\n'
      + '  - cluster stack: resource Fn is a AWS::Lambda::Function: no Lambda function or custom resource is allowed.\n');
  });

  test('a folder without an assembly is an error that says to synthesize', () => {
    expect(() => teamContract(tempDir('empty'), resolved)).toThrow(/manifest.json not found: run `npx projen synth` first/);
  });
});

describe('templates/ up to date', () => {
  let dir = '';
  let templatesDir = '';
  beforeEach(() => {
    dir = assembly();
    templatesDir = tempDir('templates');
    for (const [file, yaml] of Object.entries(templatesFromAssembly(dir))) fs.writeFileSync(path.join(templatesDir, file), yaml);
  });

  test('templatesFromAssembly gives the YAML of each stack by file name', () => {
    expect(Object.keys(templatesFromAssembly(dir))).toEqual(['network.yaml', 'cluster.yaml', 'nodegroup.yaml']);
    expect(staleTemplates(dir, templatesDir)).toEqual([]);
    expect(() => assertTemplatesUpToDate(dir, templatesDir)).not.toThrow();
  });

  test('a deleted line, and a missing file', () => {
    const file = path.join(templatesDir, 'nodegroup.yaml');
    const lines = fs.readFileSync(file, 'utf-8').split('\n');
    fs.writeFileSync(file, [...lines.slice(0, 4), ...lines.slice(5)].join('\n'));
    fs.rmSync(path.join(templatesDir, 'cluster.yaml'));
    expect(staleTemplates(dir, templatesDir)).toEqual([
      `${path.join(templatesDir, 'cluster.yaml')} is missing.`,
      `${file} differs from ${dir} at line 5: expected ${JSON.stringify(lines[4])}, found ${JSON.stringify(lines[5])}.`,
    ]);
    expect(() => assertTemplatesUpToDate(dir, templatesDir)).toThrow(/is not what .* gives \(2 findings\):[^]*Run `npx projen synth`/);
  });
});
