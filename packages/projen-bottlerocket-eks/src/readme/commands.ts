import { StackKind } from 'bottlerocket-eks-config';
import { KUBERNETES_UPGRADE_TASK, RELEASES_TASK } from '../task-names';
import { DeploymentsView } from './deployments-view';

/** The repository's projen and nx commands, as `project.ts`, `all-stacks-app.ts` and `team-tests.ts` define them. */
export function commandsSection(view: DeploymentsView): string {
  const { task, nx, of } = view.each;
  const stack = (kind: StackKind) => view.each.stack(kind);
  const rows = [
    '| `npx projen` | regenerate the configuration files from `.projenrc.ts` |',
    '| `npx projen build` | type-check `.projenrc.ts`, the apps and the tests, synthesize the three templates into `templates/`, then run the tests (no AWS account needed) |',
    view.hasEnvironments
      ? `| \`npx projen synth\` | synthesize only: the three apps of every environment in one process, into \`cdk.out/<name>\` and \`${view.each.templates}/\` (the CDK CLI is needed only to deploy); \`npx nx synth cluster${nx}\` for one |`
      : `| \`npx projen synth\` | synthesize only: the three apps in one process (the CDK CLI is needed only to deploy); \`npx nx synth cluster${nx}\` for one |`,
    '| `npx projen test` | run `test/*.test.ts` (Node\'s test runner) on the last synth: the stacks keep the export and security contract, `templates/` is up to date |',
    `| \`npx projen preflight${task}\` | say which account, caller, partition, region and stacks a deploy${of} would hit (\`--json\` for scripts) |`,
    `| \`npx projen diff${task}\` | preflight and update plan, then \`cdk diff\` of every stack${of} against what is deployed |`,
    `| \`npx projen deploy${task}\` | preflight and update plan, then deploy ${stack(StackKind.NETWORK)}, ${stack(StackKind.CLUSTER)} and ${stack(StackKind.NODEGROUP)}${of}, in that order |`,
    `| \`npx nx deploy cluster${nx}\` | deploy one stack${of}, after those it depends on (preflighted too) |`,
    `| \`npx projen destroy${task} --confirm=${view.each.names.pjPrefix}\` | destroy the three stacks${of} in the reverse order (the cluster's deletion protection turned off first); refuses without \`--confirm\` |`,
    `| \`npx projen status${task}\` | what is deployed${of} and whether anything needs attention: stacks, drift, Kubernetes version and support, upgrade insights, add-ons, node groups (see [Operating the environment](#operating-the-environment)) |`,
    `| \`npx projen ${KUBERNETES_UPGRADE_TASK}${task}\` | plan the next Kubernetes minor version${of}; \`-- --apply\` writes it into \`.projenrc.ts\` (see [Upgrading Kubernetes](#upgrading-kubernetes)) |`,
    `| \`npx projen ${RELEASES_TASK}\` | the Bottlerocket release train${view.hasEnvironments ? ' of every environment, in their order' : ''}: what runs where, what is due when, what is blocked (see [Bottlerocket releases](#bottlerocket-releases)) |`,
    // With environments the plain tasks stay, to name the environments rather than guess one.
    ...(view.hasEnvironments
      ? [`| \`npx projen preflight\`, \`diff\`, \`deploy\`, \`destroy\`, \`status\`, \`${KUBERNETES_UPGRADE_TASK}\` | refuse, listing the environments: name one (see [Environments](#environments)) |`]
      : []),
  ];
  return `## Commands

| command | what it does |
| --- | --- |
${rows.join('\n')}
`;
}
