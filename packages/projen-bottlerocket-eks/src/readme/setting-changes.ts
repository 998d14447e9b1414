import { ResourceNames, StackKind } from 'bottlerocket-eks-config';

/**
 * What changing one setting (or a group of them) does to a deployed stack, and the way out
 * when the update plan refuses it: data, so that every place that explains a change (the
 * team README's table, the stacks' update plan) can say the same.
 */
export interface SettingChange {
  /** The setting, or settings, and which change of it. */
  readonly setting: string;
  /** What the change does to the deployed stacks. */
  readonly effect: string;
  /** What to do instead, where the change is refused or has a trap. */
  readonly wayOut?: string;
}

/** How the explanations name the deployment: its prefix, its stacks and its commands. */
export interface ChangedDeployment {
  /** Its prefix, as `--confirm` takes it. */
  readonly prefix: string;
  /** The suffix of its projen tasks (`:<name>`), or nothing. */
  readonly task: string;
  /** The configuration of its nx targets (` -c <name>`), or nothing. */
  readonly nx: string;
  /** A stack's name as written. */
  stack(kind: StackKind): string;
}

/** What a change of each setting does to the deployed stacks of `deployment`. */
export function settingChanges(deployment: ChangedDeployment): SettingChange[] {
  const { task, nx } = deployment;
  const network = deployment.stack(StackKind.NETWORK);
  const cluster = deployment.stack(StackKind.CLUSTER);
  const nodegroup = deployment.stack(StackKind.NODEGROUP);
  // The way out of a change only a new cluster can take.
  const recreate = `destroy ${nodegroup} and ${cluster} first (\`npx nx destroy cluster${nx} --confirm=${deployment.prefix}\`), then deploy; or deploy a new \`pjPrefix\` beside this one`;
  return [
    {
      setting: '`nodeDesiredSize`, `nodeMinSize`, `nodeMaxSize`, `labels`, `taints`, `maxUnavailablePercentage`, `updateStrategy`, `autoRepair`, `nodeRepair`',
      effect: 'in place',
    },
    {
      setting: '`bottlerocket`, `dataVolumeSize`, `httpPutResponseHopLimit`, `volumeKmsKeyArn`',
      effect: 'in place: a new launch template version, nodes replaced a few at a time',
    },
    {
      setting: '`nodeDesiredSize: 0` or a NO_SCHEDULE/NO_EXECUTE `taints` entry on every node group; over 20 `instanceTypes`; a taint key over 63 characters',
      effect: 'refused at `npx projen` and synth: no node would run coredns, the EBS CSI controller and metrics-server (their add-ons never become active), or EKS would refuse the node group',
      wayOut: 'keep one node group with desired size >= 1 and no NO_SCHEDULE/NO_EXECUTE taint (or set `tolerations` in those add-ons\' `configurationValues`); at most 20 instance types; shorter taint keys',
    },
    {
      setting: '`kubernetesVersion` (upgrade)',
      effect: 'in place: the control plane and its add-ons, then the nodes and theirs',
      wayOut: 'EKS upgrades one minor version at a time',
    },
    {
      setting: '`instanceTypes`, `capacityType`, `architecture`, `variant`, `launchTemplate` (any node group)',
      effect: 'rolling replacement: a node group under a new name `<group>-<fingerprint>` is created, the old one drained and deleted',
    },
    { setting: '`extraNodegroups` (add, remove, rename)', effect: 'a group created or deleted' },
    { setting: '`adminPrincipalArns` (add, remove, reorder)', effect: 'in place: one access entry per principal' },
    {
      setting: '`availabilityZones` (add, reorder)',
      effect: `in place for ${network} and ${cluster} (fixed subnet slots per zone letter); node groups replaced as above`,
    },
    {
      setting: '`availabilityZones` (remove)',
      effect: 'refused while the zone\'s subnets are in use',
      wayOut: `deploy the stacks that import them first: \`npx nx deploy nodegroup${nx} --exclude-task-dependencies\`, \`npx nx deploy cluster${nx} --exclude-task-dependencies\`, then \`npx projen deploy${task}\``,
    },
    {
      setting: '`vpcCidr`',
      effect: 'refused: the VPC and every subnet would be replaced while their exports are in use',
      wayOut: `set it back, or ${recreate}`,
    },
    { setting: '`clusterName`', effect: 'refused: EKS cannot rename a cluster, and its exports are in use', wayOut: `set it back, or ${recreate}` },
    { setting: '`endpointPublicAccessCidrs`, `natGateways`', effect: 'in place' },
    { setting: '`deletionProtection`', effect: 'in place (on by default; the destroy turns it off first)' },
    { setting: '`zonalShift`, `controlPlaneTier`', effect: 'in place (tiers other than `standard` cost extra: Amazon EKS pricing)' },
    { setting: '`terminationProtection`', effect: 'in place (a stack setting)' },
    {
      setting: '`rolePermissionsBoundary`',
      effect: 'in place: the stacks\' roles get or change their permissions boundary (set for you where CI deploys)',
      wayOut: 'the deploy role never takes a boundary off a role: deploy that change with credentials of your own',
    },
    { setting: '`accountId`, `allowUnlistedRegion`', effect: 'nothing deployed changes: they decide what the preflight and the validation accept' },
    {
      setting: '`region`, `pjPrefix`',
      effect: 'a new deployment: the stacks are created in that region or under that prefix, beside the old ones',
      wayOut: `destroy the old stacks first (\`npx projen destroy${task}\` before the change) if they are to go`,
    },
    {
      setting: '`buildWorkflow`, `upgradeWorkflow`, `deployRoleArn`, `deployEnvironment`, `githubRepository`',
      effect: 'repository files only (workflows, the deploy role template); no stack changes',
    },
    {
      setting: '`kubernetesVersion` in its last 30 days of standard support',
      effect: 'deploys, with a warning: on the end date EKS upgrades the control plane itself',
      wayOut: 'set the next version and deploy first',
    },
    {
      setting: '`kubernetesVersion` past its end of standard support',
      effect: 'refused by the preflight: EKS has upgraded (or will upgrade) the cluster, and the template would ask for a downgrade',
      wayOut: 'set the next version',
    },
    {
      setting: '`addons.<key>.version`, `addons.<key>.configurationValues`',
      effect: 'in place; a version older than the installed one, or one EKS does not offer, is refused by the preflight',
      wayOut: 'the installed version, or one EKS lists',
    },
    {
      setting: '`addons.<key>.enabled: false` (EBS CSI driver, metrics-server, node monitoring agent)',
      effect: 'the add-on resource is deleted; EKS keeps its software running (the EBS CSI driver keeps its Pod Identity role)',
      wayOut: '`aws eks delete-addon` to remove it fully',
    },
    {
      setting: '`addons.<key>.enabled` back on (or an add-on new in this release)',
      effect: 'created; refused by the preflight if one of that name is already installed',
      wayOut: '`aws eks delete-addon --cluster-name <cluster> --addon-name <name> --preserve`, then deploy (the stack adopts it)',
    },
    { setting: '`endpointPublicAccess: false` (or `securityProfile: strict`)', effect: 'in place: kubectl from outside the VPC stops working' },
    {
      setting: '`securityProfile: strict` or `secretsKmsKeyArn` on a cluster created without encryption; another key, or none, on an encrypted one',
      effect: 'refused: EKS sets secrets encryption at cluster creation and never changes or removes the key',
      wayOut: `keep the deployed setting, or ${recreate}`,
    },
    {
      setting: '`logRetentionDays` (first time)',
      effect: 'the cluster stack takes over the control plane log group; refused by the preflight if EKS already made it',
      wayOut: 'import it with the CloudFormation IMPORT commands the preflight prints, or delete the log group',
    },
    { setting: '`logRetentionDays` (change, removal)', effect: 'in place; removed, the log group is kept with its retention' },
    {
      setting: '`ssmAccess`, `detailedMonitoring`',
      effect: 'in place: the node role\'s policies, a new launch template version; nodes replaced a few at a time',
    },
    {
      setting: '`bottlerocketRelease`',
      effect: 'in place: the nodes of every node group without its own `releaseVersion` roll to that Bottlerocket release, as its update config '
        + 'allows (`maxUnavailablePercentage`, `updateStrategy`); refused by the update plan when the release is blocked',
      wayOut: 'a release that is not blocked (`blockedBottlerocketReleases` and the product\'s list), such as the one the groups run; `npx projen releases` shows which are',
    },
    {
      setting: '`releaseVersion`',
      effect: 'in place: the group\'s nodes roll to that Bottlerocket release, as its update config allows; the group is then pinned (the release train '
        + 'leaves it); refused by the update plan when the release is blocked',
      wayOut: 'a release that is not blocked, or no `releaseVersion` (the group follows `bottlerocketRelease`)',
    },
    {
      setting: '`releaseTrain`, `releaseSoakDays`, `blockedBottlerocketReleases`',
      effect: 'no template change: they decide what the release train (`npx projen releases`, the `releases` workflow) proposes, and which releases '
        + 'the update plan refuses to move a group onto',
    },
    {
      setting: '`vpcId`, `privateSubnetIds`, `publicSubnetIds`',
      effect: 'refused while the cluster and node groups use the exported subnets',
      wayOut: `set them back, or ${recreate}`,
    },

  ];
}

/** In a repository with environments: what adding, removing or changing an environment does. */
export const ENVIRONMENT_CHANGES: SettingChange[] = [
  {
    setting: '`environments` (add one)',
    effect: 'a new deployment: its settings file, `templates/<name>/`, its tasks and its CI jobs; its stacks are created by its first `npx projen deploy:<name>`',
  },
  {
    setting: '`environments` (remove one)',
    effect: 'its settings file, templates, tasks and CI jobs go; its stacks stay deployed, and no task of this repository reaches them any more',
    wayOut: 'run `npx projen destroy:<name> --confirm=<prefix>` BEFORE removing it, if its stacks are to go',
  },
  { setting: '`environments` (reorder)', effect: 'the order the deploy workflow deploys them in; no stack changes' },
  { setting: 'a setting of one environment', effect: 'that environment\'s stacks only, as the rows above say' },
  { setting: 'a top-level setting', effect: 'every environment that does not set it itself, as the rows above say' },
  {
    setting: 'the `name` or `pjPrefix` of an environment, or the top-level `pjPrefix` (each environment\'s default prefix is `<pjPrefix>-<name>`)',
    effect: 'a new deployment under the new prefix, beside the old stacks',
    wayOut: 'destroy the old stacks first (`npx projen destroy:<name>` before the change) if they are to go',
  },
];

/** In a repository of one deployment: what its first `environments` do to the stacks deployed so far. */
export function firstEnvironmentsChange(deployment: ChangedDeployment): SettingChange {
  return {
    setting: '`environments` (the first ones)',
    effect: `each environment is a new deployment under \`<pjPrefix>-<name>\`, beside ${ResourceNames.DEPLOY_ORDER.map((kind) => deployment.stack(kind)).join(', ')}`,
    wayOut: `to keep these stacks, give one environment \`pjPrefix: '${deployment.prefix}'\` (and this account and region): it then updates them`,
  };
}
