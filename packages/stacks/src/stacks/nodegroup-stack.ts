import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as eks from 'aws-cdk-lib/aws-eks';
import * as iam from 'aws-cdk-lib/aws-iam';
import { CfnOutput, CfnParameter, Fn } from 'aws-cdk-lib/core';
import { nodegroupRelease, ResolvedNodegroup, ResourceNames, StackKind } from 'bottlerocket-eks-config';
import { Construct } from 'constructs';
import { addNodegroupAddons } from './addons';
import { BottlerocketEksStack, BottlerocketEksStackProps } from './base-stack';
import { renderBottlerocketToml } from './bottlerocket-toml';
import { StackImports } from './imports';
import { addSsmAccess } from './node-access';
import { serviceRole } from './partition';

/** Props of the node group stack: the resolved settings (see `BottlerocketEksStackProps`). */
export interface NodegroupStackProps extends BottlerocketEksStackProps {}

/** What every node group of the stack uses: the imported cluster and subnets, and whether this is a plain template. */
interface SharedNodegroupInputs {
  readonly clusterName: string;
  readonly subnets: string[];
  readonly templateParameters: boolean;
}

/** The three managed policies of the blog's node role, and no more. */
export const NODE_ROLE_MANAGED_POLICIES = [
  'AmazonEC2ContainerRegistryReadOnly',
  'AmazonEKSWorkerNodePolicy',
  'AmazonEKS_CNI_Policy',
];

/**
 * `<prefix>-nodegroup`: the blog's Bottlerocket managed node group, and any extra groups.
 * Each group: Bottlerocket AMI type for its architecture and variant, Spot (or on-demand)
 * capacity over same-size instance types, `role: worker` label, a launch template (IMDSv2,
 * encrypted gp3 volumes, Bottlerocket TOML settings) that names no AMI, subnet, instance
 * type or cluster, so EKS can merge its bootstrap settings in. Cluster name and subnets
 * come only from the earlier stacks' exports. One node role with the blog's three managed
 * policies serves every group. The add-ons whose pods need nodes (coredns, the EBS CSI
 * driver with its Pod Identity role, metrics-server, the node monitoring agent) are here.
 */
export class NodegroupStack extends BottlerocketEksStack {
  /** The main managed node group. */
  public readonly nodegroup: eks.CfnNodegroup;
  /** Every managed node group, the main one first. */
  public readonly nodegroups: eks.CfnNodegroup[];
  /** The launch templates, by the group's short name (`ResolvedNodegroup.name`; none for a group with `launchTemplate: false`). */
  public readonly launchTemplates: Record<string, ec2.CfnLaunchTemplate> = {};
  /** The role of the nodes' instance profile. */
  public readonly nodeRole: iam.CfnRole;

  constructor(scope: Construct, id: string, props: NodegroupStackProps) {
    super(scope, id, StackKind.NODEGROUP, props);
    const { names, settings } = this.inputs;
    const imports = new StackImports(this.inputs);
    const clusterName = imports.clusterName();
    const subnets = imports.privateSubnetIds();

    this.nodeRole = serviceRole(this, 'NodeInstanceRole', 'EC2', ['sts:AssumeRole'], NODE_ROLE_MANAGED_POLICIES,
      'The three AWS managed policies EKS requires on node group nodes (the blog\'s node role): AmazonEKSWorkerNodePolicy, '
      + 'AmazonEKS_CNI_Policy and AmazonEC2ContainerRegistryReadOnly');
    if (settings.ssmAccess) addSsmAccess(this.nodeRole);

    const templateParameters = props.templateParameters ?? false;
    this.nodegroups = settings.nodegroups.map((group, i) => this.addNodegroup(group, i, { clusterName, subnets, templateParameters }));
    this.nodegroup = this.nodegroups[0];

    // coredns, the EBS CSI driver, metrics-server and the node monitoring agent: their pods
    // need nodes, so they come after every group and are kept if this stack is deleted.
    addNodegroupAddons(this, clusterName, settings.addons, this.nodegroups);

    new CfnOutput(this, 'NodegroupName', { value: this.nodegroup.nodegroupName!, exportName: names.exports.nodegroupName });
    new CfnOutput(this, 'NodeRoleArn', { value: this.nodeRole.attrArn, exportName: names.exports.nodeRoleArn });
  }

  /** One managed node group (`index` 0 is the main one) with its launch template, if it has one. */
  private addNodegroup(group: ResolvedNodegroup, index: number, shared: SharedNodegroupInputs): eks.CfnNodegroup {
    const main = index === 0;
    const { names, zoneLetters } = this.inputs;
    // The name the group keeps for life (label, tags, launch template) ...
    const stableName = names.nodegroup(group.name);
    const suffix = main ? '' : group.id;
    const launchTemplate = group.launchTemplate ? this.launchTemplate(`LaunchTemplate${suffix}`, names.launchTemplate(group.name), group) : undefined;
    if (launchTemplate) this.launchTemplates[group.name] = launchTemplate;
    // ... and the EKS name, new with every change of a create-only property, so a change of
    // instance types, AMI type, capacity type or zones replaces the group without a name
    // clash. A launch template can only be given to a group at creation, so its presence
    // counts too. The cluster, subnets (by zone) and role are the same imports every time.
    const createOnly = {
      amiType: group.amiType,
      capacityType: group.capacityType,
      instanceTypes: group.instanceTypes,
      zones: zoneLetters,
      launchTemplate: group.launchTemplate,
    };
    return new eks.CfnNodegroup(this, `ManagedNodeGroup${suffix}`, {
      clusterName: shared.clusterName,
      nodegroupName: names.nodegroupVersion(group.name, ResourceNames.fingerprint(createOnly)),
      // Follows the cluster: a version bump in the settings upgrades the nodes too.
      version: this.inputs.settings.kubernetesVersion,
      // The group's own release (pinned), else the environment's (the release train's); unset,
      // the latest when the group is created or upgraded. A change rolls the nodes in place.
      releaseVersion: nodegroupRelease(this.inputs.settings, group),
      amiType: createOnly.amiType,
      capacityType: createOnly.capacityType,
      instanceTypes: createOnly.instanceTypes,
      nodeRole: this.nodeRole.attrArn,
      subnets: shared.subnets,
      scalingConfig: main && shared.templateParameters ? this.sizeParameters()
        : { desiredSize: group.desiredSize, minSize: group.minSize, maxSize: group.maxSize },
      launchTemplate: launchTemplate ? { id: launchTemplate.ref, version: launchTemplate.attrLatestVersionNumber } : undefined,
      // Unset options are left out, so a group deployed before they existed keeps its template.
      updateConfig: { maxUnavailablePercentage: group.maxUnavailablePercentage, updateStrategy: group.updateStrategy },
      nodeRepairConfig: nodeRepairConfig(group),
      labels: { ...group.labels, 'role': 'worker', 'bottlerocket-eks/nodegroup-name': stableName },
      taints: group.taints.length > 0 ? group.taints.map((t) => ({ key: t.key, value: t.value, effect: t.effect })) : undefined,
      tags: {
        'nodegroup-type': 'Bottlerocket',
        'bottlerocket-eks/nodegroup-name': stableName,
        'bottlerocket-eks/nodegroup-type': 'managed',
      },
    });
  }

  /**
   * The group's launch template: no AMI, instance profile, subnet or instance type (the node
   * group and EKS choose them), IMDSv2 only, encrypted gp3 root (`/dev/xvda`) and data
   * (`/dev/xvdb`) volumes, the Bottlerocket settings as user data, tags on instances and volumes.
   */
  private launchTemplate(id: string, name: string, group: ResolvedNodegroup): ec2.CfnLaunchTemplate {
    const volume = (volumeSize?: number): ec2.CfnLaunchTemplate.EbsProperty => ({
      volumeType: 'gp3',
      volumeSize,
      encrypted: true,
      kmsKeyId: group.volumeKmsKeyArn,
      deleteOnTermination: true,
    });
    const nodegroupName = this.inputs.names.nodegroup(group.name);
    const tags = [
      { key: 'Name', value: nodegroupName },
      { key: 'bottlerocket-eks/nodegroup-name', value: nodegroupName },
    ];
    return new ec2.CfnLaunchTemplate(this, id, {
      launchTemplateName: name,
      launchTemplateData: {
        metadataOptions: { httpTokens: 'required', httpEndpoint: 'enabled', httpPutResponseHopLimit: group.httpPutResponseHopLimit },
        // The root volume keeps the AMI's size; the data volume holds images and containers.
        blockDeviceMappings: [
          { deviceName: '/dev/xvda', ebs: volume() },
          { deviceName: '/dev/xvdb', ebs: volume(group.dataVolumeSize) },
        ],
        userData: Fn.base64(renderBottlerocketToml(group.bottlerocket, `${group.optionPath}bottlerocket`)),
        tagSpecifications: [{ resourceType: 'instance', tags }, { resourceType: 'volume', tags }],
        // Absent unless asked for, so the templates of groups that never set it stay as they are.
        monitoring: group.detailedMonitoring ? { enabled: true } : undefined,
      },
    });
  }

  /** The blog's `NodeDesiredSize`/`NodeMinSize`/`NodeMaxSize` parameters (template mode, main group). */
  private sizeParameters(): eks.CfnNodegroup.ScalingConfigProperty {
    const [main] = this.inputs.settings.nodegroups;
    const param = (id: string, value: number, minValue: number, description: string) =>
      new CfnParameter(this, id, { type: 'Number', default: value, minValue, description }).valueAsNumber;
    return {
      desiredSize: param('NodeDesiredSize', main.desiredSize, 0, 'Desired number of nodes (between NodeMinSize and NodeMaxSize)'),
      minSize: param('NodeMinSize', main.minSize, 0, 'Minimum number of nodes'),
      maxSize: param('NodeMaxSize', main.maxSize, 1, 'Maximum number of nodes'),
    };
  }
}

/** Node auto repair: on or off, with the group's limits and its repairs per condition (`overrides`, EKS's `NodeRepairConfigOverrides`). */
function nodeRepairConfig(group: ResolvedNodegroup): eks.CfnNodegroup.NodeRepairConfigProperty {
  const { overrides, ...limits } = group.nodeRepair ?? {};
  return { enabled: group.autoRepair, ...limits, nodeRepairConfigOverrides: overrides?.map((o) => ({ ...o })) };
}
