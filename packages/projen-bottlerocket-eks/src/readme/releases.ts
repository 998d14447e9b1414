import {
  BlockedBottlerocketRelease, KNOWN_BAD_BOTTLEROCKET_RELEASES, RELEASES_FLAGS, ReleaseTrain, ResolvedSettings, ResourceNames,
} from 'bottlerocket-eks-config';
import { TeamCiOptions } from '../ci-options';
import { RELEASES_TASK } from '../task-names';
import { RELEASES_CRON } from '../team-workflows';
import { DeploymentsView } from './deployments-view';

/** One stop of the release train: an environment (or the one deployment), in the order listed. */
interface Stop {
  /** The environment's name; undefined for the one deployment. */
  readonly name?: string;
  readonly settings: ResolvedSettings;
  /** Whether CI deploys it (so the `releases` workflow reads it). */
  readonly inCi: boolean;
}

/**
 * "Bottlerocket releases": the release train of the repository (publish, then each environment
 * in the order of `environments` after the one before has run the release `releaseSoakDays`),
 * its settings, `npx projen releases`, the scheduled `releases` workflow and its pull requests,
 * what deploying one does, and the releases that are blocked (the team's and the product's).
 */
export function releasesSection(options: TeamCiOptions, view: DeploymentsView): string {
  const stops: Stop[] = view.hasEnvironments
    ? view.environments.map((e) => ({ name: e.name, settings: e.settings, inCi: e.roleArn !== undefined }))
    : [{ settings: view.shown.settings, inCi: options.deployRoleArn !== undefined }];
  const label = (stop: Stop) => stop.name ?? stop.settings.pjPrefix;
  const [first, ...rest] = stops;
  const task = `npx projen ${RELEASES_TASK}`;
  const train = rest.length === 0
    ? `a new Bottlerocket release is proposed to ${label(first)} as soon as AWS publishes it`
    : `a new Bottlerocket release is proposed to ${label(first)} as soon as AWS publishes it, ${rest.map((stop, i) => `to ${label(stop)} once it has run ${days(stop.settings.releaseSoakDays)} in ${label(stops[i])}`).join(', ')}`;
  return `## Bottlerocket releases

Every node group without a \`releaseVersion\` of its own runs ${view.hasEnvironments ? 'its environment\'s' : 'the'} \`bottlerocketRelease\` (unset: the
release EKS picks when the group is created, then unchanged). The release train moves \`bottlerocketRelease\` forward
by pull request${rest.length === 0 ? '' : ', one environment at a time, in the order of `environments`'}: ${train}. A blocked release
is never proposed, and the update plan refuses a deploy that would move a node group onto one.

${diagram(stops, label)}
| ${view.hasEnvironments ? 'environment' : 'deployment'} | \`bottlerocketRelease\` | \`releaseTrain\` | \`releaseSoakDays\` | groups with their own \`releaseVersion\` |
| --- | --- | --- | --- | --- |
${stops.map((stop, i) => row(stop, i, label)).join('\n')}

- \`bottlerocketRelease\`: the release of every node group without its own \`releaseVersion\`, such as \`1.51.0-47438798\`; the
  train's pull requests write it. A change rolls those groups' nodes in place.
- \`releaseTrain\`: \`${ReleaseTrain.FOLLOW}\` (the default) takes the train's proposals; \`${ReleaseTrain.PINNED}\` stays where it is: nothing is proposed.
- \`releaseSoakDays\`: days a release must have run in the environment before this one before it is proposed here
  (default 7, 0 to 90); the first environment gets a release when it is published.
- \`blockedBottlerocketReleases\`: releases never to run, \`{ release, reason }\` each: a whole release (\`1.53.0\`, every
  build of it) or one build (\`1.53.0-55d04a85\`). The train skips them and the update plan refuses them.
- a group's own \`releaseVersion\` pins that group: the train leaves it, whatever the environment runs.

${view.hasEnvironments ? 'Each is set at the top level or per environment (an environment\'s own value wins).' : 'With `environments`, each can be set per environment.'}

\`\`\`sh
${task}             # the train: what runs where, what is due when, what is blocked
${task} -- --${RELEASES_FLAGS.json}   # the same as JSON, for scripts
\`\`\`

It reads ${view.hasEnvironments ? 'each environment' : 'the node groups'} from AWS with your credentials${view.hasEnvironments ? ' (they must reach every environment\'s account and region)' : ''}, and the
published releases from AWS's public SSM parameters (\`/aws/service/bottlerocket/...\`). It changes nothing. Exit codes: 0 done,
1 something failed (one line says what), 2 wrong usage.

${workflowText(options, stops, label)}

### Deploying a release

Review the pull request like any change: \`npx projen diff${view.each.task}\` (or the \`diff\` workflow) shows the update plan,
which names the node groups whose nodes roll, and refuses a blocked release. Merged, it is deployed like any change
(\`npx projen deploy${view.each.task}\`${stops.some((s) => s.inCi) ? ', or the `deploy` workflow' : ''}): the node group stack gives each group without its own \`releaseVersion\` the
new release, and EKS rolls its nodes in place, as the group's update config allows (\`maxUnavailablePercentage\`,
\`updateStrategy\`); no group is replaced or renamed, and the pods move as their nodes are drained. \`npx projen status${view.each.task}\`
afterwards shows each group's release.

### Blocked releases

The product ships a short list of Bottlerocket releases with a documented regression on EKS, each with its source
(nothing is listed on suspicion). It applies to every environment, after your own \`blockedBottlerocketReleases\`:

| release | why |
| --- | --- |
${KNOWN_BAD_BOTTLEROCKET_RELEASES.map((b) => `| \`${b.release}\` | ${cell(b.reason)} |`).join('\n')}
${ownBlocked(stops, label)}`;
}

/** `1 day`, `7 days`. */
function days(n: number): string {
  return `${n} day${n === 1 ? '' : 's'}`;
}

/** Text for a table cell: no pipe or line break ends it early. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

/** The train as a Mermaid flowchart: publish, then each stop in order after its soak; blocked releases stopped. */
function diagram(stops: Stop[], label: (stop: Stop) => string): string {
  const node = (stop: Stop, i: number) => {
    const pinned = stop.settings.releaseTrain === ReleaseTrain.PINNED ? '<br/>pinned: nothing proposed' : '';
    return `  env${i}["${label(stop)}${stop.name ? `<br/>${stop.settings.pjPrefix}` : ''}${pinned}"]`;
  };
  // Into a pinned stop, a dotted line: nothing is proposed to it.
  const edge = (from: string, stop: Stop, i: number, text: string) => (stop.settings.releaseTrain === ReleaseTrain.PINNED
    ? `  ${from} -.->|"pinned: not proposed"| env${i}`
    : `  ${from} -- "${text}" --> env${i}`);
  const edges = [
    edge('published', stops[0], 0, 'at once'),
    ...stops.slice(1).map((stop, i) => edge(`env${i}`, stop, i + 1, `after ${days(stop.settings.releaseSoakDays)} in ${label(stops[i])}`)),
  ];
  return `\`\`\`mermaid
flowchart LR
  published(["new Bottlerocket release<br/>published by AWS"])
${stops.map(node).join('\n')}
  blocked["blocked release<br/>never proposed, refused by the update plan"]
${edges.map((e) => `${e}\n`).join('')}  published -.->|"blocked"| blocked
\`\`\`
`;
}

/** One row of the settings table; the first stop has no soak. */
function row(stop: Stop, i: number, label: (stop: Stop) => string): string {
  const s = stop.settings;
  const names = new ResourceNames(s.pjPrefix);
  const pinned = s.nodegroups.filter((g) => g.releaseVersion).map((g) => `${names.nodegroup(g.name)} on ${g.releaseVersion}`);
  const soak = i === 0 ? `${s.releaseSoakDays} (not used: no environment before ${label(stop)})` : `${s.releaseSoakDays}`;
  return `| ${label(stop)} | ${s.bottlerocketRelease ? `\`${s.bottlerocketRelease}\`` : 'unset'} | \`${s.releaseTrain}\` | ${soak} | ${pinned.length > 0 ? pinned.join(', ') : '-'} |`;
}

/** The team's own blocked releases (the resolved list without the product's), with the environments they apply to. */
function ownBlocked(stops: Stop[], label: (stop: Stop) => string): string {
  const isProducts = (b: BlockedBottlerocketRelease) => KNOWN_BAD_BOTTLEROCKET_RELEASES.some((k) => k.release === b.release && k.reason === b.reason);
  const own = new Map<string, { entry: BlockedBottlerocketRelease; where: string[] }>();
  for (const stop of stops) {
    for (const entry of stop.settings.blockedBottlerocketReleases.filter((b) => !isProducts(b))) {
      const key = `${entry.release}\n${entry.reason}`;
      if (!own.has(key)) own.set(key, { entry, where: [] });
      own.get(key)!.where.push(label(stop));
    }
  }
  if (own.size === 0) return '\nYour own `blockedBottlerocketReleases`: none.\n';
  const several = stops.length > 1;
  return `
Your own \`blockedBottlerocketReleases\`:

| release | why |${several ? ' blocked in |' : ''}
| --- | --- |${several ? ' --- |' : ''}
${[...own.values()].map(({ entry, where }) => `| \`${entry.release}\` | ${cell(entry.reason)} |${several ? ` ${where.join(', ')} |` : ''}`).join('\n')}
`;
}

/** The scheduled `releases` workflow, where CI reaches a deployment; else how to get it. */
function workflowText(options: TeamCiOptions, stops: Stop[], label: (stop: Stop) => string): string {
  const branch = options.defaultReleaseBranch ?? 'main';
  const [minute, hour] = RELEASES_CRON.split(' ');
  const when = `daily at ${hour.padStart(2, '0')}:${minute.padStart(2, '0')} UTC`;
  const several = stops.length > 1 || stops[0].name !== undefined;
  const read = stops.filter((s) => s.inCi);
  if (read.length === 0) {
    return `Once CI deploys ${several ? 'an environment' : 'the stacks'} (\`deployRoleArn\`, see [CI](#ci)), the \`releases\` workflow runs the train ${when} and
opens the pull requests.`;
  }
  const statusRole = several ? '`<prefix>-github-status`' : `\`${new ResourceNames(stops[0].settings.pjPrefix).githubStatusRole()}\``;
  const unread = stops.filter((s) => !s.inCi);
  return `The \`releases\` workflow runs ${when} (and by hand: Actions, \`releases\`, "Run workflow" on ${branch}):

1. ${several ? `one job per environment CI deploys (${read.map(label).join(', ')}) reads what its node groups run, as its status role` : 'a job reads what the node groups run, as the status role'} ${statusRole}
   (it trusts only runs on ${branch}, and can change nothing);
2. a job with no AWS credentials plans the train from those readings and writes it into its summary;
3. for each ${several ? 'environment' : 'deployment'} a release is due to, a job with no AWS credentials writes it into \`.projenrc.ts\`
   (\`bottlerocketRelease\`${several ? ' of that environment' : ''}), runs \`npx projen\` and the synth, and opens a pull request. Each ${several ? 'environment' : 'deployment'} has
   one branch: a newer release updates its open pull request rather than opening another.

The pull request, written by \`bottlerocket-eks releases\`, says which release it moves ${several ? 'which environment' : 'the node groups'} to (and from), why
now (published, or how long it has run in the environment before), which node groups' nodes a deploy rolls and which
stay pinned, and where the train stands. Its diff is \`.projenrc.ts\` and what \`npx projen\` and the synth make of it
(the settings file, the node group template, this README).

${several
  ? `An environment that was not read (its reading failed${unread.length > 0 ? `, or CI does not deploy it: ${unread.map(label).join(', ')}` : ''}) is not moved, and
the environments after it wait; the plan says so in its summary, and the environments before it go on. \`npx projen ${RELEASES_TASK}\`
with credentials of your own reads every environment, and \`npx projen ${RELEASES_TASK} -- --apply --environment <name>\` writes what is
due for one.`
  : `When the reading fails, nothing is proposed that day; \`npx projen ${RELEASES_TASK} -- --apply\` writes what is due by hand.`}
A pull request opened with \`GITHUB_TOKEN\` starts no
workflow: set the \`PROJEN_GITHUB_TOKEN\` secret (see [CI](#ci)) to have it built and diffed.`;
}
