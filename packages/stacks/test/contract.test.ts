import * as fs from 'fs';
import * as path from 'path';
import { tempDir } from './temp';
import { ExportNames, plainTemplates, toYaml } from '../src';
import { exportedNames, importedNames, synthAll, walk } from './helpers';

/** The plain templates, their cloud assembly written into a temp folder of this file. */
const freshPlainTemplates = () => plainTemplates({ outdir: tempDir('cdk.out') });

const FORBIDDEN_TYPES = /^(Custom::|AWS::CloudFormation::CustomResource|AWS::Lambda::|AWS::CloudFormation::Stack$)/;

function everyTemplate(): Record<string, any> {
  const { templates } = synthAll({ pjPrefix: 'team-a' });
  const result: Record<string, any> = {};
  for (const [kind, t] of Object.entries(templates)) result[`stack ${kind}`] = t.toJSON();
  for (const [kind, t] of Object.entries(freshPlainTemplates())) result[`templates/${kind}.yaml`] = t;
  return result;
}

describe('the export contract', () => {
  test('every import of the cluster and node group stacks names an export of an earlier stack', () => {
    const { templates } = synthAll({ pjPrefix: 'team-a' });
    const network = exportedNames(templates.network.toJSON());
    const cluster = exportedNames(templates.cluster.toJSON());
    expect(importedNames(templates.network.toJSON())).toEqual([]);
    const clusterImports = importedNames(templates.cluster.toJSON());
    expect(clusterImports.length).toBeGreaterThan(0);
    for (const name of clusterImports) expect(network).toContain(name);
    const nodegroupImports = importedNames(templates.nodegroup.toJSON());
    for (const name of nodegroupImports) expect([...network, ...cluster]).toContain(name);
    expect(nodegroupImports).toEqual(expect.arrayContaining([new ExportNames('team-a').clusterName]));
  });

  test('exports are exactly the names ExportNames derives', () => {
    const names = new ExportNames('team-a');
    const { templates } = synthAll({ pjPrefix: 'team-a' });
    expect(exportedNames(templates.network.toJSON()).sort()).toEqual([
      names.vpcId, names.privateSubnet('a'), names.publicSubnet('a'), names.privateSubnet('c'), names.publicSubnet('c'),
    ].sort());
    expect(exportedNames(templates.cluster.toJSON()).sort()).toEqual([
      names.clusterName, names.clusterArn, names.clusterEndpoint, names.clusterCertificateAuthority, names.clusterSecurityGroupId,
    ].sort());
    expect(exportedNames(templates.nodegroup.toJSON()).sort()).toEqual([names.nodegroupName, names.nodeRoleArn].sort());
  });

  test('two prefixes share no export name, stack name or physical name', () => {
    const physical = (prefix: string) => {
      const { templates, stacks } = synthAll({ pjPrefix: prefix });
      const names = new Set<string>(Object.values(stacks).map((s) => s.stackName));
      for (const t of Object.values(templates)) {
        const json = t.toJSON();
        exportedNames(json).forEach((n) => names.add(n));
        for (const resource of Object.values(json.Resources) as any[]) {
          for (const key of ['Name', 'NodegroupName', 'RoleName', 'ClusterName']) {
            const value = resource.Properties?.[key];
            if (typeof value === 'string') names.add(value);
          }
        }
      }
      return names;
    };
    const a = physical('team-a');
    const b = physical('team-b');
    expect(a.size).toBeGreaterThan(10);
    expect([...a].filter((n) => b.has(n))).toEqual([]);
  });
});

describe('every stack and template', () => {
  const templates = everyTemplate();

  test.each(Object.keys(templates))('%s has no literal arn:aws: and follows AWS::Partition', (name) => {
    expect(JSON.stringify(templates[name])).not.toMatch(/arn:aws[:-]/);
  });

  test.each(Object.keys(templates))('%s has no Lambda, custom resource or nested stack', (name) => {
    const types = Object.values(templates[name].Resources).map((r: any) => r.Type);
    expect(types.filter((t) => FORBIDDEN_TYPES.test(t))).toEqual([]);
  });

  test.each(Object.keys(templates))('%s needs no bootstrap: no bootstrap-version rule or parameter, no asset', (name) => {
    // The only rule is the plain network template's own (two zone parameters must differ).
    expect(Object.keys(templates[name].Rules ?? {}).filter((rule) => rule !== 'DistinctAvailabilityZones')).toEqual([]);
    expect(Object.keys(templates[name].Parameters ?? {})).not.toContain('BootstrapVersion');
    walk(templates[name], (node) => {
      if (typeof node === 'string') expect(node).not.toMatch(/cdk-hnb659fds|AssetParameters/);
    });
  });
});

test('all stacks pass aws-cdk-lib CloudFormation validation with no unacknowledged finding', () => {
  const outdir = tempDir('validate');
  const { app } = synthAll({ pjPrefix: 'team-a', adminPrincipalArns: ['arn:aws:iam::123456789012:role/admin'] },
    { builtinCloudFormationValidation: true, outdir });
  app.synth();
  // (The plugin skips region-agnostic stacks, so the plain templates are not covered here.)
  const report = JSON.parse(fs.readFileSync(path.join(outdir, 'validation-report.json'), 'utf-8'));
  expect(report.pluginReports.map((r: any) => r.pluginName)).toEqual(['CloudFormation Validate']);
  expect(report.pluginReports.flatMap((r: any) => r.violations)).toEqual([]);
});

describe('templates/', () => {
  const dir = path.join(__dirname, '..', '..', '..', 'templates');

  test('the committed templates equal a fresh generation (run `npx projen templates` when this fails)', () => {
    for (const [kind, template] of Object.entries(freshPlainTemplates())) {
      const file = path.join(dir, `${kind}.yaml`);
      expect(fs.existsSync(file)).toBe(true);
      expect(fs.readFileSync(file, 'utf-8')).toEqual(toYaml(template));
    }
  });

  test('take PJPrefix and the node sizes as parameters, like the blog', () => {
    const t = freshPlainTemplates();
    for (const template of Object.values(t)) expect(template.Parameters.PJPrefix).toMatchObject({ Type: 'String', MaxLength: 24 });
    expect(Object.keys(t.nodegroup.Parameters)).toEqual(['PJPrefix', 'NodeDesiredSize', 'NodeMinSize', 'NodeMaxSize']);
    expect(importedNames(t.nodegroup)).toContainEqual({ 'Fn::Join': ['', [{ Ref: 'PJPrefix' }, '-private-subnet-a']] });
    expect(exportedNames(t.network)).toContainEqual({ 'Fn::Join': ['', [{ Ref: 'PJPrefix' }, '-private-subnet-c']] });
  });

  test('take the zone of each subnet slot as a parameter (not every region has a zone c)', () => {
    const network = freshPlainTemplates().network;
    expect(network.Parameters.AvailabilityZoneC).toMatchObject({ Type: 'AWS::EC2::AvailabilityZone::Name' });
    const subnets = Object.values(network.Resources).filter((r: any) => r.Type === 'AWS::EC2::Subnet') as any[];
    expect(subnets.map((s) => s.Properties.AvailabilityZone)).toEqual([
      { Ref: 'AvailabilityZoneA' }, { Ref: 'AvailabilityZoneC' }, { Ref: 'AvailabilityZoneA' }, { Ref: 'AvailabilityZoneC' },
    ]);
  });
});
