import { ResourceNames, teamTaskCommand } from 'bottlerocket-eks-config';
import { explainSecretsEncryption } from './explain-security';
import { Explanation } from './explanation';
import { ExportChange, ResourceChange, StackPlan } from './plan';

/**
 * Says which setting a refused change comes from and what to do instead. The stacks make
 * few resources that cannot be replaced in place, so each has its own words here; anything
 * else gets the general way out (set it back, or recreate the dependent stacks first).
 */
export function explainRefusal(change: ResourceChange | ExportChange, plans: StackPlan[], names: ResourceNames): Explanation {
  const p = names.pjPrefix;
  const dependents = `${names.stack(ResourceNames.DEPLOY_ORDER[2])} and ${names.stack(ResourceNames.DEPLOY_ORDER[1])}`;
  const recreate = `destroy ${dependents} first (\`npx nx destroy cluster --confirm=${p}\` destroys both, node group first), `
    + 'deploy, then deploy them again; or deploy a new pjPrefix beside this one and move the workloads over';
  const vpcReplaced = plans.some((plan) => plan.changes.some((c) => c.type === 'AWS::EC2::VPC' && c.action === 'replace'));
  const clusterReplaced = plans.find((plan) => plan.changes.some((c) => c.type === 'AWS::EKS::Cluster' && c.action === 'replace'))
    ?.changes.find((c) => c.type === 'AWS::EKS::Cluster');

  if (vpcReplaced && (isExport(change) || change.type.startsWith('AWS::EC2::'))) {
    const vpc = plans.flatMap((plan) => plan.changes).find((c) => c.type === 'AWS::EC2::VPC' && c.action === 'replace');
    const deployed = vpc?.deployedValues?.CidrBlock;
    return {
      setting: 'vpcCidr',
      wayOut: `Set vpcCidr back${deployed ? ` to ${String(deployed)}` : ''}: a VPC cannot change its CIDR block in place, and its subnets are in use. `
        + `To move to another block, ${recreate}.`,
    };
  }
  // The network stack deletes the VPC it created (vpcId set) or creates one (vpcId unset)
  // while the cluster and nodes sit in the subnets it exports.
  const vpcSwitched = plans.some((plan) => plan.status === 'update'
    && plan.changes.some((c) => c.type === 'AWS::EC2::VPC' && (c.action === 'delete' || c.action === 'create')));
  if (vpcSwitched && isExport(change)) {
    return {
      setting: 'vpcId',
      wayOut: 'Set vpcId (and the subnet ids) back: the cluster and its nodes are in the subnets this stack exports now, and EKS cannot move a cluster to '
        + `another VPC. To move to the other VPC, ${recreate}.`,
    };
  }
  if (clusterReplaced?.properties.includes('EncryptionConfig') && !clusterReplaced.properties.includes('Name')
    && (isExport(change) || change.type.startsWith('AWS::EKS::'))) {
    return explainSecretsEncryption(clusterReplaced, recreate);
  }
  if (clusterReplaced && (isExport(change) || change.type.startsWith('AWS::EKS::'))) {
    const renamed = clusterReplaced.properties.includes('Name');
    const deployed = clusterReplaced.deployedValues?.Name;
    return {
      setting: renamed ? 'clusterName' : undefined,
      wayOut: renamed
        ? `Set clusterName back${deployed ? ` to ${String(deployed)}` : ''}: EKS cannot rename a cluster. To get a cluster of another name, ${recreate}.`
        : `Undo the change that replaces the cluster (${clusterReplaced.properties.join(', ')}), or ${recreate}.`,
    };
  }
  if (isExport(change) && change.action === 'delete' && /-(private|public)-subnet-[a-z]$/.test(change.exportName)) {
    const zone = change.exportName.slice(-1);
    return {
      setting: 'availabilityZones',
      wayOut: `Zone ${zone} is still used by ${change.importers.join(', ')}. Deploy those stacks first, so they let go of it: `
        + '`npx nx deploy nodegroup --exclude-task-dependencies`, then `npx nx deploy cluster --exclude-task-dependencies`, then `npx projen deploy`.',
    };
  }
  if (!isExport(change) && change.refusal?.code === 'UNSUPPORTED_UPDATE') {
    return {
      setting: 'kubernetesVersion',
      wayOut: `Set kubernetesVersion back to ${String(change.deployedValues?.Version)}, then move one minor version per deploy (EKS never downgrades): `
        + `\`${teamTaskCommand('kubernetesUpgrade')}\` plans each step and \`-- --apply\` writes it.`,
    };
  }
  if (!isExport(change) && change.refusal?.code === 'BLOCKED_RELEASE') {
    const deployed = change.deployedValues?.ReleaseVersion;
    return {
      setting: 'bottlerocketRelease',
      wayOut: `Set bottlerocketRelease (or the group's own releaseVersion) to a release that is not blocked${deployed ? `, such as the one it runs, ${String(deployed)}` : ''}: `
        + `\`${teamTaskCommand('releases')}\` lists the published releases and those blocked, with why.`,
    };
  }
  if (!isExport(change) && change.type === 'AWS::EKS::AccessEntry') {
    return {
      setting: 'adminPrincipalArns',
      wayOut: 'Deploy in two steps: first without this principal in adminPrincipalArns (its old entry is deleted), then with it again.',
    };
  }
  if (isExport(change)) {
    return { wayOut: `Change the stacks that import it (${change.importers.join(', ')}) so they no longer do, deploy them, then deploy this one.` };
  }
  return { wayOut: `Undo the change of ${change.properties.join(', ')}, or ${recreate}.` };
}

function isExport(change: ResourceChange | ExportChange): change is ExportChange {
  return 'exportName' in change;
}
