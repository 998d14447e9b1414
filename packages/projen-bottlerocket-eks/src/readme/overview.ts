import { ResolvedSettings, ResourceNames, StackKind } from 'bottlerocket-eks-config';
import { DeploymentsView } from './deployments-view';

/** The three stacks and the exports that wire them, as a Mermaid diagram under the title. */
export function overviewSection(view: DeploymentsView): string {
  return view.hasEnvironments ? overviewOfEnvironments(view.shown.settings) : overviewOfOne(view.shown.settings);
}

/** The diagram with this deployment's names and values, in its one region. */
function overviewOfOne(s: ResolvedSettings): string {
  const names = new ResourceNames(s.pjPrefix);
  const letters = s.availabilityZones.map((z) => ResourceNames.zoneLetter(s.region, z));
  return `Three CloudFormation stacks in ${s.region} (zones ${s.availabilityZones.join(', ')}), wired only through exports:

${flowchart(names, {
  network: s.existingVpc ? `your VPC ${s.existingVpc.vpcId}, exported` : `VPC ${s.vpcCidr}, public and private subnets`,
  cluster: `EKS ${s.kubernetesVersion} cluster ${names.cluster(s.clusterName)}`,
  nodegroup: s.nodegroups.map((g) => `${names.nodegroup(g.name)}: ${g.amiType}, ${g.capacityType}`).join('<br/>'),
  subnets: letters.map((l) => names.exports.privateSubnet(l)).join('<br/>'),
})}`;
}

/**
 * With environments, the diagram once, `<prefix>` standing for each environment's prefix: the
 * stacks and their wiring are the same in every environment; the values that differ (region,
 * VPC, versions, sizes) are in the environments table, not repeated in a diagram per environment.
 */
function overviewOfEnvironments(s: ResolvedSettings): string {
  // Mermaid would read `<prefix>` as an HTML tag and drop it: #60; and #62; are its codes for < and >.
  const names = new ResourceNames('#60;prefix#62;');
  return `Three CloudFormation stacks per environment (see [Environments](#environments)), each under its own prefix,
wired only through exports (\`<prefix>\` is the environment's prefix):

${flowchart(names, {
  network: 'VPC, public and private subnets (or your VPC, exported)',
  cluster: `EKS cluster ${s.clusterName === undefined ? names.cluster() : 'named by clusterName'}`,
  nodegroup: 'Bottlerocket managed node groups',
  subnets: names.exports.privateSubnet('#60;zone#62;'),
})}`;
}

/** The three stacks and the exports between them, as a Mermaid flowchart; `label` says what each stack holds. */
function flowchart(names: ResourceNames, label: { network: string; cluster: string; nodegroup: string; subnets: string }): string {
  return `\`\`\`mermaid
flowchart LR
  network["${names.stack(StackKind.NETWORK)}<br/>${label.network}"]
  cluster["${names.stack(StackKind.CLUSTER)}<br/>${label.cluster}"]
  nodegroup["${names.stack(StackKind.NODEGROUP)}<br/>${label.nodegroup}"]
  network -- "${label.subnets}" --> cluster
  network -- "${label.subnets}" --> nodegroup
  cluster -- "${names.exports.clusterName}" --> nodegroup
\`\`\`
`;
}
