import { StackKind } from 'bottlerocket-eks-config';
import { DeploymentsView } from './deployments-view';

/** With environments, the exports table holds for each: said above it. */
const EACH_ENVIRONMENT_EXPORTS = `
Each environment's stacks export these names under its own prefix (its zone letters in its region); a stack of your own
imports them with the prefix of its environment.
`;

/** The stacks' exports (one per zone letter for the subnets), which stacks import them, and which are for the team's own. */
export function exportsSection(view: DeploymentsView): string {
  const { each } = view;
  const names = each.names.exports;
  const stack = (kind: StackKind) => each.stack(kind);
  const letters = each.zoneLetters;
  const s = view.shown.settings;
  return `## Exports
${view.hasEnvironments ? EACH_ENVIRONMENT_EXPORTS : ''}
| export | from | imported by |
| --- | --- | --- |
| \`${names.vpcId}\` | ${stack(StackKind.NETWORK)} | (for your own stacks) |
${letters.map((l) => `| \`${names.privateSubnet(l)}\` | ${stack(StackKind.NETWORK)} | ${stack(StackKind.CLUSTER)}, ${stack(StackKind.NODEGROUP)} |`).join('\n')}
${(s.existingVpc && !s.existingVpc.publicSubnetIds ? [] : letters).map((l) => `| \`${names.publicSubnet(l)}\` | ${stack(StackKind.NETWORK)} | (load balancers, your own stacks) |`).join('\n')}
| \`${names.clusterName}\` | ${stack(StackKind.CLUSTER)} | ${stack(StackKind.NODEGROUP)} |
| \`${names.clusterArn}\`, \`${names.clusterEndpoint}\`, \`${names.clusterCertificateAuthority}\`, \`${names.clusterSecurityGroupId}\` | ${stack(StackKind.CLUSTER)} | (your own stacks) |
| \`${names.nodegroupName}\`, \`${names.nodeRoleArn}\` | ${stack(StackKind.NODEGROUP)} | (your own stacks) |
`;
}
