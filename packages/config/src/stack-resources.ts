import { SecurityProfile } from './enums';
import { ResolvedSettings } from './resolved';

/** The network stack's resource types when it creates the VPC. */
const NETWORK_TYPES = [
  'AWS::EC2::VPC', 'AWS::EC2::Subnet', 'AWS::EC2::InternetGateway', 'AWS::EC2::VPCGatewayAttachment', 'AWS::EC2::EIP',
  'AWS::EC2::NatGateway', 'AWS::EC2::RouteTable', 'AWS::EC2::Route', 'AWS::EC2::SubnetRouteTableAssociation',
];

/**
 * The CloudFormation resource types the three stacks of a deployment create, from its
 * settings: what a deploy role must be able to create, update and delete. The stacks
 * library's tests hold every synthesized variant to this list.
 */
export function stackResourceTypes(settings: ResolvedSettings): string[] {
  const strict = settings.securityProfile === SecurityProfile.STRICT;
  return [
    // With the team's own VPC, the network stack only exports its ids (beside a placeholder).
    ...(settings.existingVpc ? ['AWS::CloudFormation::WaitConditionHandle'] : NETWORK_TYPES),
    'AWS::IAM::Role', 'AWS::EKS::Cluster', 'AWS::EKS::Addon', 'AWS::EKS::Nodegroup',
    ...(settings.adminPrincipalArns.length > 0 ? ['AWS::EKS::AccessEntry'] : []),
    ...(settings.secretsEncryption ? ['AWS::IAM::Policy'] : []),
    ...(strict ? ['AWS::KMS::Key', 'AWS::KMS::Alias'] : []),
    ...(settings.logRetentionDays !== undefined ? ['AWS::Logs::LogGroup'] : []),
    ...(settings.nodegroups.some((g) => g.launchTemplate) ? ['AWS::EC2::LaunchTemplate'] : []),
  ];
}

/**
 * The AWS managed policies the stacks attach to their roles (the cluster role, the node role
 * with Session Manager access, the EBS CSI driver's role), by name under `policy/`: the only
 * ones the deploy role may attach.
 */
export const STACK_MANAGED_POLICIES: string[] = [
  'AmazonEKSClusterPolicy',
  'AmazonEC2ContainerRegistryReadOnly', 'AmazonEKSWorkerNodePolicy', 'AmazonEKS_CNI_Policy', 'AmazonSSMManagedInstanceCore',
  'service-role/AmazonEBSCSIDriverPolicy',
];
