import { StackKind } from 'bottlerocket-eks-config';
import { DeploymentsView } from './deployments-view';

/**
 * Prerequisites, commands, what each stack creates, timings, kubectl and teardown, with the
 * values of the deployment the README shows.
 */
export function deploySection(view: DeploymentsView): string {
  const { settings: s, names, task, nx, roleTemplate } = view.shown;
  const p = s.pjPrefix;
  const stack = (kind: StackKind) => view.shown.stack(kind);
  const clusterName = names.cluster(s.clusterName);
  const [main] = s.nodegroups;
  const account = s.accountId
    ? `Deploys are pinned to account ${s.accountId} (\`accountId\` in \`.projenrc.ts\`): other credentials are refused.`
    : 'No \`accountId\` is set in \`.projenrc.ts\`, so any account is accepted: set it to have other accounts refused.';
  const nodes = names.nodegroup(main.name);
  return view.shown.withNote(`## Deploy

### Before the first deploy

- **Credentials** for the target account, from any source the AWS SDK reads: \`aws sso login --profile <profile>\`
  then \`export AWS_PROFILE=<profile>\`, or \`AWS_ACCESS_KEY_ID\`/\`AWS_SECRET_ACCESS_KEY\`. ${account}
- **Region**: the stacks always go to ${s.region}. If \`AWS_REGION\` or your profile names another region, the
  preflight stops rather than guess which one you meant.
- **Permissions** to create what the stacks hold: CloudFormation (stacks and change sets), EC2 (VPC, subnets,
  internet and NAT gateways, Elastic IPs, route tables, security groups), EKS (cluster, node group, access
  entries, add-ons, Pod Identity associations), IAM (roles, \`iam:PassRole\` on them, attaching AWS managed
  policies), CloudWatch Logs (control plane logs)${s.secretsEncryption ? ', KMS (the secrets key)' : ''} and \`sts:GetCallerIdentity\`. In practice: an administrator of the account, or a deploy role
  with these services: \`${roleTemplate}\` is one, scoped to ${p}, for GitHub Actions (see [CI](#ci)).
- **No \`cdk bootstrap\`**: the apps deploy with your own credentials and carry no assets; the templates are
  sent inline (each is far below CloudFormation's 51,200-byte limit).

### Commands

\`\`\`sh
npx projen preflight${task}     # who and where: account, caller, partition, region, stacks
npx projen diff${task}          # what would change
npx projen deploy${task}        # ${stack(StackKind.NETWORK)}, then ${stack(StackKind.CLUSTER)}, then ${stack(StackKind.NODEGROUP)}
\`\`\`

Each stack prints the CDK CLI's CloudFormation events as it goes. \`npx nx deploy nodegroup${nx}\` deploys one
stack after the ones it depends on (unchanged stacks are a no-op); every stack's deploy runs the preflight
first. There is no approval prompt: read \`npx projen diff${task}\` first.

### When AWS misbehaves

Every AWS call of the preflight has limits: 5 s to connect, 20 s per attempt, 3 attempts (the SDK's standard
retries), 90 s for the whole preflight, so a dropped VPN or a dead endpoint ends it in about a minute. Set them with
\`BOTTLEROCKET_EKS_CONNECT_TIMEOUT\`, \`BOTTLEROCKET_EKS_REQUEST_TIMEOUT\`, \`BOTTLEROCKET_EKS_MAX_ATTEMPTS\` and
\`BOTTLEROCKET_EKS_DEADLINE\` (seconds). A failed call is one line with what to do, for example
\`Preflight failed (AWS_TIMEOUT)\`, \`AWS_THROTTLED\`, \`AWS_BAD_ANSWER\` (a 5xx, or a proxy's page instead of AWS's answer),
\`AWS_ACCESS_DENIED\` (with the IAM action), \`CREDENTIALS_EXPIRED\`, \`AWS_UNREACHABLE\`; \`BOTTLEROCKET_EKS_DEBUG=1\`
adds the details and stack trace.

### What each stack creates, and how long it takes

| stack | creates | first deploy |
| --- | --- | --- |
| ${stack(StackKind.NETWORK)} | ${s.existingVpc ? `nothing: exports your VPC ${s.existingVpc.vpcId} and its subnets in ${s.availabilityZones.join(', ')}` : `VPC ${s.vpcCidr} in ${s.availabilityZones.join(', ')}: public and private subnets, internet gateway, ${s.natGateways} NAT gateway(s), route tables; exports the subnets`} | ${s.existingVpc ? 'under a minute' : '3-5 min'} |
| ${stack(StackKind.CLUSTER)} | EKS ${s.kubernetesVersion} cluster \`${clusterName}\` (API authentication, control plane logs, ${s.endpointPublicAccess ? 'public and private endpoint' : 'private endpoint only'}${s.secretsEncryption ? ', secrets encrypted with KMS' : ''}), its IAM role, admin access entries, the networking add-ons | 10-15 min (the EKS control plane) |
| ${stack(StackKind.NODEGROUP)} | Bottlerocket ${main.capacityType} managed node group \`${nodes}\` (${main.minSize}-${main.maxSize} nodes, ${main.architecture})${s.nodegroups.length > 1 ? ` and ${s.nodegroups.length - 1} more` : ''}, the node IAM role, the add-ons that run on nodes | 5-10 min |

A whole first deploy takes about 20-25 minutes; an update of a single stack usually a few minutes.

### Connect kubectl

\`\`\`sh
aws eks update-kubeconfig --region ${s.region} --name ${clusterName}
kubectl get nodes -L role
\`\`\`
${s.endpointPublicAccess ? `
The API endpoint is reachable from ${s.endpointPublicAccessCidrs.join(', ')} (\`endpointPublicAccessCidrs\`).
` : `
The API endpoint is private (\`endpointPublicAccess: false\`): run kubectl from inside the VPC (a VPN, a
bastion, or Session Manager port forwarding through a host in the VPC). Deploys need no access to it.
`}
The identity that created the cluster is its administrator${s.adminPrincipalArns.length > 0 ? `, as are ${s.adminPrincipalArns.map((a) => `\`${a}\``).join(', ')}` : ''};
add more with \`adminPrincipalArns\` in \`.projenrc.ts\`.

### Tear down

\`\`\`sh
${s.terminationProtection ? `# termination protection is on for ${stack(StackKind.NETWORK)} and ${stack(StackKind.CLUSTER)}: first set
# terminationProtection: false in .projenrc.ts, then
npx projen && npx projen deploy${task}
` : ''}npx projen destroy${task} --confirm=${p}
\`\`\`

Destroys ${stack(StackKind.NODEGROUP)}, ${stack(StackKind.CLUSTER)}, then ${stack(StackKind.NETWORK)} (10-20 minutes), after the same preflight.
Without \`--confirm=${p}\` it refuses.${s.deletionProtection ? ` EKS refuses to delete a cluster under deletion protection (\`deletionProtection\`, on by
default): just before ${stack(StackKind.CLUSTER)} goes, the destroy turns it off (\`bottlerocket-eks unprotect\`, EKS
UpdateClusterConfig) and says so. If the destroy stops after that, turn it back on yourself (EKS UpdateClusterConfig,
deletionProtection true): a deploy does not, since the template did not change.` : ''} Stacks of your own that import these exports must go first: CloudFormation
will not delete an export that is still imported.
`);
}
