import * as eks from 'aws-cdk-lib/aws-eks';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Aws, CfnDeletionPolicy, CfnResource, Stack, Validations } from 'aws-cdk-lib/core';
import { ResolvedAddon, StackKind } from 'bottlerocket-eks-config';
import { awsManagedPolicyArn } from './partition';
import { addonConstructId, addonStack } from './template-ids';

/** The service account of the EBS CSI controller, which the driver's role is associated with. */
export const EBS_CSI_SERVICE_ACCOUNT = 'ebs-csi-controller-sa';

/** The AWS managed policy of the EBS CSI driver (EC2 volume and snapshot calls). */
export const EBS_CSI_POLICY = 'service-role/AmazonEBSCSIDriverPolicy';

/**
 * The networking add-ons, on the cluster. Each names the cluster by `Ref`, so on a Kubernetes
 * upgrade CloudFormation updates the cluster first and the add-ons (to the versions of the new
 * Kubernetes version, for those that have one) after it.
 */
export function addClusterAddons(stack: Stack, clusterName: string, addons: ResolvedAddon[]): eks.CfnAddon[] {
  return addons.filter((a) => addonStack(a) === StackKind.CLUSTER).map((addon) => addonResource(stack, clusterName, addon));
}

/**
 * The add-ons whose pods need nodes, each after every node group: on a first deploy their
 * pods have somewhere to run (an add-on whose pods cannot be scheduled fails to create), and on
 * a Kubernetes upgrade the nodes are upgraded before the add-ons move on.
 *
 * Each is kept when its resource is deleted (`PreserveOnDelete`): deleting this stack, the
 * documented way out of some refused changes, must not take the cluster's DNS or the volumes'
 * driver with it. EKS leaves the software running, and the next deploy adopts it again
 * (`ResolveConflicts` OVERWRITE).
 */
export function addNodegroupAddons(stack: Stack, clusterName: string, addons: ResolvedAddon[], nodegroups: CfnResource[]): eks.CfnAddon[] {
  return addons.filter((a) => addonStack(a) === StackKind.NODEGROUP).map((addon) => {
    const resource = addonResource(stack, clusterName, addon, {
      preserveOnDelete: true,
      podIdentityAssociations: addon.key === 'ebsCsiDriver'
        ? [{ serviceAccount: EBS_CSI_SERVICE_ACCOUNT, roleArn: ebsCsiDriverRole(stack).attrArn }] : undefined,
    });
    nodegroups.forEach((nodegroup) => resource.node.addDependency(nodegroup));
    return resource;
  });
}

/**
 * One `AWS::EKS::Addon`. `AddonVersion` only when there is one (the team's pin or a verified
 * version of the product's table): without it EKS installs its default version for the cluster's
 * Kubernetes version at creation, and later deploys ask for no other version (a Kubernetes upgrade
 * does not move it: pin `addons.<key>.version` for that; the preflight prints what EKS installs).
 */
function addonResource(stack: Stack, clusterName: string, addon: ResolvedAddon, extra: Partial<eks.CfnAddonProps> = {}): eks.CfnAddon {
  return new eks.CfnAddon(stack, addonConstructId(addon), {
    clusterName,
    addonName: addon.name,
    ...(addon.version === undefined ? {} : { addonVersion: addon.version }),
    configurationValues: addon.configurationValues,
    resolveConflicts: 'OVERWRITE',
    ...extra,
  });
}

/**
 * The EBS CSI driver's role, taken by its controller through EKS Pod Identity (the agent is a
 * cluster add-on): no OIDC provider, and the trust names no cluster, so it survives a
 * cluster replacement.
 */
function ebsCsiDriverRole(stack: Stack): iam.CfnRole {
  const id = 'EbsCsiDriverRole';
  const role = new iam.CfnRole(stack, id, {
    assumeRolePolicyDocument: {
      Version: '2012-10-17',
      Statement: [{
        Effect: 'Allow',
        // The same principal in every partition.
        Principal: { Service: ['pods.eks.amazonaws.com'] },
        Action: ['sts:AssumeRole', 'sts:TagSession'],
      }],
    },
    managedPolicyArns: [awsManagedPolicyArn(EBS_CSI_POLICY)],
    path: '/',
    tags: [{ key: 'Name', value: `${Aws.STACK_NAME}/${id}` }],
  });
  // Kept when the stack is deleted or the role replaced, as the add-on that uses it is
  // (`PreserveOnDelete`): the preserved driver keeps running on the cluster, and EKS keeps what
  // IAM the add-on had (DeleteAddon `preserve`: "If an IAM account is associated with the add-on,
  // it isn't removed"); deleting the role under it would leave the controller without
  // credentials, so no volume would be created or attached. The role has no RoleName:
  // CloudFormation names it `<stack>-EbsCsiDriverRole-<random>`, so a re-created stack makes a
  // new role beside the kept one (never a name clash) and the adopted add-on moves to it; the
  // kept role is then unused and can be deleted by hand.
  role.cfnOptions.deletionPolicy = CfnDeletionPolicy.RETAIN;
  role.cfnOptions.updateReplacePolicy = CfnDeletionPolicy.RETAIN;
  Validations.of(role).acknowledge({
    id: `AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/${EBS_CSI_POLICY}]`,
    reason: 'AmazonEBSCSIDriverPolicy is the policy AWS publishes for the EBS CSI driver and keeps current as the driver changes',
  });
  return role;
}
