import { Match } from 'aws-cdk-lib/assertions';
import { ADDON_NAMES, ADDON_VERSIONS, AddonsOptions, DEFAULT_KUBERNETES_VERSION } from 'bottlerocket-eks-config';
import { BottlerocketEksSettings } from '../src';
import { synthAll } from './helpers';

const addonsOf = (template: any): Record<string, any> => Object.fromEntries(Object.entries<any>(template.findResources('AWS::EKS::Addon'))
  .map(([id, r]) => [r.Properties.AddonName, { id, ...r }]));
const synth = (addons?: AddonsOptions, more: Partial<BottlerocketEksSettings> = {}) => {
  const { templates } = synthAll({ pjPrefix: 'team-a', addons, ...more });
  return { cluster: addonsOf(templates.cluster), nodegroup: addonsOf(templates.nodegroup), templates };
};
const table = ADDON_VERSIONS[DEFAULT_KUBERNETES_VERSION];

describe('add-ons by default', () => {
  const { cluster, nodegroup, templates } = synth();

  test('the networking add-ons live in the cluster stack, under the logical ids deployed stacks have (Addonvpccni...)', () => {
    expect(Object.fromEntries(Object.entries(cluster).map(([name, a]) => [name, [a.id, a.Properties.AddonVersion]]))).toEqual({
      'vpc-cni': ['Addonvpccni', table.vpcCni],
      'kube-proxy': ['Addonkubeproxy', table.kubeProxy],
      'eks-pod-identity-agent': ['Addonekspodidentityagent', table.podIdentityAgent],
    });
  });

  test('the add-ons whose pods need nodes live in the node group stack, at the table\'s versions', () => {
    expect(Object.fromEntries(Object.entries(nodegroup).map(([name, a]) => [name, [a.id, a.Properties.AddonVersion]]))).toEqual({
      'coredns': ['Addoncoredns', table.coreDns],
      'aws-ebs-csi-driver': ['Addonawsebscsidriver', table.ebsCsiDriver],
      'metrics-server': ['Addonmetricsserver', table.metricsServer],
      'eks-node-monitoring-agent': ['Addoneksnodemonitoringagent', table.nodeMonitoringAgent],
    });
  });

  test('cluster add-ons name the cluster by Ref: CloudFormation updates the cluster before them', () => {
    for (const addon of Object.values(cluster)) {
      expect(addon.Properties).toMatchObject({ ClusterName: { Ref: 'Cluster' }, ResolveConflicts: 'OVERWRITE' });
      expect(addon.Properties.PreserveOnDelete).toBeUndefined();
    }
  });

  test('node group add-ons wait for every node group and are kept if the stack is deleted', () => {
    const groups = Object.keys(templates.nodegroup.findResources('AWS::EKS::Nodegroup'));
    for (const addon of Object.values(nodegroup)) {
      expect(addon.DependsOn).toEqual(expect.arrayContaining(groups));
      expect(addon.Properties).toMatchObject({
        ClusterName: { 'Fn::ImportValue': 'team-a-cluster-name' }, ResolveConflicts: 'OVERWRITE', PreserveOnDelete: true,
      });
    }
  });

  test('the EBS CSI driver creates a default StorageClass; the others have no configuration values', () => {
    expect(JSON.parse(nodegroup['aws-ebs-csi-driver'].Properties.ConfigurationValues)).toEqual({ defaultStorageClass: { enabled: true } });
    const others = [...Object.values(cluster), ...Object.values(nodegroup)].filter((a) => a.Properties.AddonName !== 'aws-ebs-csi-driver');
    expect(others.map((a) => a.Properties.ConfigurationValues)).toEqual(Array(6).fill(undefined));
  });

  test('the EBS CSI driver takes its role through EKS Pod Identity, as its controller service account', () => {
    expect(nodegroup['aws-ebs-csi-driver'].Properties.PodIdentityAssociations).toEqual([
      { ServiceAccount: 'ebs-csi-controller-sa', RoleArn: { 'Fn::GetAtt': ['EbsCsiDriverRole', 'Arn'] } },
    ]);
    templates.nodegroup.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: ['pods.eks.amazonaws.com'] }, Action: ['sts:AssumeRole', 'sts:TagSession'] }],
      },
      ManagedPolicyArns: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy']] }],
    });
    for (const addon of Object.values(nodegroup).filter((a) => a.Properties.AddonName !== 'aws-ebs-csi-driver')) {
      expect(addon.Properties.PodIdentityAssociations).toBeUndefined();
    }
  });
});

describe('add-on options', () => {
  const base = synth();

  test.each<[keyof AddonsOptions, string]>([
    ['ebsCsiDriver', 'aws-ebs-csi-driver'], ['metricsServer', 'metrics-server'], ['nodeMonitoringAgent', 'eks-node-monitoring-agent'],
  ])('turning %s off removes only it', (key, name) => {
    const { cluster, nodegroup, templates } = synth({ [key]: { enabled: false } });
    expect(Object.keys(nodegroup)).toEqual(Object.keys(base.nodegroup).filter((n) => n !== name));
    expect(cluster).toEqual(base.cluster);
    for (const other of Object.keys(nodegroup)) expect(nodegroup[other]).toEqual(base.nodegroup[other]);
    const roles = Object.keys(templates.nodegroup.findResources('AWS::IAM::Role'));
    expect(roles.includes('EbsCsiDriverRole')).toBe(key !== 'ebsCsiDriver');
  });

  test('configuration values are rendered as JSON text, the EBS CSI driver\'s over its default StorageClass', () => {
    const { cluster, nodegroup } = synth({
      vpcCni: { configurationValues: { env: { ENABLE_PREFIX_DELEGATION: 'true' } } },
      coreDns: { configurationValues: { replicaCount: 3 } },
      ebsCsiDriver: { configurationValues: { controller: { replicaCount: 1 } } },
    });
    expect(cluster['vpc-cni'].Properties.ConfigurationValues).toBe('{"env":{"ENABLE_PREFIX_DELEGATION":"true"}}');
    expect(nodegroup.coredns.Properties.ConfigurationValues).toBe('{"replicaCount":3}');
    expect(nodegroup['aws-ebs-csi-driver'].Properties.ConfigurationValues).toBe('{"defaultStorageClass":{"enabled":true},"controller":{"replicaCount":1}}');
  });

  test('a version set wins over the table', () => {
    const { cluster, nodegroup } = synth({ kubeProxy: { version: 'v1.33.0-eksbuild.2' }, metricsServer: { version: 'v0.7.2-eksbuild.1' } });
    expect(cluster['kube-proxy'].Properties.AddonVersion).toBe('v1.33.0-eksbuild.2');
    expect(nodegroup['metrics-server'].Properties.AddonVersion).toBe('v0.7.2-eksbuild.1');
  });

  test('a Kubernetes upgrade moves every add-on with a version to the new version\'s row, in the same deploy; the others have none', () => {
    const versions = Object.keys(ADDON_VERSIONS).filter((v) => v !== DEFAULT_KUBERNETES_VERSION);
    for (const kubernetesVersion of versions) {
      const { cluster, nodegroup, templates } = synth(undefined, { kubernetesVersion });
      templates.cluster.hasResourceProperties('AWS::EKS::Cluster', { Version: kubernetesVersion });
      const all = { ...cluster, ...nodegroup };
      for (const [key, name] of Object.entries(ADDON_NAMES)) {
        expect([name, all[name].Properties.AddonVersion]).toEqual([name, ADDON_VERSIONS[kubernetesVersion][key as keyof typeof ADDON_NAMES]]);
      }
    }
  });

  test('an add-on without a verified version has no AddonVersion at all: EKS installs its default at creation', () => {
    const { cluster, nodegroup } = synth();
    const all = { ...cluster, ...nodegroup };
    const unverified = Object.entries(ADDON_NAMES).filter(([key]) => table[key as keyof typeof ADDON_NAMES] === undefined);
    expect(unverified.length).toBeGreaterThan(0);
    for (const [, name] of unverified) expect(Object.keys(all[name].Properties)).not.toContain('AddonVersion');
    for (const [key, name] of Object.entries(ADDON_NAMES).filter(([k]) => table[k as keyof typeof ADDON_NAMES] !== undefined)) {
      expect(all[name].Properties.AddonVersion).toBe(table[key as keyof typeof ADDON_NAMES]);
    }
  });

  test('a pinned version is written whether or not the table has one', () => {
    const { cluster } = synth({ vpcCni: { version: 'v1.20.4-eksbuild.1' } }, { kubernetesVersion: '1.37' });
    expect(cluster['vpc-cni'].Properties.AddonVersion).toBe('v1.20.4-eksbuild.1');
    expect(Object.keys(cluster['kube-proxy'].Properties)).not.toContain('AddonVersion');
  });

  test('the node group stack still references the cluster only through its export', () => {
    const { templates } = synth();
    templates.nodegroup.hasResourceProperties('AWS::EKS::Addon', { ClusterName: Match.objectLike({ 'Fn::ImportValue': 'team-a-cluster-name' }) });
  });
});
