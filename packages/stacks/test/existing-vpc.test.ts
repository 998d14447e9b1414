import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { validateTemplate } from 'bottlerocket-eks-test-support';
import { BottlerocketEksSettings, NetworkStack, ResourceNames, Settings } from '../src';
import { exportedNames, importedNames, planFrom, synthAll, templatesByStackName } from './helpers';
import { testApp } from './temp';
import { explainAll, StackPlan } from '../src/plan';
import { quotaNeed } from '../src/preflight/quotas';
import { teamContract } from '../src/testing';

const ZONES = ['eu-west-1a', 'eu-west-1c'];
const CREATED: BottlerocketEksSettings = { pjPrefix: 'team-a', region: 'eu-west-1', availabilityZones: ZONES };
const PRIVATE = { 'eu-west-1c': 'subnet-0123456789abcdef1', 'eu-west-1a': 'subnet-0123456789abcdef0' };
const PUBLIC = { 'eu-west-1a': 'subnet-0123456789abcdef2', 'eu-west-1c': 'subnet-0123456789abcdef3' };
const OWN: BottlerocketEksSettings = { pjPrefix: 'team-a', region: 'eu-west-1', vpcId: 'vpc-0123456789abcdef0', privateSubnetIds: PRIVATE, publicSubnetIds: PUBLIC };

/** Each output of a template: its export name and value. */
function exportsOf(template: any): Record<string, { name: string; value: unknown }> {
  return Object.fromEntries(Object.entries<any>(template.Outputs ?? {}).map(([id, o]) => [id, { name: o.Export?.Name, value: o.Value }]));
}

describe('the network stack with an existing VPC', () => {
  const own = synthAll(OWN).templates;
  const created = synthAll(CREATED).templates;

  test('creates nothing but a no-op wait condition handle (a template needs one resource)', () => {
    expect(Object.values<any>(own.network.toJSON().Resources).map((r) => r.Type)).toEqual(['AWS::CloudFormation::WaitConditionHandle']);
  });

  test('exports the given ids under the output ids and export names of a created VPC', () => {
    const ownExports = exportsOf(own.network.toJSON());
    expect(ownExports).toEqual({
      VpcId: { name: 'team-a-vpc-id', value: 'vpc-0123456789abcdef0' },
      PrivateSubnetAId: { name: 'team-a-private-subnet-a', value: 'subnet-0123456789abcdef0' },
      PublicSubnetAId: { name: 'team-a-public-subnet-a', value: 'subnet-0123456789abcdef2' },
      PrivateSubnetCId: { name: 'team-a-private-subnet-c', value: 'subnet-0123456789abcdef1' },
      PublicSubnetCId: { name: 'team-a-public-subnet-c', value: 'subnet-0123456789abcdef3' },
    });
    const createdExports = exportsOf(created.network.toJSON());
    expect(Object.keys(ownExports).sort()).toEqual(Object.keys(createdExports).sort());
    for (const id of Object.keys(ownExports)) expect(ownExports[id].name).toBe(createdExports[id].name);
  });

  test('exports no public subnet when none is given', () => {
    const template = synthAll({ ...OWN, publicSubnetIds: undefined }).templates.network.toJSON();
    expect(exportedNames(template).sort()).toEqual(['team-a-private-subnet-a', 'team-a-private-subnet-c', 'team-a-vpc-id']);
  });

  test('leaves the cluster and node group templates exactly as with a created VPC in the same zones', () => {
    expect(own.cluster.toJSON()).toEqual(created.cluster.toJSON());
    expect(own.nodegroup.toJSON()).toEqual(created.nodegroup.toJSON());
    for (const name of new Set([...importedNames(own.cluster.toJSON()), ...importedNames(own.nodegroup.toJSON())])) {
      if (name.startsWith('team-a-cluster') || name.startsWith('team-a-nodegroup')) continue;
      expect(exportedNames(own.network.toJSON())).toContain(name);
    }
  });

  test('validates against the resource specification, also as a plain template (a PJPrefix parameter, no zone parameter)', () => {
    expect(validateTemplate(own.network.toJSON())).toEqual({ resources: 1, findings: [] });
    const app: App = testApp({ builtinCloudFormationValidation: false });
    const stack = new NetworkStack(app, 'network', { settings: Settings.resolve(OWN), templateParameters: true });
    const template = Template.fromStack(stack).toJSON();
    expect(validateTemplate(template)).toEqual({ resources: 1, findings: [] });
    expect(Object.keys(template.Parameters)).toEqual(['PJPrefix']);
    expect(template.Outputs.PrivateSubnetAId).toEqual({
      Value: 'subnet-0123456789abcdef0', Export: { Name: { 'Fn::Join': ['', [{ Ref: 'PJPrefix' }, '-private-subnet-a']] } },
    });
  });

  const variants: Array<[string, BottlerocketEksSettings]> = [['with public subnets', OWN], ['without', { ...OWN, publicSubnetIds: undefined }]];
  test.each(variants)('keeps the team contract, %s', (_name, settings) => {
    const { templates: t } = synthAll(settings);
    const stacks = { network: t.network.toJSON(), cluster: t.cluster.toJSON(), nodegroup: t.nodegroup.toJSON() };
    expect(teamContract(stacks, Settings.resolve(settings))).toEqual([]);
  });

  test('a first deploy counts no VPC and no Elastic IP against the quotas', () => {
    expect(quotaNeed(Settings.resolve(OWN), { network: true, cluster: true })).toEqual({ vpcs: 0, elasticIps: 0, clusters: 1 });
  });
});

function plan(from: BottlerocketEksSettings, to: BottlerocketEksSettings): StackPlan[] {
  return planFrom(templatesByStackName(from), to);
}

describe('switching a deployed network stack between a created VPC and an existing one', () => {
  test.each<[string, BottlerocketEksSettings, BottlerocketEksSettings]>([
    ['to an existing VPC', CREATED, OWN],
    ['back to a created VPC', OWN, CREATED],
  ])('%s is refused before deploy: the cluster and nodes import the subnets', (_name, from, to) => {
    const plans = plan(from, to);
    const refusals = explainAll(plans, new ResourceNames('team-a'));
    expect(refusals.length).toBeGreaterThan(0);
    expect(new Set(refusals.map((r) => r.setting))).toEqual(new Set(['vpcId']));
    expect(refusals[0].reason).toMatch(/^export team-a-private-subnet-a would change value.*but team-a-cluster, team-a-nodegroup import it$/);
    expect(refusals[0].wayOut).toBe('Set vpcId (and the subnet ids) back: the cluster and its nodes are in the subnets this stack exports now, and EKS '
      + 'cannot move a cluster to another VPC. To move to the other VPC, destroy team-a-nodegroup and team-a-cluster first '
      + '(`npx nx destroy cluster --confirm=team-a` destroys both, node group first), deploy, then deploy them again; '
      + 'or deploy a new pjPrefix beside this one and move the workloads over.');
  });

  test('a deploy of unchanged settings with an existing VPC changes nothing', () => {
    const plans = plan(OWN, OWN);
    expect(plans.every((p) => p.status === 'unchanged')).toBe(true);
  });
});
