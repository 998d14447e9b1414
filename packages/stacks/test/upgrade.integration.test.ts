import * as fs from 'fs';
import * as path from 'path';
import { FakeAwsOptions } from 'bottlerocket-eks-test-support';
import { ACCOUNT, CLUSTER, deployed, localAwsForEachTest, NODEGROUP, RELEASE, runAgainst, runInProcess, SETTINGS, writeSettings } from './support/deployed-environment';
import { tempDir } from './temp';
import { upgradeCommand } from '../src/commands/upgrade';
import { UpgradeRecord } from '../src/upgrade';

// `bottlerocket-eks upgrade` against a local AWS: the plan, its refusals, --apply and --rollback.
const TRANSCRIPTS = path.join(__dirname, '..', 'test-reports', 'upgrade-transcripts.txt');
const transcripts: string[] = [];
const DAY = 24 * 60 * 60 * 1000;
jest.setTimeout(90_000);

afterAll(() => {
  fs.mkdirSync(path.dirname(TRANSCRIPTS), { recursive: true });
  fs.writeFileSync(TRANSCRIPTS, transcripts.join('\n'));
});

const PROJENRC = `import { BottlerocketEksProject } from 'projen-bottlerocket-eks';

const project = new BottlerocketEksProject({
  pjPrefix: 'team-a',
  region: 'eu-west-1',
  accountId: '${ACCOUNT}',
  kubernetesVersion: '1.35',
});
project.synth();
`;

/** A team repository holding `.projenrc.ts` and its settings file. */
function repository(name: string): string {
  const dir = tempDir(name);
  writeSettings(dir);
  fs.writeFileSync(path.join(dir, '.projenrc.ts'), PROJENRC);
  return dir;
}

async function upgrade(name: string, dir: string, options: FakeAwsOptions, args: string[] = []) {
  const run = await runAgainst(dir, options, ['upgrade', ...args]);
  transcripts.push(`# ${name}\n${run.transcript}`);
  return run;
}

test('the plan: the next minor, its add-ons, the order and what to check; exit 0', async () => {
  const { status, stdout, stderr } = await upgrade('plan', repository('upgrade-plan'), deployed());
  expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
  expect(stdout).toContain('Upgrade from Kubernetes 1.35 to 1.36: kubernetesVersion \'1.36\'');
  expect(stdout).toContain('  1. control plane 1.35 -> 1.36 (cluster stack).');
  expect(stdout).toMatch(/ {2}2\. cluster add-ons \(cluster stack\):\n {5}vpc-cni +v1\.0\.0-eksbuild\.1, unchanged \(no version set for 1\.36.*\n {5}kube-proxy +v1\.35\.3-eksbuild\.13 -> v1\.36\.0-eksbuild\.14 \(offered by EKS for 1\.36\)\n/);
  expect(stdout).toContain('  3. node groups 1.35 -> 1.36 (node group stack), each rolling by its update config: bottlerocket-spot: 2 node(s), at most 33% unavailable, 2 round(s).');
  expect(stdout).toContain('Upgrade insights for 1.36: Kubernetes API deprecations: PASSING');
  expect(stdout).toContain('To take it: `npx projen kubernetes-upgrade -- --apply`');
});

test('refused while an upgrade insight for the next version is in ERROR; exit 1', async () => {
  const options = deployed();
  options.eksClusters![CLUSTER] = {
    ...options.eksClusters![CLUSTER],
    insights: [{ id: 'x1', name: 'Deprecated APIs removed in Kubernetes v1.36', kubernetesVersion: '1.36', status: 'ERROR', recommendation: 'Update the manifests' }],
  };
  const { status, stdout } = await upgrade('insight in ERROR', repository('upgrade-refused'), options);
  expect(status).toBe(1);
  expect(stdout).toContain('Refused: the step to 1.36 must not be taken now:\n'
    + '  - the EKS upgrade insight "Deprecated APIs removed in Kubernetes v1.36" for 1.36 is in ERROR. Fix: Update the manifests');
});

describe('--apply', () => {
  localAwsForEachTest(() => deployed());

  /** Runs the command in this process, with `projen` standing in for `npx projen`. */
  const apply = (dir: string, projen: (root: string) => { ok: boolean; output: string }) =>
    runInProcess(dir, (io) => upgradeCommand(['--apply'], io, projen));

  test('writes the version into .projenrc.ts, regenerates, and records the step', async () => {
    const dir = repository('upgrade-apply');
    const regenerated: string[] = [];
    const { code, err } = await apply(dir, (root) => {
      regenerated.push(fs.readFileSync(path.join(root, '.projenrc.ts'), 'utf-8'));
      return { ok: true, output: '' };
    });
    expect({ code, err }).toMatchObject({ code: 0 });
    expect(err).toContain('Applied: kubernetesVersion \'1.36\' is in .projenrc.ts, and the settings and templates are regenerated; '
      + 'the step is recorded in bottlerocket-eks.upgrade.json. Review and commit the changes, then `npx projen deploy`.');
    expect(fs.readFileSync(path.join(dir, '.projenrc.ts'), 'utf-8')).toBe(PROJENRC.replace("kubernetesVersion: '1.35'", "kubernetesVersion: '1.36'"));
    expect(regenerated).toHaveLength(1);
    const record: UpgradeRecord = JSON.parse(fs.readFileSync(path.join(dir, 'bottlerocket-eks.upgrade.json'), 'utf-8'));
    expect(record).toMatchObject({
      format: 1,
      from: '1.35',
      to: '1.36',
      nodegroups: [{ name: 'team-a-bottlerocket-spot', nodegroupName: NODEGROUP, version: '1.35', releaseVersion: RELEASE }],
    });
    expect(record.addons.find((a) => a.name === 'kube-proxy')).toEqual({ name: 'kube-proxy', from: 'v1.35.3-eksbuild.13', to: 'v1.36.0-eksbuild.14' });
  });

  test('when npx projen fails, .projenrc.ts is put back and regenerated, and nothing is recorded', async () => {
    const dir = repository('upgrade-apply-fails');
    const seen: string[] = [];
    const { code, err, out } = await apply(dir, (root) => {
      seen.push(fs.readFileSync(path.join(root, '.projenrc.ts'), 'utf-8'));
      return { ok: seen.length > 1, output: 'Error: something in .projenrc.ts\n' };
    });
    expect(code).toBe(1);
    expect(err).toContain('Error: something in .projenrc.ts\nApply refused: `npx projen` failed on the change (its output is above); '
      + '.projenrc.ts and what it generates are as they were.');
    // Tried with the new version, then regenerated from the old one.
    expect(seen).toEqual([PROJENRC.replace("'1.35'", "'1.36'"), PROJENRC]);
    expect(out).not.toContain('To take it');
    expect(fs.readFileSync(path.join(dir, '.projenrc.ts'), 'utf-8')).toBe(PROJENRC);
    expect(fs.existsSync(path.join(dir, 'bottlerocket-eks.upgrade.json'))).toBe(false);
  });
});

describe('--rollback', () => {
  const record: UpgradeRecord = {
    format: 1,
    from: '1.35',
    to: '1.36',
    appliedAt: new Date(Date.now() - 3 * DAY).toISOString(),
    addons: [{ name: 'kube-proxy', from: 'v1.35.3-eksbuild.13', to: 'v1.36.0-eksbuild.14' }],
    nodegroups: [{ name: 'team-a-bottlerocket-spot', nodegroupName: NODEGROUP, version: '1.35', releaseVersion: RELEASE }],
  };
  /** The environment after the step was deployed, EKS's version update made `daysAgo` days ago. */
  function upgraded(daysAgo: number): FakeAwsOptions {
    const options = deployed({ clusterVersions: [{ clusterVersion: '1.36', endOfStandardSupportDate: new Date('2027-08-02T00:00:00Z') }] });
    const cluster = options.eksClusters![CLUSTER];
    options.eksClusters![CLUSTER] = {
      ...cluster,
      version: '1.36',
      nodegroups: { [NODEGROUP]: { ...cluster.nodegroups![NODEGROUP], version: '1.36' } },
      updates: [{ id: 'u-1', createdAt: new Date(Date.now() - daysAgo * DAY), params: [{ type: 'Version', value: '1.36' }] }],
    };
    return options;
  }
  function repositoryAfterStep(name: string): string {
    const dir = tempDir(name);
    writeSettings(dir, { ...SETTINGS, kubernetesVersion: '1.36' });
    fs.writeFileSync(path.join(dir, 'bottlerocket-eks.upgrade.json'), JSON.stringify(record));
    return dir;
  }

  test('within 7 days of the upgrade: the way back in order; exit 0', async () => {
    const { status, stdout } = await upgrade('rollback in the window', repositoryAfterStep('rollback-ok'), upgraded(2), ['--rollback']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Rollback from Kubernetes 1\.36 to 1\.35: EKS upgraded the cluster at .* UTC; it can roll the control plane back until .* UTC\.\nIn this order:\n {2}1\. Node groups/);
    expect(stdout).toContain('  3. Add-ons (yours; EKS does not roll them back): kube-proxy v1.36.0-eksbuild.14 -> v1.35.3-eksbuild.13.');
  });

  test('after the window: refused with the reason; exit 1', async () => {
    const { status, stderr } = await upgrade('rollback after the window', repositoryAfterStep('rollback-late'), upgraded(8), ['--rollback']);
    expect(status).toBe(1);
    expect(stderr).toMatch(/^Rollback refused: EKS upgraded team-a-cluster to 1\.36 on .* UTC: the 7-day rollback window ended on .* UTC\. Fix: /);
  });
});
