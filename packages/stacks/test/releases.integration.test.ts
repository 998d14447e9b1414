import * as fs from 'fs';
import * as path from 'path';
import { BottlerocketEksSettings, environmentSettingsFileName, RELEASES_ACTIONS } from 'bottlerocket-eks-config';
import { FakeAwsOptions, FakeNodegroup, FakeSsmParameter } from 'bottlerocket-eks-test-support';
import { ACCOUNT, localAwsForEachTest, runAgainst, runInProcess } from './support/deployed-environment';
import { tempDir } from './temp';
import { releasesCommand } from '../src/commands/releases';

// `bottlerocket-eks releases` against a local AWS holding two environments of one repository,
// dev then prod, as a user runs it (from source): the train, --json, --due, --observe and
// --observations (the scheduled workflow's two halves), --apply, and the least privilege.
const TRANSCRIPTS = path.join(__dirname, '..', 'test-reports', 'releases-transcripts.txt');
const transcripts: string[] = [];
jest.setTimeout(90_000);

afterAll(() => {
  fs.mkdirSync(path.dirname(TRANSCRIPTS), { recursive: true });
  fs.writeFileSync(TRANSCRIPTS, transcripts.join('\n'));
});

const R54 = '1.54.0-1a2b3c4d';
const R55 = '1.55.0-2b3c4d5e';
const R53 = '1.53.0-55d04a85';
const TOP: BottlerocketEksSettings = { pjPrefix: 'team-a', region: 'eu-west-1', accountId: ACCOUNT, kubernetesVersion: '1.35' };
const ENVIRONMENTS: Record<string, BottlerocketEksSettings> = {
  dev: { ...TOP, pjPrefix: 'team-a-dev', bottlerocketRelease: R55 },
  prod: { ...TOP, pjPrefix: 'team-a-prod', bottlerocketRelease: R54 },
};
const PARAMETERS = '/aws/service/bottlerocket/aws-k8s-1.35/x86_64';
const DAY = 24 * 60 * 60 * 1000;
const now = Date.now();
const ago = (days: number) => new Date(now - days * DAY);

function published(release: string, daysAgo: number): Record<string, FakeSsmParameter> {
  const at = ago(daysAgo);
  return {
    [`${PARAMETERS}/${release}/image_id`]: { value: 'ami-0123456789abcdef0', lastModified: at },
    [`${PARAMETERS}/${release}/image_version`]: { value: release, lastModified: at },
  };
}

/** A group that moved to `release` `daysAgo` (a successful version update of EKS), created long before. */
function nodegroup(release: string, daysAgo: number): FakeNodegroup {
  return {
    version: '1.35',
    releaseVersion: release,
    createdAt: ago(300),
    updates: [
      { id: 'u-old', createdAt: ago(200), params: [{ type: 'ReleaseVersion', value: '1.50.0-aaaaaaaa' }] },
      { id: 'u-release', createdAt: ago(daysAgo), params: [{ type: 'ReleaseVersion', value: release }] },
      { id: 'u-failed', status: 'Failed', createdAt: ago(1), params: [{ type: 'ReleaseVersion', value: '1.56.0-deadbeef' }] },
    ],
  };
}

/** dev moved to 1.55 three days ago; prod has run 1.54 for weeks; 1.53 (blocked by the product) and 1.54, 1.55 are published. */
function twoEnvironments(devDaysAgo = 3): FakeAwsOptions {
  return {
    eksClusters: {
      'team-a-dev-cluster': { version: '1.35', nodegroups: { 'team-a-dev-bottlerocket-spot-0a1b2c3d': nodegroup(R55, devDaysAgo) } },
      'team-a-prod-cluster': { version: '1.35', nodegroups: { 'team-a-prod-bottlerocket-spot-4e5f6a7b': nodegroup(R54, 30) } },
    },
    ssmParameters: {
      ...published(R53, 300),
      ...published(R54, 40),
      ...published(R55, 5),
      [`${PARAMETERS}/latest/image_id`]: 'ami-0123456789abcdef0',
      [`${PARAMETERS}/latest/image_version`]: R55,
    },
  };
}

/** A team repository of two environments: their settings files and `.projenrc.ts`. */
function repository(name: string): string {
  const dir = tempDir(name);
  for (const [environment, settings] of Object.entries(ENVIRONMENTS)) {
    fs.writeFileSync(path.join(dir, environmentSettingsFileName(environment)), JSON.stringify(settings));
  }
  fs.writeFileSync(path.join(dir, '.projenrc.ts'), PROJENRC);
  return dir;
}

const PROJENRC = `import { BottlerocketEksProject } from 'projen-bottlerocket-eks';

const project = new BottlerocketEksProject({
  pjPrefix: 'team-a',
  accountId: '${ACCOUNT}',
  environments: [
    { name: 'dev', bottlerocketRelease: '${R55}' },
    { name: 'prod', bottlerocketRelease: '${R54}' },
  ],
});
project.synth();
`;

async function releases(name: string, dir: string, options: FakeAwsOptions, args: string[], unreachable = false) {
  const run = await runAgainst(dir, options, ['releases', ...args], unreachable);
  transcripts.push(`# ${name}\n${run.transcript}`);
  return run;
}

test('the train: dev is on the newest; prod gets it once it has run in dev for 7 days; the blocked release said with why', async () => {
  const { status, stdout, stderr, requests } = await releases('two environments', repository('releases-train'), twoEnvironments(), ['--environments', 'dev,prod']);
  expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
  const eligible = new Date(now - 3 * DAY + 7 * DAY).toISOString().slice(0, 10);
  expect(stdout).toMatch(new RegExp(`^ {2}dev +follow +- +${R55} +\\S+ +${R55} +${R55} +-$`, 'm'));
  expect(stdout).toMatch(new RegExp(`^ {2}prod +follow +7d +${R54} +\\S+ +${R54} +${R55} +${R55} from ${eligible} \\(in 4 days\\)$`, 'm'));
  expect(stdout).toContain('dev: on the newest release published for aws-k8s-1.35/x86_64.');
  expect(stdout).toMatch(new RegExp(`prod: ${R55} may go from ${eligible} \\d\\d:\\d\\d UTC: it has run in dev since \\S+; the soak here is 7 day\\(s\\)\\.`));
  expect(stdout).toMatch(/Nothing is due\.\n$/);
  // Read-only, and no more than the status role allows for it.
  const made = new Set(requests.map((r) => `${r.service}:${r.action}`));
  expect([...made].every((a) => RELEASES_ACTIONS.includes(a))).toBe(true);
  expect(made).toEqual(new Set(RELEASES_ACTIONS));
});

test('soak passed: the promotion to prod is due; --due and --due --json say so for the workflow', async () => {
  const dir = repository('releases-due');
  const text = await releases('due', dir, twoEnvironments(8), ['--environments', 'dev,prod']);
  expect(text.stdout).toContain(`Due now: ${R55} to prod. The scheduled releases workflow opens a pull request for each; by hand:\n`
    + '  npx projen releases -- --apply --environment prod\n');
  const due = await releases('due, for a script', dir, twoEnvironments(8), ['--environments', 'dev,prod', '--due']);
  expect(due.stdout).toBe(`prod ${R55}\n`);
  const matrix = await releases('due, as the workflow matrix', dir, twoEnvironments(8), ['--environments', 'dev,prod', '--due', '--json']);
  expect(JSON.parse(matrix.stdout)).toEqual([{ environment: 'prod', release: R55, branch: 'bottlerocket-eks/release-prod', applyArgs: '--apply --environment prod' }]);
});

test('--json: the whole train for scripts', async () => {
  const { status, stdout } = await releases('json', repository('releases-json'), twoEnvironments(), ['--environments', 'dev,prod', '--json']);
  expect(status).toBe(0);
  const plan = JSON.parse(stdout);
  expect(plan.environments.map((e: any) => [e.environment, e.runs, e.promotion?.release, e.promotion?.due])).toEqual([
    ['dev', R55, undefined, undefined], ['prod', R54, R55, false],
  ]);
  expect(plan.environments[1].blocked).toEqual([]);
  expect(plan.environments[1].groups[0]).toMatchObject({ name: 'team-a-prod-bottlerocket-spot', exists: true, release: R54 });
});

test('--observe per environment, then --observations: the same train without AWS (the workflow\'s two halves)', async () => {
  const dir = repository('releases-observe');
  for (const environment of ['dev', 'prod']) {
    const run = await releases(`observe ${environment}`, dir, twoEnvironments(8),
      ['--environments', 'dev,prod', '--environment', environment, '--observe', `observations/${environment}.json`]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(`Observed ${environment}: 1 node group(s), 0 note(s); wrote observations/${environment}.json.\n`);
  }
  // AWS is not there at all: the files are all it reads.
  const offline = await releases('from the observations', dir, {}, ['--environments', 'dev,prod', '--observations', 'observations', '--due'], true);
  expect({ status: offline.status, stdout: offline.stdout }).toEqual({ status: 0, stdout: `prod ${R55}\n` });
});

test('an environment that cannot be read: the train says why and waits behind it; exit 1', async () => {
  const dir = repository('releases-missing');
  fs.mkdirSync(path.join(dir, 'observations'));
  fs.writeFileSync(path.join(dir, 'observations', 'prod.json'), '{}');
  const run = await releases('observation missing', dir, {}, ['--environments', 'dev,prod', '--observations', 'observations'], true);
  expect(run.status).toBe(1);
  expect(run.stdout).toContain('dev: could not be read: no observation observations/dev.json (its observe job failed or was skipped).');
  expect(run.stdout).toContain('prod: could not be read: observations/prod.json is not an observation of team-a-prod in format 1.');
});

test('AWS not there: each environment in one line with its fix; exit 1, no stack trace', async () => {
  const run = await releases('unreachable', repository('releases-unreachable'), twoEnvironments(), ['--environments', 'dev,prod'], true);
  expect(run.status).toBe(1);
  expect(run.stdout).toMatch(/^dev: could not be read: STS_UNREACHABLE: Could not reach STS at http:\/\/127\.0\.0\.1:\d+.* Fix: .+$/m);
  expect(run.stdout).toMatch(/^prod: could not be read: STS_UNREACHABLE: /m);
  expect(`${run.stdout}${run.stderr}`).not.toMatch(/^ {4}at /m);
});

test('the credentials may not list the published releases: a note, nothing proposed, the rest shown', async () => {
  const run = await releases('ssm denied', repository('releases-denied'), { ...twoEnvironments(8), deniedSsmOperations: ['GetParametersByPath'] }, ['--environments', 'dev,prod']);
  expect(run.status).toBe(0);
  expect(run.stdout).toMatch(/ {2}note: could not read the Bottlerocket releases published under \/aws\/service\/bottlerocket\/aws-k8s-1\.35\/x86_64: .*ssm:GetParametersByPath/);
  expect(run.stdout).toContain('prod: the published releases of aws-k8s-1.35/x86_64 could not be read.');
});

test('wrong usage: one line, exit 2', async () => {
  const dir = repository('releases-usage');
  const observe = await releases('observe without an environment', dir, {}, ['--environments', 'dev,prod', '--observe', 'x.json'], true);
  expect({ status: observe.status, line: observe.stderr.split('\n')[0] })
    .toEqual({ status: 2, line: 'releases: --observe reads one environment: name it with --environment.' });
  const bad = await releases('a bad environment name', dir, {}, ['--environments', 'dev,Prod'], true);
  expect(bad.stderr.split('\n')[0]).toBe('releases: --environments dev,Prod: "Prod" is not an environment name (lowercase letters, digits and hyphens).');
});

describe('--apply', () => {
  localAwsForEachTest(() => twoEnvironments(8));

  /** Runs the command in this process, in `dir`, with `projen` standing in for `npx projen`. */
  const run = (dir: string, args: string[], projen: (root: string) => { ok: boolean; output: string }) =>
    runInProcess(dir, (io) => releasesCommand(args, io, projen));

  test('writes the due release into the environment\'s entry of .projenrc.ts, regenerates, and writes the pull request', async () => {
    const dir = repository('releases-apply');
    const regenerated: string[] = [];
    const { code, err } = await run(dir, ['--environments', 'dev,prod', '--apply', '--environment', 'prod', '--pull-request', 'pr.md'], (root) => {
      regenerated.push(fs.readFileSync(path.join(root, '.projenrc.ts'), 'utf-8'));
      return { ok: true, output: '' };
    });
    expect(code).toBe(0);
    expect(err).toBe(`Applied: bottlerocketRelease '${R55}' for prod is in .projenrc.ts, and the settings and templates are regenerated. `
      + 'Review and commit the changes, then `npx projen deploy:prod`.\n');
    expect(fs.readFileSync(path.join(dir, '.projenrc.ts'), 'utf-8')).toBe(PROJENRC.replace(`{ name: 'prod', bottlerocketRelease: '${R54}' }`, `{ name: 'prod', bottlerocketRelease: '${R55}' }`));
    expect(regenerated).toHaveLength(1);
    const [title, ...body] = fs.readFileSync(path.join(dir, 'pr.md'), 'utf-8').split('\n');
    expect(title).toBe(`Bottlerocket ${R55} for prod`);
    expect(body.join('\n')).toContain(`Moves **prod** to Bottlerocket **${R55}** from ${R54}`);
    transcripts.push(`# the pull request of a promotion\n${fs.readFileSync(path.join(dir, 'pr.md'), 'utf-8')}`);
  });

  test('refused when nothing is due for the environment; .projenrc.ts untouched', async () => {
    const dir = repository('releases-apply-not-due');
    const { code, err } = await run(dir, ['--environments', 'dev,prod', '--apply', '--environment', 'dev'], () => ({ ok: true, output: '' }));
    expect(code).toBe(1);
    expect(err).toBe('Apply refused: nothing is due for dev: on the newest release published for aws-k8s-1.35/x86_64. Fix: `npx projen releases` shows the train\n');
    expect(fs.readFileSync(path.join(dir, '.projenrc.ts'), 'utf-8')).toBe(PROJENRC);
  });
});
