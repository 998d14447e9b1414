import { KNOWN_BAD_BOTTLEROCKET_RELEASES, ReleaseTrain } from 'bottlerocket-eks-config';
import { Testing } from 'projen/lib/testing';
import { tempDir } from './temp';
import { BottlerocketEksProject, BottlerocketEksProjectOptions } from '../src';
import { RELEASES_CRON } from '../src/team-workflows';

// The team README on the Bottlerocket release train: the section, and where other sections name it.

const ROLE_ARN = 'arn:aws:iam::123456789012:role/team-a-github-deploy';
const PRD_ROLE = 'arn:aws:iam::222222222222:role/team-a-prd-github-deploy';

function readme(options: Partial<BottlerocketEksProjectOptions> = {}): string {
  return Testing.synth(new BottlerocketEksProject({ name: 'team-a', defaultReleaseBranch: 'main', pjPrefix: 'team-a', outdir: tempDir('releases-readme'), ...options }))['README.md'];
}

/** A section of a README (`## ` or, with `level` 3, `### `), up to the next one of its level or above. */
function section(text: string, title: string, level = 2): string {
  const start = text.indexOf(`\n${'#'.repeat(level)} ${title}\n`);
  expect(start).toBeGreaterThan(0);
  const end = text.slice(start + 1).search(new RegExp(`\\n#{2,${level}} `));
  return text.slice(start + 1, end < 0 ? undefined : start + 1 + end);
}

/** The whole section with its subsections. */
const releases = (text: string) => section(text, 'Bottlerocket releases');

/** The Mermaid blocks of a text. */
const diagrams = (text: string) => [...text.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]);

describe('the README\'s Bottlerocket releases section, one deployment', () => {
  const plain = readme();
  const deploying = readme({ deployRoleArn: ROLE_ARN, bottlerocketRelease: '1.52.0-abcdef12', extraNodegroups: [{ name: 'gpu', releaseVersion: '1.50.0-11111111' }] });

  test('comes after Upgrading Kubernetes, with one diagram: published, the deployment at once, blocked releases stopped', () => {
    expect(plain.indexOf('\n## Bottlerocket releases\n')).toBeGreaterThan(plain.indexOf('\n## Upgrading Kubernetes\n'));
    // One heading of that name in the README (a link to it finds this one).
    expect(plain.split('\n').filter((l) => /^#+ Bottlerocket releases$/.test(l))).toEqual(['## Bottlerocket releases']);
    const [diagram, ...others] = diagrams(releases(plain));
    expect(others).toEqual([]);
    expect(diagram.split('\n').filter(Boolean)).toEqual([
      'flowchart LR',
      '  published(["new Bottlerocket release<br/>published by AWS"])',
      '  env0["team-a"]',
      '  blocked["blocked release<br/>never proposed, refused by the update plan"]',
      '  published -- "at once" --> env0',
      '  published -.->|"blocked"| blocked',
    ]);
    expect(releases(plain)).toContain('a new Bottlerocket release is proposed to team-a as soon as AWS publishes it.');
  });

  test('the settings, with this deployment\'s values; a group with its own releaseVersion is pinned', () => {
    const text = releases(deploying);
    for (const setting of ['bottlerocketRelease', 'releaseTrain', 'releaseSoakDays', 'blockedBottlerocketReleases']) expect(text).toContain(`\n- \`${setting}\`: `);
    expect(text).toContain('\n- a group\'s own `releaseVersion` pins that group: the train leaves it');
    expect(text).toContain('| team-a | `1.52.0-abcdef12` | `follow` | 7 (not used: no environment before team-a) | team-a-gpu on 1.50.0-11111111 |');
    expect(releases(plain)).toContain('| team-a | unset | `follow` | 7 (not used: no environment before team-a) | - |');
  });

  test('npx projen releases and its JSON, the exit codes', () => {
    const text = releases(plain);
    expect(text).toMatch(/\nnpx projen releases +# the train: what runs where, what is due when, what is blocked\n/);
    expect(text).toMatch(/\nnpx projen releases -- --json +# the same as JSON, for scripts\n/);
    expect(text).toContain('Exit codes: 0 done,\n1 something failed (one line says what), 2 wrong usage.');
  });

  test('the scheduled workflow where CI deploys: its time, its role, its jobs and its pull requests; else how to get it', () => {
    const [minute, hour] = RELEASES_CRON.split(' ');
    const text = releases(deploying);
    expect(text).toContain(`The \`releases\` workflow runs daily at ${hour.padStart(2, '0')}:${minute.padStart(2, '0')} UTC`);
    expect(text).toContain('as the status role `team-a-github-status`');
    expect(text).toContain('a job with no AWS credentials plans the train');
    expect(text).toContain('one branch: a newer release updates its open pull request rather than opening another');
    expect(text).toContain('`PROJEN_GITHUB_TOKEN`');
    expect(text).toContain('When the reading fails, nothing is proposed that day; `npx projen releases -- --apply` writes what is due by hand.');
    expect(releases(plain)).toContain('Once CI deploys the stacks (`deployRoleArn`, see [CI](#ci)), the `releases` workflow runs the train daily');
    expect(releases(plain)).not.toContain('status role');
  });

  test('what deploying a release does: the nodes roll in place by their update config; the update plan names the groups and refuses a blocked release', () => {
    const text = section(deploying, 'Deploying a release', 3);
    expect(text).toContain('`npx projen diff` (or the `diff` workflow) shows the update plan,\nwhich names the node groups whose nodes roll, and refuses a blocked release');
    expect(text).toContain('EKS rolls its nodes in place, as the group\'s update config allows (`maxUnavailablePercentage`,\n`updateStrategy`)');
    expect(text).toContain('no group is replaced or renamed');
  });

  test('the product\'s block list, rendered from its data, each entry with its source; the team\'s own', () => {
    const text = section(deploying, 'Blocked releases', 3);
    expect(KNOWN_BAD_BOTTLEROCKET_RELEASES.length).toBeGreaterThan(0);
    for (const entry of KNOWN_BAD_BOTTLEROCKET_RELEASES) {
      expect(text).toContain(`| \`${entry.release}\` | ${entry.reason} |`);
      expect(entry.reason).toMatch(/https:\/\//);
    }
    expect(text).toContain('Your own `blockedBottlerocketReleases`: none.');
    const own = section(readme({ blockedBottlerocketReleases: [{ release: '1.54.0-abcdef12', reason: 'our ingress | breaks on it' }] }), 'Blocked releases', 3);
    expect(own).toContain('| `1.54.0-abcdef12` | our ingress \\| breaks on it |');
  });

  test('the node group table, the commands table and the cluster section name bottlerocketRelease', () => {
    expect(section(deploying, 'Node groups')).toContain('| `releaseVersion` | 1.52.0-abcdef12 (`bottlerocketRelease`) | 1.50.0-11111111 (pinned) | `bottlerocketRelease`, else');
    expect(section(plain, 'Node groups')).toContain('| `releaseVersion` | EKS newest at creation |');
    expect(section(plain, 'Commands')).toContain('| `npx projen releases` | the Bottlerocket release train: what runs where, what is due when, what is blocked');
    const cluster = section(deploying, 'The nodes\' Bottlerocket release', 3);
    expect(cluster).toContain('Pinned by their own `releaseVersion`: team-a-gpu on 1.50.0-11111111.');
    expect(cluster).toContain('runs `bottlerocketRelease` (here 1.52.0-abcdef12)');
    expect(cluster).toContain('set `bottlerocketRelease` (every group without its own\n`releaseVersion`) or a group\'s `releaseVersion`');
    expect(cluster).toContain('(see [Bottlerocket releases](#bottlerocket-releases))');
    expect(cluster).not.toContain('update-nodegroup-version');
    expect(section(plain, 'The nodes\' Bottlerocket release', 3)).toContain('`aws eks update-nodegroup-version --cluster-name team-a-cluster');
  });
});

describe('the README\'s Bottlerocket releases section, with environments', () => {
  const environments = [
    { name: 'dev', bottlerocketRelease: '1.52.0-abcdef12' },
    { name: 'stg', releaseSoakDays: 3, deployRoleArn: ROLE_ARN },
    { name: 'prd', releaseSoakDays: 14, deployRoleArn: PRD_ROLE, blockedBottlerocketReleases: [{ release: '1.54.0', reason: 'our app fails on it' }] },
  ];
  const text = readme({ environments });

  test('the train in the order of environments, with each one\'s soak days, in one diagram', () => {
    const train = releases(text);
    expect(train).toContain('one environment at a time, in the order of `environments`: a new Bottlerocket release is proposed to dev as soon as AWS publishes it, '
      + 'to stg once it has run 3 days in dev, to prd once it has run 14 days in stg.');
    const [diagram, ...others] = diagrams(train);
    expect(others).toEqual([]);
    expect(diagram).toContain('  env0["dev<br/>team-a-dev"]\n  env1["stg<br/>team-a-stg"]\n  env2["prd<br/>team-a-prd"]');
    expect(diagram).toContain('  published -- "at once" --> env0\n  env0 -- "after 3 days in dev" --> env1\n  env1 -- "after 14 days in stg" --> env2\n');
    expect(train).toContain('| dev | `1.52.0-abcdef12` | `follow` | 7 (not used: no environment before dev) | - |');
    expect(train).toContain('| prd | unset | `follow` | 14 | - |');
  });

  test('a pinned environment: nothing proposed to it', () => {
    const pinned = releases(readme({ environments: [{ name: 'dev' }, { name: 'prd', releaseTrain: ReleaseTrain.PINNED }] }));
    const [diagram] = diagrams(pinned);
    expect(diagram).toContain('  env1["prd<br/>team-a-prd<br/>pinned: nothing proposed"]');
    expect(diagram).toContain('  env0 -.->|"pinned: not proposed"| env1');
    expect(pinned).toContain('| prd | unset | `pinned` | 7 | - |');
  });

  test('the workflow reads the environments CI deploys, each as its status role; one pull request branch per environment', () => {
    const train = releases(text);
    expect(train).toContain('one job per environment CI deploys (stg, prd) reads what its node groups run, as its status role `<prefix>-github-status`');
    expect(train).toContain('(`bottlerocketRelease` of that environment)');
    expect(train).toContain('An environment that was not read (its reading failed, or CI does not deploy it: dev) is not moved, and\nthe environments after it wait');
    expect(train).toContain('`npx projen releases -- --apply --environment <name>` writes what is\ndue for one');
    expect(train).toContain('which node groups\' nodes a deploy rolls and which\nstay pinned');
    expect(train).toContain('(they must reach every environment\'s account and region)');
    expect(section(text, 'Deploying a release', 3)).toContain('`npx projen deploy:<name>`, or the `deploy` workflow');
  });

  test('the team\'s own blocked releases, with the environments that block them, after the product\'s', () => {
    const blocked = section(text, 'Blocked releases', 3);
    expect(blocked).toContain('| release | why | blocked in |\n| --- | --- | --- |\n| `1.54.0` | our app fails on it | prd |');
    expect(blocked.indexOf(`| \`${KNOWN_BAD_BOTTLEROCKET_RELEASES[0].release}\``)).toBeLessThan(blocked.indexOf('`1.54.0`'));
  });

  test('the commands table names the one releases task of the repository', () => {
    expect(section(text, 'Commands')).toContain('| `npx projen releases` | the Bottlerocket release train of every environment, in their order:');
  });
});
