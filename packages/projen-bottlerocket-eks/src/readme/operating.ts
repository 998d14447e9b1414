import { EKS_ROLLBACK_GUIDE, ResourceNames, ROLLBACK_WINDOW_DAYS, STATUS_FLAGS, UPGRADE_FLAGS } from 'bottlerocket-eks-config';
import { TeamCiOptions } from '../ci-options';
import { KUBERNETES_UPGRADE_TASK } from '../task-names';
import { STATUS_CRON } from '../team-workflows';
import { DeploymentsView } from './deployments-view';


/**
 * "Operating the environment": what `npx projen status[:<name>]` shows, its exit codes and flags
 * (`STATUS_FLAGS`), and the scheduled `status` workflow with its role, when CI reaches a deployment.
 */
export function operatingSection(options: TeamCiOptions, view: DeploymentsView): string {
  const { task, of } = view.each;
  const branch = options.defaultReleaseBranch ?? 'main';
  const [minute, hour] = STATUS_CRON.split(' ');
  const when = `daily at ${hour.padStart(2, '0')}:${minute.padStart(2, '0')} UTC`;
  const inCi = deployedByCi(options, view);
  const statusRole = view.hasEnvironments ? '`<prefix>-github-status`' : `\`${new ResourceNames(view.shown.settings.pjPrefix).githubStatusRole()}\``;
  const workflow = inCi.length === 0
    ? `Once CI deploys ${view.hasEnvironments ? 'an environment' : 'the stacks'} (\`deployRoleArn\`, see [CI](#ci)), the \`status\` workflow runs it ${when}.`
    : `The \`status\` workflow runs ${view.hasEnvironments ? inCi.map((name) => `\`npx projen status:${name}\``).join(', ') : '`npx projen status`'} ${when}
(and by hand: Actions, \`status\`, "Run workflow" on ${branch}), as the status role ${statusRole} of the role template.
That role trusts only workflow runs on ${branch} and can change nothing (see [CI](#ci)). A job fails when its
environment needs attention: the run shows red in the Actions tab, and the job's summary holds the output. A role
stack deployed before the template had the status role has no \`StatusRoleArn\` output: deploy the template again
(the commands in [CI](#ci)), or the job fails to get credentials.`;
  const status = (flag: string, comment: string) => `${`npx projen status${task}${flag ? ` -- --${flag}` : ''}`.padEnd(`npx projen status${task} -- --${STATUS_FLAGS.noDrift}`.length)}   # ${comment}`;
  return `## Operating the environment

\`\`\`sh
${status('', `what is deployed${of}, and whether anything needs attention`)}
${status(STATUS_FLAGS.json, 'the same as JSON, for scripts')}
${status(STATUS_FLAGS.noDrift, 'without drift detection')}
\`\`\`

It synthesizes, then reads what is deployed: each stack's state and its update plan in brief (what a deploy of this
commit would change), CloudFormation drift of each stack, the cluster's Kubernetes version and the end of its
standard support, the EKS upgrade insights, the add-ons, and each node group's Bottlerocket release against the newest
one for its Kubernetes version. It changes nothing; drift detection is an operation CloudFormation runs on the stacks,
reading each resource, and can take minutes (\`--${STATUS_FLAGS.noDrift}\` skips it). \`--${STATUS_FLAGS.supportDays} N\` sets how many days
before the end of standard support the version needs attention (default 30).

| exit code | meaning |
| --- | --- |
| 0 | nothing needs attention |
| 1 | something needs attention, or an AWS call failed (one line on stderr says which) |
| 2 | wrong usage |

${workflow}
`;
}

/** The environments CI deploys (`deployRoleArn`), or `['']` for a repository of one deployment CI deploys; none: empty. */
function deployedByCi(options: TeamCiOptions, view: DeploymentsView): string[] {
  if (view.hasEnvironments) return view.environments.filter((e) => e.roleArn).map((e) => e.name);
  return options.deployRoleArn ? [''] : [];
}

/**
 * "Upgrading Kubernetes": an upgrade from plan to deploy with `npx projen kubernetes-upgrade`,
 * what to check in between, and the way back.
 */
export function upgradingKubernetesSection(options: TeamCiOptions, view: DeploymentsView): string {
  const { task, of, upgradeRecord, settingsFile, templates } = view.each;
  const branch = options.defaultReleaseBranch ?? 'main';
  const upgrade = `npx projen ${KUBERNETES_UPGRADE_TASK}${task}`;
  return `## Upgrading Kubernetes

EKS moves a cluster one Kubernetes minor version at a time. One step${of}, start to end:

1. **Plan**: \`${upgrade}\` prints the next minor version and what moves with it. It refuses while an EKS upgrade
   insight for that version is in ERROR, a stack is not in a stable state, or drift is found. An insight EKS has not
   computed yet is shown as unknown, never as passed.
2. **Write**: \`${upgrade} -- --${UPGRADE_FLAGS.apply}\` writes the version into \`.projenrc.ts\` and runs \`npx projen\`.
3. **Review and commit** the diff: \`.projenrc.ts\`, \`${settingsFile}\`, \`${templates}/\` and \`${upgradeRecord}\`
   (what the step moved: the way back reads it). \`npx projen diff${task}\` shows what the deploy will change.
4. **Deploy**: \`npx projen deploy${task}\`${deployedByCi(options, view).length > 0 ? ` (or the \`deploy\` workflow, once merged to ${branch})` : ''} carries out the step
   in order: the cluster stack upgrades the control plane, then the cluster's add-ons; the nodegroup stack rolls
   the node groups to the new version as their update config allows, then the add-ons that run on nodes.
5. **Check**: \`npx projen status${task}\` after each deploy (version, insights, add-ons, node groups), then your
   workloads: nodes ready, pods running, your own checks.

${view.hasEnvironments ? 'One environment at a time, in the order of `environments`, from the first to the last: finish and check one before you start the next.' : 'One step at a time: finish and check one before you plan the next.'}

### Rolling back

EKS can roll the control plane back one minor version within ${ROLLBACK_WINDOW_DAYS} days of an in-place upgrade; EKS sets that window
(EKS User Guide, ["Roll back a cluster to a previous Kubernetes version"](${EKS_ROLLBACK_GUIDE})). The add-ons and the
managed node groups are yours to move back (EKS Best Practices Guide, "Cluster Version Rollback").
\`${upgrade} -- --${UPGRADE_FLAGS.rollback}\` plans the way back of the last applied step, from \`${upgradeRecord}\`.
`;
}
