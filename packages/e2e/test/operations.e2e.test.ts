import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { COST_ACTIONS, deploymentPaths, nextKubernetesVersion, RELEASES_ACTIONS, STATUS_ACTIONS, StackKind, SUPPORTED_KUBERNETES_VERSIONS } from 'bottlerocket-eks-config';
import { FakeAws, FakeAwsOptions, ReceivedRequest } from 'bottlerocket-eks-test-support';
import { parse } from 'yaml';
import { tempDir } from './temp';
import { DeployedRepository, deployedAwsOptions, readDeployedRepository, releaseParameter } from '../src/deployed-fixture';
import { commandEnv, fakeAwsEnv, NO_AWS, runQuiet, withoutColours } from '../src/scaffold';
import { copySharedRepository, SHARED_ACCOUNT } from '../src/shared-repository';

jest.setTimeout(10 * 60 * 1000);

// Operating a deployed environment from the team's repository, as a team does: `npx projen
// status` (the synth, then `bottlerocket-eks status --assembly cdk.out`) and `npx projen
// kubernetes-upgrade`, each against a local fake AWS account holding the environment as the
// repository's committed templates and settings say it is deployed (src/deployed-fixture.ts),
// with one difference per scenario.

const ACCESS_KEY = 'AKIATEAMACCOUNT00001';
const IDENTITIES = { [ACCESS_KEY]: { account: SHARED_ACCOUNT, arn: `arn:aws:iam::${SHARED_ACCOUNT}:user/alice` } };
const DAY_MS = 24 * 60 * 60 * 1000;

/** What a command printed, stdout apart (what a script reads), and the requests the fake account received meanwhile. */
interface Run {
  readonly status: number;
  readonly stdout: string;
  /** stdout and stderr, as written, without colours. */
  readonly output: string;
  readonly requests: ReceivedRequest[];
}

/**
 * Runs `npx <args>` in `dir` with the team's credentials against a fake account holding
 * `options`, started for this command alone and stopped whatever happens.
 */
async function runAgainst(dir: string, options: FakeAwsOptions, args: string[]): Promise<Run> {
  const aws = new FakeAws(IDENTITIES, [], options);
  const endpoint = await aws.start();
  try {
    const env = commandEnv({ ...fakeAwsEnv(endpoint, dir), AWS_ACCESS_KEY_ID: ACCESS_KEY });
    const result = await new Promise<Omit<Run, 'requests'>>((resolve, reject) => {
      const child = spawn('npx', args, { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let output = '';
      child.stdout.on('data', (chunk) => { stdout += chunk; output += chunk; });
      child.stderr.on('data', (chunk) => { output += chunk; });
      child.on('error', reject);
      child.on('close', (status) => resolve({ status: status ?? 1, stdout, output: withoutColours(output) }));
    });
    return { ...result, requests: [...aws.requests] };
  } finally {
    await aws.stop();
  }
}

/** Fails with what the command printed unless it exited with `status`. */
function expectExit(run: Run, status: number): void {
  if (run.status !== status) throw new Error(`exit ${run.status}, expected ${status}; the command printed:\n${run.output}`);
}

/** The IAM actions of the requests: `<service>:<action>`, e.g. `eks:DescribeCluster`. */
function iamActions(requests: ReceivedRequest[]): Set<string> {
  return new Set(requests.map((r) => `${r.service}:${r.action}`));
}

/** The logical id of the first resource of `type` in a stack's committed template. */
function logicalIdOf(repo: DeployedRepository, kind: StackKind, type: string): string {
  const template = repo.stacks.find((s) => s.kind === kind)!.template;
  const [id] = Object.entries<{ Type: string }>(parse(template).Resources).find(([, resource]) => resource.Type === type) ?? [];
  if (!id) throw new Error(`no ${type} in the ${kind} template`);
  return id;
}

describe('npx projen status shows a deployed environment and what needs attention', () => {
  let dir = '';
  let repo: DeployedRepository;
  /** The IAM actions each scenario's status made, for the least-privilege check. */
  const actionsOf: Record<string, Set<string>> = {};

  beforeAll(() => {
    ({ dir } = copySharedRepository(path.join(tempDir('e2e-operations-status'), 'team')));
    repo = readDeployedRepository(dir);
  });

  test('an environment deployed as the repository says: exit 0, nothing needs attention', async () => {
    const run = await runAgainst(dir, deployedAwsOptions(repo), ['projen', 'status']);
    actionsOf.upToDate = iamActions(run.requests);
    expectExit(run, 0);
    const { output } = run;
    // The synth first (its lines on stderr), then the status of what it wrote against what is deployed, alone on stdout.
    expect(output).toContain('wrote templates/nodegroup.yaml\n');
    expect(run.stdout).toMatch(/^Status of /);
    expect(output).toContain(`Status of ${repo.settings.pjPrefix}: account ${SHARED_ACCOUNT}, ap-northeast-1, as ${IDENTITIES[ACCESS_KEY].arn}`);
    for (const stack of repo.stacks) {
      expect(output).toMatch(new RegExp(`^ {2}${stack.stackName} +CREATE_COMPLETE +\\S+ +up to date +in sync$`, 'm'));
    }
    expect(output).toContain(`Cluster ${repo.clusterName}\n  Kubernetes ${repo.kubernetesVersion}, platform eks.1, ACTIVE`);
    expect(output).toMatch(new RegExp(`standard support until \\d{4}-\\d\\d-\\d\\d: \\d+ day\\(s\\) left \\(from EKS DescribeClusterVersions\\); next version ${repo.nextKubernetesVersion}`));
    expect(output).toContain(`upgrade insights (to ${repo.nextKubernetesVersion}): 1 passing, 0 warning, 0 error, 0 unknown`);
    for (const addon of repo.addons) {
      expect(output).toMatch(new RegExp(`^ {2}${addon.name} +${addon.version ? `${addon.version} +${addon.version}` : '\\S+ +EKS default'} +\\S+ +ACTIVE$`, 'm'));
    }
    for (const group of repo.nodegroups) {
      expect(output).toMatch(new RegExp(`^ {2}${group.nodegroupName} +ACTIVE +${repo.kubernetesVersion} +\\S+ +current +${group.desired}/${group.min}/${group.max} \\(`, 'm'));
    }
    expect(output).toContain('\nNothing needs attention.\n');
  });

  test('-- --json: a script reads the same status, with nothing that needs attention', async () => {
    const run = await runAgainst(dir, deployedAwsOptions(repo), ['bottlerocket-eks', 'status', '--assembly', 'cdk.out', '--json']);
    expectExit(run, 0);
    const status = JSON.parse(run.stdout);
    expect(status).toMatchObject({
      attention: [],
      notes: [],
      cluster: { name: repo.clusterName, exists: true, version: repo.kubernetesVersion, settingsVersion: repo.kubernetesVersion },
    });
    expect(status.stacks.map((s: any) => [s.stackName, s.exists, s.drift.status, s.pending]))
      .toEqual(repo.stacks.map((s) => [s.stackName, true, 'IN_SYNC', { create: 0, update: 0, replace: 0, delete: 0, refused: 0 }]));
  });

  test('npx projen status --json: the task\'s stdout is the JSON alone, for a script to parse', async () => {
    const run = await runAgainst(dir, deployedAwsOptions(repo), ['projen', 'status', '--json']);
    expectExit(run, 0);
    // The synth the task runs first must not write to stdout ahead of the JSON.
    expect(run.stdout.trimStart().slice(0, 1)).toBe('{');
    expect(JSON.parse(run.stdout)).toMatchObject({ attention: [] });
  });

  test('flags given as the README gives them, after `--` (`npx projen status -- --no-drift`), reach the command', async () => {
    const run = await runAgainst(dir, deployedAwsOptions(repo), ['projen', 'status', '--', '--no-drift']);
    expect(run.output).not.toContain('Unexpected argument');
    expectExit(run, 0);
    for (const stack of repo.stacks) expect(run.output).toMatch(new RegExp(`^ {2}${stack.stackName} +CREATE_COMPLETE +\\S+ +up to date +not checked$`, 'm'));
  });

  test('a property of the cluster changed outside CloudFormation: exit 1, the drifted resource with expected and actual', async () => {
    const cluster = repo.stacks.find((s) => s.kind === StackKind.CLUSTER)!;
    const logicalId = logicalIdOf(repo, StackKind.CLUSTER, 'AWS::EKS::Cluster');
    const run = await runAgainst(dir, deployedAwsOptions(repo, {
      drift: {
        [StackKind.CLUSTER]: [{
          logicalId,
          type: 'AWS::EKS::Cluster',
          status: 'MODIFIED',
          differences: [{ path: '/ResourcesVpcConfig/EndpointPublicAccess', expected: 'true', actual: 'false' }],
        }],
      },
    }), ['projen', 'status']);
    actionsOf.drifted = iamActions(run.requests);
    expectExit(run, 1);
    expect(run.output).toMatch(new RegExp(`^ {2}${cluster.stackName} +CREATE_COMPLETE +\\S+ +up to date +DRIFTED \\(1\\)$`, 'm'));
    expect(run.output).toContain(`  ${cluster.stackName}: ${logicalId} (AWS::EKS::Cluster) MODIFIED\n`
      + '      /ResourcesVpcConfig/EndpointPublicAccess: expected true, actual false\n');
    expect(run.output).toContain('Needs attention (1):\n');
    expect(run.output).toContain(`  - stacks: ${cluster.stackName}: drifted: ${logicalId} modified. Fix: set the drifted properties back to the template's values`);
    // The other stacks were checked and are in sync.
    for (const stack of repo.stacks.filter((s) => s !== cluster)) expect(run.output).toMatch(new RegExp(`^ {2}${stack.stackName} .* in sync$`, 'm'));
  });

  test('days before the end of standard support, with an upgrade insight in ERROR: exit 1, both named with what to do', async () => {
    const next = repo.nextKubernetesVersion!;
    const end = new Date(Date.now() + 7 * DAY_MS);
    const endDay = end.toISOString().slice(0, 10);
    const insight = {
      id: '7c5f8a40-0000-4000-8000-0000000000e1',
      name: `Deprecated APIs removed in Kubernetes v${next}`,
      kubernetesVersion: next,
      status: 'ERROR' as const,
      reason: 'Deprecated API usage detected within last 30 days.',
      recommendation: `Update manifests and API clients to use newer Kubernetes APIs before upgrading to ${next}.`,
    };
    const run = await runAgainst(dir, deployedAwsOptions(repo, { endOfStandardSupport: end, insights: [insight] }), ['projen', 'status']);
    actionsOf.endOfSupport = iamActions(run.requests);
    expectExit(run, 1);
    const { output } = run;
    expect(output).toMatch(new RegExp(`standard support until ${endDay}: [67] day\\(s\\) left \\(from EKS DescribeClusterVersions\\)`));
    expect(output).toContain(`upgrade insights (to ${next}): 0 passing, 0 warning, 1 error, 0 unknown\n    ERROR ${insight.name}: ${insight.reason}\n`
      + `      recommendation: ${insight.recommendation}\n`);
    expect(output).toContain('Needs attention (2):\n');
    expect(output).toMatch(new RegExp(`^ {2}- cluster: Kubernetes ${repo.kubernetesVersion.replace('.', '\\.')}: leaves standard support on ${endDay}, in [67] day\\(s\\)\\. Fix: .*upgrade`, 'm'));
    expect(output).toContain(`  - cluster: insight "${insight.name}" (${next}): ERROR: ${insight.reason}. Fix: ${insight.recommendation}\n`);
    // Only those: the stacks, add-ons and node groups are as deployed.
    expect(output).not.toMatch(/^ {2}- (stacks|addons|nodegroups):/m);
  });

  test('an account the environment was never deployed to: exit 1, every stack not deployed', async () => {
    const run = await runAgainst(dir, {}, ['projen', 'status']);
    expectExit(run, 1);
    const { output } = run;
    for (const stack of repo.stacks) {
      // Not deployed, and what a deploy would do: create every resource of the template.
      expect(output).toMatch(new RegExp(`^ {2}${stack.stackName} +not deployed +- +\\d+ to create +-$`, 'm'));
      expect(output).toContain(`  - stacks: ${stack.stackName}: not deployed. Fix: \`npx projen deploy\`\n`);
    }
    expect(output).toContain(`Cluster ${repo.clusterName}\n  not deployed (the settings ask for Kubernetes ${repo.kubernetesVersion})`);
    expect(output).toContain(`Needs attention (${repo.stacks.length}):\n`);
  });

  test('least privilege: the status calls only what the status role allows, and needs all of it', () => {
    const allowed = new Set(STATUS_ACTIONS);
    // IAM authorizes DetectStackDrift's per-resource checks with DetectStackResourceDrift: no call of its own.
    const called = new Set(STATUS_ACTIONS.filter((a) => a !== 'cloudformation:DetectStackResourceDrift'));
    expect(Object.keys(actionsOf).sort()).toEqual(['drifted', 'endOfSupport', 'upToDate']);
    for (const actions of Object.values(actionsOf)) expect([...actions].filter((a) => !allowed.has(a))).toEqual([]);
    // Of an environment in order, all but what only a finding asks for: the drifted resources
    // (DescribeStackResourceDrifts, once a stack drifted) and an insight's recommendation
    // (DescribeInsight, for an insight that does not pass).
    expect([...called].filter((a) => !actionsOf.upToDate.has(a)).sort()).toEqual(['cloudformation:DescribeStackResourceDrifts', 'eks:DescribeInsight']);
    // With the findings too: every action of the list.
    const all = new Set(Object.values(actionsOf).flatMap((actions) => [...actions]));
    expect([...all].sort()).toEqual([...called].sort());
  });
});

describe('npx projen kubernetes-upgrade plans the next Kubernetes minor and writes it', () => {
  let dir = '';
  let repo: DeployedRepository;
  let from = '';
  let to = '';

  beforeAll(() => {
    ({ dir } = copySharedRepository(path.join(tempDir('e2e-operations-upgrade'), 'team')));
    repo = readDeployedRepository(dir);
    from = repo.kubernetesVersion;
    to = nextKubernetesVersion(from) ?? '';
  });

  test('the settings\' version has a next one to upgrade to', () => {
    expect(to).not.toBe('');
  });

  test('a plan of the environment in order: exit 0, the step from the deployed version to the next, and how to take it', async () => {
    const run = await runAgainst(dir, deployedAwsOptions(repo), ['projen', 'kubernetes-upgrade']);
    expectExit(run, 0);
    expect(run.output).toContain(`Upgrade from Kubernetes ${from} to ${to}: kubernetesVersion '${to}'\n`);
    expect(run.output).toContain(`  1. control plane ${from} -> ${to} (cluster stack).`);
    expect(run.output).toContain(`Upgrade insights for ${to}: Deprecated APIs removed in Kubernetes v${to}: PASSING\n`);
    expect(run.output).toMatch(/To take it: `npx .*--apply`/);
    expect(run.output).not.toContain('Refused');
    // A plan changes nothing.
    expect(fs.readFileSync(path.join(dir, '.projenrc.ts'), 'utf-8')).toContain(`kubernetesVersion: "${from}"`);
    expect(fs.existsSync(path.join(dir, deploymentPaths().upgradeRecord))).toBe(false);
  });

  test('an upgrade insight for the next version in ERROR refuses the step, naming the insight and its recommendation', async () => {
    const insight = {
      id: '7c5f8a40-0000-4000-8000-0000000000e2',
      name: `Kubelet version skew for Kubernetes v${to}`,
      kubernetesVersion: to,
      status: 'ERROR' as const,
      reason: 'Nodes run a kubelet older than the control plane allows after the upgrade.',
      recommendation: 'Upgrade the nodes to the control plane\'s version first.',
    };
    const run = await runAgainst(dir, deployedAwsOptions(repo, { insights: [insight] }), ['projen', 'kubernetes-upgrade']);
    expectExit(run, 1);
    expect(run.output).toContain(`Refused: the step to ${to} must not be taken now:\n`);
    expect(run.output).toContain(`  - the EKS upgrade insight "${insight.name}" for ${to} is in ERROR: ${insight.reason}. Fix: ${insight.recommendation}\n`);
    expect(run.output).not.toContain('To take it');
  });

  test('the README\'s `npx projen kubernetes-upgrade -- --rollback` reaches the command: with no step recorded, it is refused', async () => {
    const run = await runAgainst(dir, deployedAwsOptions(repo), ['projen', 'kubernetes-upgrade', '--', '--rollback']);
    expect(run.output).not.toContain('Unexpected argument');
    expectExit(run, 1);
    expect(run.output).toContain(`Rollback refused: no upgrade step is recorded (${deploymentPaths().upgradeRecord})`);
  });

  test('--apply writes the step into .projenrc.ts, regenerates the settings and records the step', async () => {
    const run = await runAgainst(dir, deployedAwsOptions(repo), ['projen', 'kubernetes-upgrade', '--apply']);
    expectExit(run, 0);
    expect(run.output).toContain(`Applied: kubernetesVersion '${to}' is in .projenrc.ts, and the settings and templates are regenerated`);
    // .projenrc.ts: the one value changed, in the file's own quotes.
    const rc = fs.readFileSync(path.join(dir, '.projenrc.ts'), 'utf-8');
    expect(rc).toContain(`\n  kubernetesVersion: "${to}",\n`);
    expect(rc).not.toContain(`"${from}"`);
    expect(JSON.parse(fs.readFileSync(path.join(dir, deploymentPaths().settingsFile), 'utf-8')).kubernetesVersion).toBe(to);
    // The record of the step: from and to, and where the node groups were.
    const record = JSON.parse(fs.readFileSync(path.join(dir, deploymentPaths().upgradeRecord), 'utf-8'));
    expect(record).toMatchObject({ format: 1, from, to });
    expect(record.nodegroups.map((g: any) => [g.nodegroupName, g.version])).toEqual(repo.nodegroups.map((g) => [g.nodegroupName, from]));
  });

  test('after --apply, the committed templates carry the new version (what the team reviews and commits)', () => {
    for (const [kind, type] of [[StackKind.CLUSTER, 'AWS::EKS::Cluster'], [StackKind.NODEGROUP, 'AWS::EKS::Nodegroup']] as const) {
      const template = parse(fs.readFileSync(path.join(dir, deploymentPaths().templates, `${kind}.yaml`), 'utf-8'));
      expect({ kind, version: template.Resources[logicalIdOf(repo, kind, type)].Properties.Version }).toEqual({ kind, version: to });
    }
  });

  test('planned again before the deploy (the cluster still runs the old version): the step is written but not deployed', async () => {
    const run = await runAgainst(dir, deployedAwsOptions(repo, { clusterVersion: from }), ['projen', 'kubernetes-upgrade']);
    expectExit(run, 1);
    expect(run.output).toContain(`Upgrade refused: the step to ${to} is written in the settings but not deployed (the cluster runs ${from}). `
      + 'Fix: `npx projen deploy` carries it out');
  });
});

describe('from each supported Kubernetes version to the next: refused while an insight is in ERROR, then applied', () => {
  const versions = SUPPORTED_KUBERNETES_VERSIONS;
  let dir = '';

  beforeAll(() => {
    // The repository on the oldest version the product supports, regenerated and synthesized.
    ({ dir } = copySharedRepository(path.join(tempDir('e2e-operations-train'), 'team')));
    const projenrc = path.join(dir, '.projenrc.ts');
    fs.writeFileSync(projenrc, fs.readFileSync(projenrc, 'utf-8').replace(/kubernetesVersion: "[\d.]+"/, `kubernetesVersion: "${versions[0]}"`));
    runQuiet(dir, 'npx', ['projen'], NO_AWS);
    runQuiet(dir, 'npx', ['projen', 'synth'], NO_AWS);
  });

  test.each(versions.slice(0, -1).map((from) => [from, nextKubernetesVersion(from)!]))('%s -> %s', async (from, to) => {
    // Deployed as the repository says: on `from`, the step before this one carried out.
    const repo = readDeployedRepository(dir);
    expect(repo.kubernetesVersion).toBe(from);
    const blocked = await runAgainst(dir, deployedAwsOptions(repo, {
      insights: [{ id: 'e1', name: `Deprecated APIs removed in Kubernetes v${to}`, kubernetesVersion: to, status: 'ERROR', recommendation: 'Move to the new APIs' }],
    }), ['projen', 'kubernetes-upgrade', '--', '--apply']);
    expectExit(blocked, 1);
    expect(blocked.output).toContain(`  - the EKS upgrade insight "Deprecated APIs removed in Kubernetes v${to}" for ${to} is in ERROR. Fix: Move to the new APIs\n`);
    expect(fs.readFileSync(path.join(dir, '.projenrc.ts'), 'utf-8')).toContain(`kubernetesVersion: "${from}"`);

    const applied = await runAgainst(dir, deployedAwsOptions(repo), ['projen', 'kubernetes-upgrade', '--', '--apply']);
    expectExit(applied, 0);
    expect(applied.output).toContain(`Upgrade from Kubernetes ${from} to ${to}: kubernetesVersion '${to}'`);
    expect(fs.readFileSync(path.join(dir, '.projenrc.ts'), 'utf-8')).toContain(`kubernetesVersion: "${to}"`);
    const cluster = parse(fs.readFileSync(path.join(dir, deploymentPaths().templates, 'cluster.yaml'), 'utf-8'));
    expect(Object.values<any>(cluster.Resources).find((r) => r.Type === 'AWS::EKS::Cluster').Properties.Version).toBe(to);
    expect(JSON.parse(fs.readFileSync(path.join(dir, deploymentPaths().upgradeRecord), 'utf-8'))).toMatchObject({ from, to });
  });

  test('at the newest supported version there is no next step', async () => {
    const newest = versions[versions.length - 1];
    const run = await runAgainst(dir, deployedAwsOptions(readDeployedRepository(dir)), ['projen', 'kubernetes-upgrade']);
    expectExit(run, 1);
    expect(run.output).toContain(`Upgrade refused: Kubernetes ${newest} is the newest version this bottlerocket-eks supports.`);
  });
});

describe('npx projen releases: the Bottlerocket release train of a repository with two environments', () => {
  const OLD = '1.54.0-1a2b3c4d';
  const NEW = '1.55.0-2b3c4d5e';
  let dir = '';
  let dev: DeployedRepository;
  let prod: DeployedRepository;
  const projenrc = () => fs.readFileSync(path.join(dir, '.projenrc.ts'), 'utf-8');

  beforeAll(() => {
    // The shared repository made into dev then prod (same account and region: one fake account
    // holds both), prod soaking a release three days; regenerated and synthesized.
    ({ dir } = copySharedRepository(path.join(tempDir('e2e-operations-releases'), 'team')));
    const file = path.join(dir, '.projenrc.ts');
    const rc = fs.readFileSync(file, 'utf-8');
    const prefixLine = /^ {2}pjPrefix: "[^"]+",\n/m.exec(rc)![0];
    fs.writeFileSync(file, rc.replace(prefixLine, `${prefixLine}  environments: [\n    { name: "dev" },\n    { name: "prod", releaseSoakDays: 3 },\n  ],\n`));
    // Only package.json's scripts change (the environments' tasks): nothing to install, so no
    // `npm install` in the linked copy of the shared repository (--no-post skips projen's).
    runQuiet(dir, 'npx', ['projen', '--no-post'], NO_AWS);
    runQuiet(dir, 'npx', ['projen', 'synth'], NO_AWS);
    dev = readDeployedRepository(dir, 'dev');
    prod = readDeployedRepository(dir, 'prod');
  });

  /** Both environments deployed; dev's groups moved to NEW `devDaysAgo`, prod's run OLD. NEW and OLD are published for their variant. */
  function bothDeployed(devDaysAgo: number): FakeAwsOptions {
    const now = Date.now();
    const moved = (options: FakeAwsOptions, release: string, daysAgo: number): FakeAwsOptions => ({
      ...options,
      eksClusters: Object.fromEntries(Object.entries(options.eksClusters!).map(([name, cluster]) => [name, {
        ...cluster,
        nodegroups: Object.fromEntries(Object.entries(cluster.nodegroups ?? {}).map(([ng, group]) => [ng, {
          ...group,
          releaseVersion: release,
          updates: [{ id: `${ng}-release`, createdAt: new Date(now - daysAgo * DAY_MS), params: [{ type: 'ReleaseVersion', value: release }] }],
        }])),
      }])),
    });
    const [a, b] = [moved(deployedAwsOptions(dev), NEW, devDaysAgo), moved(deployedAwsOptions(prod), OLD, 40)];
    const variants = new Set([...dev.nodegroups, ...prod.nodegroups].map((g) => releaseParameter(dev.kubernetesVersion, g.amiType).replace(/\/latest\/image_version$/, '')));
    const published = Object.fromEntries([...variants].flatMap((variant) => [[OLD, 45], [NEW, devDaysAgo + 1]].map(([release, days]) => [
      `${variant}/${release}/image_version`, { value: String(release), lastModified: new Date(now - Number(days) * DAY_MS) },
    ])));
    return {
      ...a,
      stacks: { ...a.stacks, ...b.stacks },
      eksClusters: { ...a.eksClusters, ...b.eksClusters },
      installedAddons: { ...a.installedAddons, ...b.installedAddons },
      ssmParameters: { ...a.ssmParameters, ...b.ssmParameters, ...published },
    };
  }

  test('dev on the newest release, prod soaking: what runs where and when prod gets it, as a user sees it', async () => {
    const run = await runAgainst(dir, bothDeployed(1), ['projen', 'releases']);
    expectExit(run, 0);
    expect(run.output).toMatch(new RegExp(`^ {2}dev +follow +- +${NEW} `, 'm'));
    expect(run.output).toMatch(new RegExp(`^ {2}prod +follow +3d +${OLD} .* ${NEW} from \\d{4}-\\d\\d-\\d\\d \\(in 2 days\\)$`, 'm'));
    expect(run.output).toContain('Nothing is due.');
    // Read-only, within what the scheduled workflow's role allows.
    expect([...iamActions(run.requests)].filter((a) => !RELEASES_ACTIONS.includes(a))).toEqual([]);
    // As a user sees it, for the record.
    const reports = path.join(__dirname, '..', 'test-reports');
    fs.mkdirSync(reports, { recursive: true });
    fs.writeFileSync(path.join(reports, 'releases-transcript.txt'), `$ npx projen releases\n${run.output}`);
  });

  test('soaked: due for prod; --apply writes it into prod\'s entry, regenerates its settings and templates, and leaves dev alone', async () => {
    const due = await runAgainst(dir, bothDeployed(4), ['projen', 'releases']);
    expectExit(due, 0);
    expect(due.output).toContain(`prod: ${NEW} is due now: it has run in dev since `);
    expect(due.output).toMatch(/npx projen releases -- --apply --environment prod\n/);

    const applied = await runAgainst(dir, bothDeployed(4), ['projen', 'releases', '--', '--apply', '--environment', 'prod', '--pull-request', 'pr.md']);
    expectExit(applied, 0);
    expect(applied.output).toContain(`Applied: bottlerocketRelease '${NEW}' for prod is in .projenrc.ts`);
    expect(projenrc()).toContain(`{ name: "prod", bottlerocketRelease: "${NEW}", releaseSoakDays: 3 }`);
    const nodegroupOf = (environment: string) => parse(fs.readFileSync(path.join(dir, deploymentPaths(environment).templates, 'nodegroup.yaml'), 'utf-8'));
    const releasesOf = (environment: string) => Object.values<any>(nodegroupOf(environment).Resources)
      .filter((r) => r.Type === 'AWS::EKS::Nodegroup').map((r) => r.Properties.ReleaseVersion);
    expect(new Set(releasesOf('prod'))).toEqual(new Set([NEW]));
    expect(new Set(releasesOf('dev'))).toEqual(new Set([undefined]));
    expect(fs.readFileSync(path.join(dir, 'pr.md'), 'utf-8').split('\n')[0]).toBe(`Bottlerocket ${NEW} for prod`);

    // Until prod is deployed, the train says so and proposes nothing more.
    const after = await runAgainst(dir, bothDeployed(4), ['projen', 'releases']);
    expect(after.output).toContain(`note: set to ${NEW}, but its nodes run ${OLD}: deploy it`);
    expect(after.output).toContain('Nothing is due.');
  });

  test('npx projen cost: each environment line by line and the repository\'s total, offline; cost:prod -- --live with AWS\'s prices', async () => {
    const offline = await runAgainst(dir, {}, ['projen', 'cost']);
    expectExit(offline, 0);
    expect(offline.requests).toEqual([]);
    for (const environment of ['dev', 'prod']) expect(offline.output).toMatch(new RegExp(`\\n${environment} \\(e2e-${environment}, [a-z0-9-]+\\)\\n`));
    expect(offline.output).toMatch(/^ {2}EKS control plane +1 cluster, Kubernetes [\d.]+ in standard support at \$0\.1\/hour +\$73\.00 +\$73\.00$/m);
    expect(offline.output).toMatch(/\nAll environments: at least \$[\d.-]+ a month \(at least \$[\d.-]+ at max size\), \d+ line\(s\) not counted\.\n/);
    const region = prod.settings.region;
    const types = prod.settings.nodegroups[0].instanceTypes;
    const live = await runAgainst(dir, {
      priceListProducts: [
        { serviceCode: 'AmazonEC2', productFamily: 'NAT Gateway', usd: '0.0620000000', unit: 'Hrs', attributes: { regionCode: region, usagetype: 'APN1-NatGateway-Hours' } },
        { serviceCode: 'AmazonEC2', productFamily: 'Storage', usd: '0.0960000000', unit: 'GB-Mo', attributes: { regionCode: region, volumeApiName: 'gp3' } },
      ],
      spotPrices: types.flatMap((instanceType, i) => prod.settings.availabilityZones.map((zone, z) => ({
        instanceType, availabilityZone: zone, spotPrice: (0.08 + i * 0.001 + z * 0.005).toFixed(6), timestamp: new Date(Date.now() - 600_000),
      }))),
    }, ['projen', 'cost:prod', '--', '--live']);
    expectExit(live, 0);
    expect(live.output).toMatch(/^ {2}NAT gateways +1 gateway\(s\) at \$0\.062\/hour +\$45\.26 +\$45\.26$/m);
    expect(live.output).toMatch(/^ {2}Nodes e2e-prod-bottlerocket-spot +.*, Spot at \$0\.08-[\d.]+\/hour each +\$[\d.]+-[\d.]+ +\$[\d.]+-[\d.]+$/m);
    expect([...iamActions(live.requests)].sort()).toEqual([...COST_ACTIONS].sort());
    const reports = path.join(__dirname, '..', 'test-reports');
    fs.mkdirSync(reports, { recursive: true });
    fs.writeFileSync(path.join(reports, 'cost-transcript.txt'), `$ npx projen cost\n${offline.output}\n$ npx projen cost:prod -- --live\n${live.output}`);
  });
});
