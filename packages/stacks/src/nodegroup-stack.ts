import { CfnOutput, CfnParameter, aws_eks as eks, aws_iam as iam } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { NodeArchitecture, ResourceNames, StackKind } from 'bottlerocket-eks-config';
import { BottlerocketEksStack, BottlerocketEksStackProps } from './base-stack';
import { StackImports } from './imports';
import { serviceRole } from './partition';

/** Props of the node group stack; only `pjPrefix` is required (see `BottlerocketEksSettings`). */
export interface NodegroupStackProps extends BottlerocketEksStackProps {}

/** The three managed policies of the blog's node role, and no more. */
export const NODE_ROLE_MANAGED_POLICIES = [
  'AmazonEC2ContainerRegistryReadOnly',
  'AmazonEKSWorkerNodePolicy',
  'AmazonEKS_CNI_Policy',
];

const AMI_TYPES: Record<NodeArchitecture, string> = {
  [NodeArchitecture.X86_64]: 'BOTTLEROCKET_x86_64',
  [NodeArchitecture.ARM_64]: 'BOTTLEROCKET_ARM_64',
};

/**
 * `<prefix>-nodegroup`: the blog's Bottlerocket managed node group, property for property:
 * Bottlerocket AMI, Spot capacity over several same-size instance types, `role: worker`
 * label, a node role trusted by the partition's EC2 principal with the three managed
 * policies. Cluster name and subnets come only from the earlier stacks' exports. The
 * `coredns` add-on is here because its pods need nodes to become ready.
 */
export class NodegroupStack extends BottlerocketEksStack {
  /** The managed node group. */
  public readonly nodegroup: eks.CfnNodegroup;
  /** The role of the nodes' instance profile. */
  public readonly nodeRole: iam.CfnRole;

  constructor(scope: Construct, id: string, props: NodegroupStackProps) {
    super(scope, id, StackKind.NODEGROUP, props);
    const { settings, pjPrefix, exportNames } = this.inputs;
    const imports = new StackImports(this.inputs);
    const clusterName = imports.clusterName();
    const nodegroupName = ResourceNames.nodegroupName(pjPrefix, settings.capacityType);

    this.nodeRole = serviceRole(this, 'NodeInstanceRole', 'EC2', ['sts:AssumeRole'], NODE_ROLE_MANAGED_POLICIES);

    const sizes = this.scalingConfig(props.templateParameters ?? false);
    this.nodegroup = new eks.CfnNodegroup(this, 'ManagedNodeGroup', {
      clusterName,
      nodegroupName,
      amiType: AMI_TYPES[settings.architecture],
      capacityType: settings.capacityType,
      instanceTypes: settings.instanceTypes,
      nodeRole: this.nodeRole.attrArn,
      subnets: imports.privateSubnetIds(),
      scalingConfig: sizes,
      labels: { 'role': 'worker', 'bottlerocket-eks/nodegroup-name': nodegroupName },
      tags: {
        'nodegroup-type': 'Bottlerocket',
        'bottlerocket-eks/nodegroup-name': nodegroupName,
        'bottlerocket-eks/nodegroup-type': 'managed',
      },
    });

    const coredns = new eks.CfnAddon(this, 'Addon-coredns', {
      clusterName,
      addonName: 'coredns',
      resolveConflicts: 'OVERWRITE',
    });
    coredns.node.addDependency(this.nodegroup);

    new CfnOutput(this, 'NodegroupName', { value: nodegroupName, exportName: exportNames.nodegroupName });
    new CfnOutput(this, 'NodeRoleArn', { value: this.nodeRole.attrArn, exportName: exportNames.nodeRoleArn });
  }

  /** Literal sizes, or in template mode the blog's `NodeDesiredSize`/`NodeMinSize`/`NodeMaxSize` parameters. */
  private scalingConfig(templateParameters: boolean): eks.CfnNodegroup.ScalingConfigProperty {
    const { settings } = this.inputs;
    if (!templateParameters) {
      return { desiredSize: settings.nodeDesiredSize, minSize: settings.nodeMinSize, maxSize: settings.nodeMaxSize };
    }
    const param = (id: string, value: number, minValue: number, description: string) =>
      new CfnParameter(this, id, { type: 'Number', default: value, minValue, description }).valueAsNumber;
    return {
      desiredSize: param('NodeDesiredSize', settings.nodeDesiredSize, 0, 'Desired number of nodes (between NodeMinSize and NodeMaxSize)'),
      minSize: param('NodeMinSize', settings.nodeMinSize, 0, 'Minimum number of nodes'),
      maxSize: param('NodeMaxSize', settings.nodeMaxSize, 1, 'Maximum number of nodes'),
    };
  }
}
