import * as eks from 'aws-cdk-lib/aws-eks';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Aws, CfnOutput, Validations } from 'aws-cdk-lib/core';
import { ADDON_NAMES, ADDON_STACKS, AddonKey, ResourceNames, StackKind } from 'bottlerocket-eks-config';
import { Construct } from 'constructs';
import { addClusterAddons } from './addons';
import { BottlerocketEksStack, BottlerocketEksStackProps } from './base-stack';
import { clusterSecurity } from './cluster-security';
import { StackImports } from './imports';
import { serviceRole } from './partition';

/** Props of the cluster stack: the resolved settings (see `BottlerocketEksStackProps`). */
export interface ClusterStackProps extends BottlerocketEksStackProps {}

/** Control plane log types enabled by default: who called the API, what they did, how they authenticated. */
export const DEFAULT_CLUSTER_LOG_TYPES = ['api', 'audit', 'authenticator'];
/** Every control plane log type; those not enabled are diagnostics, left off to save CloudWatch Logs cost. */
const ALL_CLUSTER_LOG_TYPES = ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'];

/** Add-ons installed with the cluster (EKS names); the others wait for nodes in the node group stack. */
export const CLUSTER_ADDONS = (Object.keys(ADDON_STACKS) as AddonKey[])
  .filter((key) => ADDON_STACKS[key] === StackKind.CLUSTER).map((key) => ADDON_NAMES[key]);

/**
 * `<prefix>-cluster`: a native `AWS::EKS::Cluster` in the network stack's private subnets,
 * with access entries (API authentication mode) instead of the aws-auth ConfigMap,
 * standard support only, control plane logging, and the networking add-ons.
 *
 * L1 resources throughout: `aws-eks` (v1) brings Lambda-backed custom resources and
 * assets, and nothing here needs what `aws-eks-v2` adds.
 */
export class ClusterStack extends BottlerocketEksStack {
  /** The EKS cluster. */
  public readonly cluster: eks.CfnCluster;
  /** The role the EKS control plane assumes. */
  public readonly clusterRole: iam.CfnRole;

  constructor(scope: Construct, id: string, props: ClusterStackProps) {
    super(scope, id, StackKind.CLUSTER, props);
    const { settings, names } = this.inputs;
    const exportNames = names.exports;
    const imports = new StackImports(this.inputs);
    const clusterName = names.cluster(settings.clusterName);

    this.clusterRole = serviceRole(this, 'ClusterRole', 'EKS', ['sts:AssumeRole', 'sts:TagSession'], ['AmazonEKSClusterPolicy'],
      'AmazonEKSClusterPolicy is the policy EKS requires on the cluster service role; AWS keeps it current as EKS changes');
    const security = clusterSecurity(this, this.inputs, this.clusterRole, clusterName);

    this.cluster = new eks.CfnCluster(this, 'Cluster', {
      name: clusterName,
      version: settings.kubernetesVersion,
      roleArn: this.clusterRole.attrArn,
      resourcesVpcConfig: {
        subnetIds: imports.privateSubnetIds(),
        endpointPublicAccess: settings.endpointPublicAccess,
        endpointPrivateAccess: true,
        publicAccessCidrs: settings.endpointPublicAccess ? settings.endpointPublicAccessCidrs : undefined,
      },
      encryptionConfig: security.encryptionConfig,
      accessConfig: {
        authenticationMode: 'API',
        // Fixed at creation: changing it later replaces the cluster.
        bootstrapClusterCreatorAdminPermissions: true,
      },
      upgradePolicy: { supportType: 'STANDARD' },
      // EKS refuses to delete it until this is off: the destroy task turns it off first (bottlerocket-eks unprotect).
      deletionProtection: settings.deletionProtection,
      // Each only when set, so a cluster deployed before these options keeps its template.
      zonalShiftConfig: settings.zonalShift === undefined ? undefined : { enabled: settings.zonalShift },
      controlPlaneScalingConfig: settings.controlPlaneTier === undefined ? undefined : { tier: settings.controlPlaneTier },
      logging: { clusterLogging: { enabledTypes: DEFAULT_CLUSTER_LOG_TYPES.map((type) => ({ type })) } },
      tags: [{ key: 'Name', value: clusterName }],
    });
    security.clusterDependencies.forEach((dependency) => this.cluster.addResourceDependency(dependency));
    if (settings.endpointPublicAccess) {
      Validations.of(this.cluster).acknowledge({
        id: 'AwsSolutions-EKS1',
        reason: 'The public endpoint is by design (kubectl from outside the VPC, as in the blog): it is limited to '
          + 'endpointPublicAccessCidrs and every call is authenticated by IAM through access entries (authentication mode API)',
      });
    }
    for (const type of ALL_CLUSTER_LOG_TYPES.filter((t) => !DEFAULT_CLUSTER_LOG_TYPES.includes(t))) {
      Validations.of(this.cluster).acknowledge({
        id: `AwsSolutions-EKS2[LogExport::${type}]`,
        reason: `api, audit and authenticator logs are on; ${type} is diagnostic and left off to limit CloudWatch Logs cost`,
      });
    }

    addClusterAddons(this, this.cluster.ref, settings.addons);

    for (const principalArn of settings.adminPrincipalArns) {
      // Keyed by principal, not by position: adding, removing or reordering admins leaves the
      // other entries alone (a moved entry would be created while the old one still holds
      // the principal, and EKS refuses a second entry for it).
      new eks.CfnAccessEntry(this, `AdminAccessEntry${ResourceNames.fingerprint(principalArn)}`, {
        clusterName: this.cluster.ref,
        principalArn,
        type: 'STANDARD',
        accessPolicies: [{
          policyArn: `arn:${Aws.PARTITION}:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy`,
          accessScope: { type: 'cluster' },
        }],
      });
    }

    new CfnOutput(this, 'ClusterName', { value: this.cluster.ref, exportName: exportNames.clusterName });
    new CfnOutput(this, 'ClusterArn', { value: this.cluster.attrArn, exportName: exportNames.clusterArn });
    new CfnOutput(this, 'ClusterEndpoint', { value: this.cluster.attrEndpoint, exportName: exportNames.clusterEndpoint });
    new CfnOutput(this, 'ClusterCertificateAuthority', {
      value: this.cluster.attrCertificateAuthorityData,
      exportName: exportNames.clusterCertificateAuthority,
    });
    new CfnOutput(this, 'ClusterSecurityGroupId', {
      value: this.cluster.attrClusterSecurityGroupId,
      exportName: exportNames.clusterSecurityGroupId,
    });
  }
}
