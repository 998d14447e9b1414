import { costCommandLine, deploymentPaths, EKS_ROLLBACK_GUIDE, releasesCommandLine, statusCommandLine, TEAM_TASKS, upgradeCommandLine } from 'bottlerocket-eks-config';
import { Testing } from 'projen/lib/testing';
import { tempDir } from './temp';
import { BottlerocketEksProject, BottlerocketEksProjectOptions } from '../src';
import { COST_TASK, KUBERNETES_UPGRADE_TASK, RELEASES_TASK } from '../src/task-names';

// The tasks that look at a deployed environment (status) and move its Kubernetes version
// (kubernetes-upgrade), and the README sections that say how to use them.

const ROLE_ARN = 'arn:aws:iam::123456789012:role/team-a-github-deploy';

function synth(options: Partial<BottlerocketEksProjectOptions> = {}): Record<string, any> {
  return Testing.synth(new BottlerocketEksProject({ name: 'team-a', defaultReleaseBranch: 'main', pjPrefix: 'team-a', outdir: tempDir('operating'), ...options }));
}

/** A section of a README (`## ` or, with `level` 3, `### `), up to the next one of its level or above. */
function section(readme: string, title: string, level = 2): string {
  const start = readme.indexOf(`\n${'#'.repeat(level)} ${title}\n`);
  expect(start).toBeGreaterThan(0);
  const end = readme.slice(start + 1).search(new RegExp(`\\n#{2,${level}} `));
  return readme.slice(start + 1, end < 0 ? undefined : start + 1 + end);
}

describe('the status and kubernetes-upgrade tasks', () => {
  test('of one deployment: status synthesizes, then compares the deployed stacks with cdk.out; both pass flags through', () => {
    const tasks = synth()['.projen/tasks.json'].tasks;
    expect(tasks.status.steps).toEqual([{ spawn: 'synth' }, { exec: statusCommandLine({ assembly: 'cdk.out' }), receiveArgs: true }]);
    expect(tasks.status.steps[1].exec).toBe('bottlerocket-eks status --assembly cdk.out');
    expect(tasks[KUBERNETES_UPGRADE_TASK].steps).toEqual([{ exec: upgradeCommandLine(), receiveArgs: true }]);
    expect(tasks.status.description).toMatch(/exit 1 if so \(-- --json, -- --no-drift, -- --support-days N\)$/);
  });

  test('with environments: one of each per environment; the plain ones refuse at once, as the plain preflight does', () => {
    const tasks = synth({ environments: [{ name: 'dev' }, { name: 'prd', region: 'us-east-1' }] })['.projen/tasks.json'].tasks;
    for (const name of ['dev', 'prd']) {
      expect(tasks[`status:${name}`].steps).toEqual([
        { spawn: 'synth' },
        { exec: `bottlerocket-eks status --environment ${name} --assembly ${deploymentPaths(name).assembly}`, receiveArgs: true },
      ]);
      expect(tasks[`${KUBERNETES_UPGRADE_TASK}:${name}`].steps).toEqual([{ exec: `bottlerocket-eks upgrade --environment ${name}`, receiveArgs: true }]);
    }
    // No synth of every environment only to be told to name one: the command lists them.
    expect(tasks.status.steps).toEqual([{ exec: 'bottlerocket-eks status', receiveArgs: true }]);
    expect(tasks.preflight.steps).toEqual([{ exec: 'bottlerocket-eks preflight', receiveArgs: true }]);
    expect(tasks[KUBERNETES_UPGRADE_TASK].steps).toEqual([{ exec: 'bottlerocket-eks upgrade', receiveArgs: true }]);
  });

  test('not named upgrade: projen\'s dependency upgrade takes that name as soon as depsUpgrade is on, and both then exist', () => {
    const tasks = synth({ depsUpgrade: true })['.projen/tasks.json'].tasks;
    expect(tasks.upgrade.description).toBe('upgrade dependencies');
    expect(tasks[KUBERNETES_UPGRADE_TASK].steps[0].exec).toBe('bottlerocket-eks upgrade');
  });
});

describe('the releases task', () => {
  test('of one deployment: the release train of its node groups, no synth first, flags passed through', () => {
    const tasks = synth()['.projen/tasks.json'].tasks;
    expect(RELEASES_TASK).toBe(TEAM_TASKS.releases);
    expect(tasks[RELEASES_TASK].steps).toEqual([{ exec: releasesCommandLine(), receiveArgs: true }]);
    expect(tasks[RELEASES_TASK].steps[0].exec).toBe('bottlerocket-eks releases');
    expect(tasks[RELEASES_TASK].description).toMatch(/\(-- --json\)$/);
  });

  test('with environments: one task of the whole repository, the environments in the order listed; none per environment', () => {
    const tasks = synth({ environments: [{ name: 'prd' }, { name: 'dev' }, { name: 'stg', region: 'us-east-1' }] })['.projen/tasks.json'].tasks;
    expect(tasks[RELEASES_TASK].steps).toEqual([{ exec: releasesCommandLine({ environments: ['prd', 'dev', 'stg'] }), receiveArgs: true }]);
    expect(tasks[RELEASES_TASK].steps[0].exec).toBe('bottlerocket-eks releases --environments prd,dev,stg');
    expect(Object.keys(tasks).filter((name) => name.startsWith(`${RELEASES_TASK}:`))).toEqual([]);
    // One environment listed is a repository with environments: its settings file is the environment's.
    expect(synth({ environments: [{ name: 'dev' }] })['.projen/tasks.json'].tasks[RELEASES_TASK].steps[0].exec).toBe('bottlerocket-eks releases --environments dev');
  });
});

describe('the cost tasks', () => {
  test('of one deployment: its estimate from the settings, no synth first, flags passed through', () => {
    const tasks = synth()['.projen/tasks.json'].tasks;
    expect(COST_TASK).toBe(TEAM_TASKS.cost);
    expect(tasks[COST_TASK].steps).toEqual([{ exec: 'bottlerocket-eks cost', receiveArgs: true }]);
  });

  test('with environments: every one with their total, and one task per environment', () => {
    const tasks = synth({ environments: [{ name: 'prd' }, { name: 'dev' }] })['.projen/tasks.json'].tasks;
    expect(tasks[COST_TASK].steps).toEqual([{ exec: costCommandLine({ environments: ['prd', 'dev'] }), receiveArgs: true }]);
    expect(tasks[COST_TASK].steps[0].exec).toBe('bottlerocket-eks cost --environments prd,dev');
    expect(tasks[`${COST_TASK}:dev`].steps[0].exec).toBe('bottlerocket-eks cost --environments dev');
    expect(tasks[`${COST_TASK}:prd`].description).toMatch(/^Estimate what environment prd costs a month/);
  });
});

describe('the README\'s cost estimate', () => {
  test('each line with the shipped prices, unknown ones said, the total, the sources with their dates', () => {
    const text = section(synth({ region: 'eu-west-1', kubernetesVersion: '1.35' })['README.md'], 'What it costs');
    expect(text).toContain('| EKS control plane | 1 cluster, Kubernetes 1.35 in standard support at $0.1/hour | $73.00 | $73.00 |');
    expect(text).toContain('| Public IPv4 addresses | 1 (one per NAT gateway) at $0.005/hour | $3.65 | $3.65 |');
    expect(text).toMatch(/\| NAT gateways \| 1 gateway\(s\) \| unknown \| unknown \|/);
    expect(text).toMatch(/\| \*\*total\*\* \| \d+ line\(s\) not counted \| \*\*at least \$76\.65\*\* \| \*\*at least \$76\.65\*\* \|/);
    expect(text).toContain('`npx projen cost -- --live`');
    expect(text).toContain('https://aws.amazon.com/blogs/containers/amazon-eks-extended-support-for-kubernetes-versions-pricing/ (as of 2024-04-01)');
    expect(text).toContain('Kubernetes 1.35: standard support until 2027-03-27; from 2027-03-27 EKS upgrades the cluster itself');
  });

  test('with environments: one table each, and a settings change shows in the README', () => {
    const readme: string = synth({ environments: [{ name: 'dev' }, { name: 'prd', natGateways: 2, availabilityZones: ['ap-northeast-1a', 'ap-northeast-1c'] }] })['README.md'];
    const text = section(readme, 'What it costs');
    expect(text).toContain('### dev (team-a-dev, ap-northeast-1)');
    expect(text).toContain('### prd (team-a-prd, ap-northeast-1)');
    expect(text).toContain('| Public IPv4 addresses | 2 (one per NAT gateway) at $0.005/hour | $7.30 | $7.30 |');
    expect(text).toContain('`npx projen cost[:<environment>] -- --live`');
  });
});

describe('the README on operating and upgrading', () => {
  const plain: string = synth()['README.md'];
  const deploying: string = synth({ deployRoleArn: ROLE_ARN })['README.md'];
  const environments: string = synth({ deployRoleArn: ROLE_ARN, environments: [{ name: 'dev' }, { name: 'prd' }] })['README.md'];

  test('the commands table names status and kubernetes-upgrade; with environments the plain ones refuse', () => {
    expect(section(plain, 'Commands')).toContain('| `npx projen status` | what is deployed and whether anything needs attention');
    expect(section(plain, 'Commands')).toContain('| `npx projen kubernetes-upgrade` | plan the next Kubernetes minor version; `-- --apply` writes it');
    expect(section(environments, 'Commands')).toContain('| `npx projen status:<name>` |');
    expect(section(environments, 'Commands')).toContain('| `npx projen preflight`, `diff`, `deploy`, `destroy`, `status`, `kubernetes-upgrade` | refuse');
  });

  test('Operating the environment: what status shows, its flags and exit codes, and the scheduled workflow when CI deploys', () => {
    const operating = section(deploying, 'Operating the environment');
    for (const text of ['npx projen status -- --json', 'npx projen status -- --no-drift', '`--support-days N`', 'drift', 'upgrade insights', 'Bottlerocket release']) {
      expect(operating).toContain(text);
    }
    expect(operating).toContain('| 0 | nothing needs attention |');
    expect(operating).toContain('| 1 | something needs attention, or an AWS call failed (one line on stderr says which) |');
    expect(operating).toContain('| 2 | wrong usage |');
    expect(operating).toContain('The `status` workflow runs `npx projen status` daily at 05:17 UTC');
    expect(operating).toContain('as the status role `team-a-github-status` of the role template');
    expect(section(plain, 'Operating the environment')).toContain('Once CI deploys the stacks (`deployRoleArn`, see [CI](#ci)), the `status` workflow runs it');
    expect(section(environments, 'Operating the environment')).toContain('The `status` workflow runs `npx projen status:dev`, `npx projen status:prd` daily');
  });

  test('Upgrading Kubernetes: plan, write, review and commit (with the upgrade record), deploy in order, check; the way back', () => {
    const upgrading = section(plain, 'Upgrading Kubernetes');
    const steps = ['npx projen kubernetes-upgrade` prints', 'npx projen kubernetes-upgrade -- --apply', 'Review and commit', 'npx projen deploy`', 'npx projen status` after each deploy'];
    const at = steps.map((text) => upgrading.indexOf(text));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(upgrading).toContain('insight for that version is in ERROR, a stack is not in a stable state, or drift is found');
    expect(upgrading).toContain('shown as unknown, never as passed');
    expect(upgrading).toContain(`\`${deploymentPaths().upgradeRecord}\``);
    expect(upgrading).toContain('the cluster stack upgrades the control plane, then the cluster\'s add-ons; the nodegroup stack rolls');
    expect(upgrading).toContain(`within 7 days of an in-place upgrade; EKS sets that window\n(EKS User Guide, ["Roll back a cluster to a previous Kubernetes version"](${EKS_ROLLBACK_GUIDE}))`);
    expect(upgrading).toContain('(EKS Best Practices Guide, "Cluster Version Rollback")');
    expect(upgrading).toContain('`npx projen kubernetes-upgrade -- --rollback` plans the way back');
    // The deploy workflow is named only where CI deploys.
    expect(upgrading).not.toContain('`deploy` workflow');
    expect(section(deploying, 'Upgrading Kubernetes')).toContain('(or the `deploy` workflow, once merged to main)');
    const ofEnvironments = section(environments, 'Upgrading Kubernetes');
    expect(ofEnvironments).toContain(`\`${deploymentPaths('<name>').upgradeRecord}\``);
    expect(ofEnvironments).toContain('One environment at a time, in the order of `environments`, from the first to the last');
  });

  test('the cluster section points at the upgrade; the CI section names the status workflow and the four things a role template makes', () => {
    expect(section(plain, 'Cluster')).toContain('which `npx projen kubernetes-upgrade` plans and writes for you (see [Upgrading\nKubernetes](#upgrading-kubernetes))');
    const ci = section(deploying, 'CI', 3);
    expect(ci).toContain('A role template makes four things.');
    expect(ci).toContain('The **status role** (`team-a-github-status`) trusts only\nworkflow runs on main (its `StatusBranch` parameter)');
    expect(section(environments, 'CI', 3)).toContain('The **status role** (`<prefix>-github-status` of each)');
  });
});
