import { ADDON_STACKS, AddonKey, kubernetesVersionInfo, SecurityProfile } from 'bottlerocket-eks-config';
import { KUBERNETES_UPGRADE_TASK } from '../task-names';
import { DeploymentsView } from './deployments-view';

/** Version support, add-ons, the security profile, node access, and the team's own VPC if any, of the deployment the README shows. */
export function clusterSection(view: DeploymentsView): string {
  const { settings: s, names, task } = view.shown;
  const version = kubernetesVersionInfo(s.kubernetesVersion);
  const cluster = names.cluster(s.clusterName);
  const strict = s.securityProfile === SecurityProfile.STRICT;
  const logs = s.logRetentionDays === undefined
    ? 'the log group EKS creates, kept forever (set `logRetentionDays` to have the cluster stack own it)'
    : `kept ${s.logRetentionDays} days in \`/aws/eks/${cluster}/cluster\`, a log group the cluster stack owns${strict ? ', encrypted with the cluster key' : ''}`;
  return view.shown.withNote(`## Cluster

### Kubernetes version

${s.kubernetesVersion}${version ? `, in EKS standard support until ${version.endOfStandardSupport}${version.estimated ? ' (an estimate until EKS publishes the date)' : ''}` : ''}.
The cluster's upgrade policy is STANDARD: no extended support is billed, and EKS upgrades the control
plane itself once standard support ends. Upgrade first, one minor version per deploy: \`kubernetesVersion\` in
\`.projenrc.ts\`, \`npx projen\`, \`npx projen deploy${task}\` (the control plane, then its add-ons, then the nodes and
theirs), which \`npx projen ${KUBERNETES_UPGRADE_TASK}${task}\` plans and writes for you (see [Upgrading
Kubernetes](#upgrading-kubernetes)). The preflight warns in the last 30 days and refuses a deploy of a version past its end.

### Add-ons

| add-on | version | stack | |
| --- | --- | --- | --- |
${s.addons.map((a) => `| \`${a.name}\` (\`addons.${a.key}\`) | ${a.version ?? 'EKS default at creation'} | ${names.stack(ADDON_STACKS[a.key as AddonKey])} | ${a.configurationValues ? `configured: \`${a.configurationValues}\`` : ''} |`).join('\n')}

The versions follow \`kubernetesVersion\` (the product's table, refreshed with each release). The table lists only
versions it has verified (from the EKS API or the EKS User Guide); an add-on it has none for is written without a
version, so EKS installs its default version for the Kubernetes version when it creates the add-on ("EKS default at
creation" above; the preflight says which) and later deploys leave it where it is, a Kubernetes upgrade included.
\`addons.<key>.version\` pins one (always written), \`addons.<key>.configurationValues\` configures one (a JSON object, see \`aws eks describe-addon-configuration\`),
\`addons.<key>.enabled: false\` turns off the EBS CSI driver, metrics-server or the node monitoring agent. The EBS CSI
driver gets its IAM role through EKS Pod Identity and makes \`ebs-csi-default-sc\` (gp3) the default StorageClass,
so a PersistentVolumeClaim binds on a new cluster. Before a deploy, the preflight refuses an add-on that is already
installed outside the stacks, a version older than the installed one, and a version EKS does not offer.

### Security profile: ${s.securityProfile}

| | |
| --- | --- |
| API endpoint | ${s.endpointPublicAccess ? `public (from ${s.endpointPublicAccessCidrs.join(', ')}) and private` : 'private only'} |
| Kubernetes secrets | ${s.secretsEncryption ? `envelope-encrypted with ${s.secretsKmsKeyArn ? `\`${s.secretsKmsKeyArn}\`` : `a key the cluster stack creates (rotated yearly, alias \`alias/${s.pjPrefix}-cluster\`)`}` : 'EKS-managed encryption (set `securityProfile: strict` or `secretsKmsKeyArn` before the cluster is created)'} |
| control plane logs | api, audit, authenticator; ${logs} |
| node metrics | ${s.nodegroups.every((g) => g.detailedMonitoring) ? 'detailed monitoring (one-minute)' : s.nodegroups.some((g) => g.detailedMonitoring) ? 'detailed monitoring on some groups' : 'basic monitoring (five-minute; `detailedMonitoring` per group)'} |
| zonal shift | ${s.zonalShift ? 'on: Application Recovery Controller can shift traffic away from an impaired zone' : 'off (`zonalShift: true` turns it on, in place)'} |
| control plane tier | ${s.controlPlaneTier ?? 'EKS\'s default, standard (`controlPlaneTier` sets a provisioned tier, in place)'} |

${strict ? 'The strict profile passes every AWS Control Tower proactive control on the three stacks.'
  : 'With `securityProfile: strict`, the templates pass every AWS Control Tower proactive control; the standard profile fails CT.EKS.PR.1 (public endpoint), CT.EKS.PR.2 (secrets KMS key) and CT.EC2.PR.10 (detailed monitoring) by design.'}
Secrets encryption can only be chosen when the cluster is created: on a deployed cluster the update plan refuses it.

### Reaching a node

${s.ssmAccess ? `Nodes run the Bottlerocket control container and their role has \`AmazonSSMManagedInstanceCore\`, so
Session Manager reaches them without SSH or open ports:

\`\`\`sh
aws ssm start-session --region ${s.region} --target <instance-id>   # the control container
enter-admin-container                                          # with bottlerocket.adminContainer: true
\`\`\`

\`ssmAccess: false\` turns both off.` : 'Session Manager access is off (`ssmAccess: false`): nodes run no control container and their role has no SSM policy.'}

### The nodes' Bottlerocket release

${s.nodegroups.some((g) => g.releaseVersion) ? `Pinned by their own \`releaseVersion\`: ${s.nodegroups.filter((g) => g.releaseVersion).map((g) => `${names.nodegroup(g.name)} on ${g.releaseVersion}`).join(', ')}. ` : ''}A group without \`releaseVersion\`
runs \`bottlerocketRelease\`${s.bottlerocketRelease ? ` (here ${s.bottlerocketRelease})` : ''}; where neither is set, it gets the latest Bottlerocket release when it is created or
its Kubernetes version changes. To roll nodes to a new release, set \`bottlerocketRelease\` (every group without its own
\`releaseVersion\`) or a group's \`releaseVersion\` (e.g. from \`aws ssm get-parameter --name /aws/service/bottlerocket/aws-k8s-${s.kubernetesVersion}/x86_64/latest/image_version\`)
and deploy: EKS replaces the nodes \`maxUnavailablePercentage\` at a time. The release train proposes \`bottlerocketRelease\`
for you (see [Bottlerocket releases](#bottlerocket-releases)).${s.bottlerocketRelease ? '' : ` Where neither is set, \`aws eks update-nodegroup-version --cluster-name ${cluster} --nodegroup-name <group>\`
also moves a group to the latest release.`}
${s.existingVpc ? `
### Your VPC

The network stack creates nothing: it exports ${s.existingVpc.vpcId} and its subnets under the names above. The
subnets need: private subnets tagged \`kubernetes.io/role/internal-elb=1\` with a route to a NAT gateway (or VPC
endpoints for ECR, EKS, STS, EC2 and S3), public subnets tagged \`kubernetes.io/role/elb=1\` with a route to an
internet gateway, and free addresses for the nodes and pods. The preflight checks that each subnet exists, is in
${s.existingVpc.vpcId} and in its zone, and warns about missing tags.
` : ''}`);
}
