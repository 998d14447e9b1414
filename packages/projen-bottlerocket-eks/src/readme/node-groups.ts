import { NodeRepairLimits, ResolvedNodegroup } from 'bottlerocket-eks-config';
import { DeploymentsView } from './deployments-view';

/** Every node group of the deployment the README shows, with its options as resolved (defaults in place), and where to change them. */
export function nodegroupSection(view: DeploymentsView): string {
  const { settings: s, names } = view.shown;
  const row = (option: string, value: (g: ResolvedNodegroup) => string, fallback: string) =>
    `| \`${option}\` | ${s.nodegroups.map(value).join(' | ')} | ${fallback} |`;
  const list = (items: string[]) => (items.length > 0 ? items.join(', ') : '-');
  return view.shown.withNote(`## Node groups

Set in \`.projenrc.ts\`: the main group's options at the top level, more groups under
\`extraNodegroups\` (their unset options take the defaults, not the main group's values).

| option | ${s.nodegroups.map((g) => names.nodegroup(g.name)).join(' | ')} | default |
| --- | ${s.nodegroups.map(() => '---').join(' | ')} | --- |
${row('instanceTypes', (g) => list(g.instanceTypes), 'm6i, m6a, m5, m5a, m7i `.xlarge` (arm64: Graviton; NVIDIA: g5, g6, g4dn)')}
${row('capacityType', (g) => g.capacityType, 'SPOT')}
${row('architecture', (g) => g.architecture, 'x86_64')}
${row('variant', (g) => `${g.variant} (\`${g.amiType}\`)`, 'STANDARD')}
${row('desired / min / max size', (g) => `${g.desiredSize} / ${g.minSize} / ${g.maxSize}`, '2 / 1 / 4')}
${row('labels', (g) => list(Object.entries(g.labels).map(([k, v]) => `${k}=${v}`)), 'none (role=worker is always set)')}
${row('taints', (g) => list(g.taints.map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`)), 'none')}
${row('maxUnavailablePercentage', (g) => `${g.maxUnavailablePercentage}`, '33')}
${row('updateStrategy', (g) => g.updateStrategy ?? 'EKS default', 'EKS default (DEFAULT: new nodes before old ones go; MINIMAL: old ones go first)')}
${row('autoRepair', (g) => `${g.autoRepair}`, 'true')}
${row('nodeRepair', (g) => (g.nodeRepair ? list(nodeRepairText(g.nodeRepair)) : 'EKS defaults'), 'EKS defaults')}
${row('launchTemplate', (g) => `${g.launchTemplate}`, 'true (IMDSv2, encrypted gp3 volumes)')}
${row('httpPutResponseHopLimit', (g) => `${g.httpPutResponseHopLimit}`, '1 (raise to 2 only for pods that need the instance metadata)')}
${row('dataVolumeSize', (g) => `${g.dataVolumeSize} GiB`, '20 GiB')}
${row('volumeKmsKeyArn', (g) => g.volumeKmsKeyArn ?? 'default EBS key', 'the default EBS key')}
${row('releaseVersion', (g) => (g.releaseVersion ? `${g.releaseVersion} (pinned)` : s.bottlerocketRelease ? `${s.bottlerocketRelease} (\`bottlerocketRelease\`)` : 'EKS newest at creation'), '`bottlerocketRelease`, else EKS\'s newest at creation (see [Bottlerocket releases](#bottlerocket-releases))')}
${row('bottlerocket', (g) => list(Object.keys(g.bottlerocket)), 'host containers only: control on, admin off')}

Bottlerocket settings (\`bottlerocket\`) become the TOML user data of the launch template: \`maxPods\`,
\`kubeReserved\`, \`systemReserved\`, \`evictionHard\`, \`imageGcHighThresholdPercent\`/\`imageGcLowThresholdPercent\`,
\`containerLogMaxSize\`, \`sysctls\`, \`adminContainer\`, \`controlContainer\`, \`motd\`, and \`extraSettings\` (an object) or
\`extraToml\` (text) for the rest. EKS adds the cluster's own settings itself; keys it injects, node labels and taints,
and arrays of mixed types are refused.
`);
}

/** The repair limits (`name=value`) and each override (`<condition>/<reason>: <action> after <n> min`). */
function nodeRepairText({ overrides, ...limits }: NodeRepairLimits): string[] {
  return [
    ...Object.entries(limits).map(([k, v]) => `${k}=${v}`),
    ...(overrides ?? []).map((o) => `${o.nodeMonitoringCondition}/${o.nodeUnhealthyReason}: ${o.repairAction} after ${o.minRepairWaitTimeMins} min`),
  ];
}
