import { Match } from 'aws-cdk-lib/assertions';
import { BottlerocketEksSettings, ControlPlaneTier, DEFAULT_KUBERNETES_VERSION, SecurityProfile } from 'bottlerocket-eks-config';
import { synthAll } from './helpers';

describe('ClusterStack', () => {
  const { templates, stacks } = synthAll({
    pjPrefix: 'team-a',
    adminPrincipalArns: ['arn:aws:iam::123456789012:role/platform-admin'],
    endpointPublicAccessCidrs: ['203.0.113.0/24'],
  });
  const t = templates.cluster;

  test('creates a native EKS cluster in the imported private subnets', () => {
    expect(stacks.cluster.stackName).toBe('team-a-cluster');
    t.hasResourceProperties('AWS::EKS::Cluster', {
      Name: 'team-a-cluster',
      Version: DEFAULT_KUBERNETES_VERSION,
      ResourcesVpcConfig: {
        SubnetIds: [{ 'Fn::ImportValue': 'team-a-private-subnet-a' }, { 'Fn::ImportValue': 'team-a-private-subnet-c' }],
        EndpointPublicAccess: true,
        EndpointPrivateAccess: true,
        PublicAccessCidrs: ['203.0.113.0/24'],
      },
    });
  });

  test('uses access entries with the creator as admin, standard support and control plane logs', () => {
    t.hasResourceProperties('AWS::EKS::Cluster', {
      AccessConfig: { AuthenticationMode: 'API', BootstrapClusterCreatorAdminPermissions: true },
      UpgradePolicy: { SupportType: 'STANDARD' },
      Logging: { ClusterLogging: { EnabledTypes: [{ Type: 'api' }, { Type: 'audit' }, { Type: 'authenticator' }] } },
    });
  });

  test('grants configured admins the cluster admin policy through access entries', () => {
    t.hasResourceProperties('AWS::EKS::AccessEntry', {
      PrincipalArn: 'arn:aws:iam::123456789012:role/platform-admin',
      AccessPolicies: [{
        AccessScope: { Type: 'cluster' },
        PolicyArn: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy']] },
      }],
    });
  });

  test('installs the networking add-ons, leaving coredns to the node group stack', () => {
    const addons = t.findResources('AWS::EKS::Addon');
    expect(Object.values(addons).map((a: any) => a.Properties.AddonName).sort()).toEqual(['eks-pod-identity-agent', 'kube-proxy', 'vpc-cni']);
  });

  test('the cluster role is trusted by the partition EKS principal', () => {
    t.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: Match.objectLike({
        Statement: [Match.objectLike({ Principal: { Service: [{ 'Fn::FindInMap': ['ServicePrincipalPartitionMap', { Ref: 'AWS::Partition' }, 'EKS'] }] } })],
      }),
    });
  });

  test('exports name, ARN, endpoint, certificate authority and security group', () => {
    const names = Object.values(t.toJSON().Outputs).map((o: any) => o.Export.Name).sort();
    expect(names).toEqual(['team-a-cluster-arn', 'team-a-cluster-certificate-authority', 'team-a-cluster-endpoint',
      'team-a-cluster-name', 'team-a-cluster-security-group-id']);
    t.hasOutput('*', { Export: { Name: 'team-a-cluster-endpoint' }, Value: { 'Fn::GetAtt': ['Cluster', 'Endpoint'] } });
  });
});

describe('zonal shift and the control plane tier', () => {
  const cluster = (settings: Partial<BottlerocketEksSettings>) => synthAll({ pjPrefix: 'team-a', ...settings }).templates.cluster;

  test('neither in the template by default (EKS\'s own), so a deployed cluster\'s template does not change', () => {
    cluster({}).hasResourceProperties('AWS::EKS::Cluster', { ZonalShiftConfig: Match.absent(), ControlPlaneScalingConfig: Match.absent() });
  });

  test('zonal shift on with the strict profile, off when a strict team says so, and a tier when set', () => {
    cluster({ securityProfile: SecurityProfile.STRICT }).hasResourceProperties('AWS::EKS::Cluster', { ZonalShiftConfig: { Enabled: true } });
    cluster({ securityProfile: SecurityProfile.STRICT, zonalShift: false }).hasResourceProperties('AWS::EKS::Cluster', { ZonalShiftConfig: { Enabled: false } });
    cluster({ controlPlaneTier: ControlPlaneTier.TIER_2XL }).hasResourceProperties('AWS::EKS::Cluster', { ControlPlaneScalingConfig: { Tier: 'tier-2xl' } });
  });
});

test('deletion protection: on by default, off when the team says so', () => {
  const cluster = (settings: Partial<BottlerocketEksSettings>) => synthAll({ pjPrefix: 'team-a', ...settings }).templates.cluster;
  cluster({}).hasResourceProperties('AWS::EKS::Cluster', { DeletionProtection: true });
  cluster({ deletionProtection: false }).hasResourceProperties('AWS::EKS::Cluster', { DeletionProtection: false });
});
