import { execFileSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_KUBERNETES_VERSION, ExportNames } from 'bottlerocket-eks-config';
import { FakeAws } from 'bottlerocket-eks-test-support';
import { parse } from 'yaml';
import { tempDir } from './temp';
import { capture, CommandResult, commandEnv, fakeAwsEnv, run, runAsync, runQuiet, runResult } from '../src/scaffold';
import { copySharedRepository, SHARED_ACCOUNT, SHARED_PREFIX, sharedRepository } from '../src/shared-repository';
import { readWiring } from '../src/wiring';

jest.setTimeout(15 * 60 * 1000);

/** Hash of every file projen or the team owns (no installs, caches or build output; templates on request). */
function snapshot(dir: string, withTemplates = false): Record<string, string> {
  const result: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = path.join(rel, entry.name);
      if (['node_modules', '.nx', 'cdk.out', ...(withTemplates ? [] : ['templates'])].includes(entry.name)) continue;
      if (entry.isDirectory()) walk(child);
      else result[child] = crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, child))).digest('hex');
    }
  };
  walk('.');
  return result;
}

const ACCOUNT = SHARED_ACCOUNT;
const PREFIX = SHARED_PREFIX;

/** What the CLIs print that a new user has nothing to do about. */
const NOISE = [/feature flags are not configured/, /install-scripts/, /allowScripts/, /Nx Cloud|nx\.app/];


describe('a team scaffolds, builds and regenerates its repository', () => {
  let dir = '';
  const names = new ExportNames(PREFIX);
  const template = (kind: string) => parse(fs.readFileSync(path.join(dir, 'templates', `${kind}.yaml`), 'utf-8'));

  /** What projen new (with its install) and the first build printed. */
  let scaffoldOutput = '';
  let buildOutput = '';

  beforeAll(() => {
    // A copy of the run's default repository, scaffolded (projen new --pj-prefix e2e
    // --account-id 012345678901: a leading zero, which projen new parses as a number and the
    // project type must turn back into the same 12 digits) and built without credentials once
    // (test/global-setup.ts), and what both printed.
    ({ dir, projenNewOutput: scaffoldOutput, buildOutput } = copySharedRepository(path.join(tempDir('e2e-scaffold'), 'team')));
  });

  test('projen new and the build print no noise: no unconfigured CDK feature flags, install scripts or Nx Cloud', () => {
    expect(buildOutput).toContain('wrote templates/nodegroup.yaml');
    for (const noise of NOISE) {
      expect(scaffoldOutput).not.toMatch(noise);
      expect(buildOutput).not.toMatch(noise);
    }
    // npm has no install script left to ask about: asked in the repository projen new installed
    // (in a copy, npm takes the linked install for a linked package, whose prepare script would run).
    expect(runQuiet(sharedRepository().dir, 'npm', ['install-scripts', 'ls'])).toContain('No packages with unreviewed install scripts.');
  });

  test('.projenrc.ts shows the settings teams change most, commented, with their defaults; the flags given are set', () => {
    const rc = fs.readFileSync(path.join(dir, '.projenrc.ts'), 'utf-8');
    expect(rc).toContain(`  accountId: "${ACCOUNT}",\n`);
    for (const line of ['region: "ap-northeast-1"', 'availabilityZones: ["ap-northeast-1a", "ap-northeast-1c"]',
      'instanceTypes: ["m6i.xlarge", "m6a.xlarge", "m5.xlarge", "m5a.xlarge", "m7i.xlarge"]', 'capacityType: CapacityType.SPOT',
      'nodeDesiredSize: 2', 'nodeMinSize: 1', 'nodeMaxSize: 4', 'adminPrincipalArns: []']) {
      expect(rc).toContain(`\n  // ${line},  `);
    }
    // The Kubernetes version is set, so a later release's newer default does not move this cluster.
    expect(rc).toContain(`\n  kubernetesVersion: "${DEFAULT_KUBERNETES_VERSION}",\n`);
  });

  test('projen new wrote the team layout with one install', () => {
    for (const file of ['.projenrc.ts', 'package.json', 'package-lock.json', 'nx.json', 'bottlerocket-eks.settings.json', 'README.md',
      'packages/network/project.json', 'packages/cluster/cdk.json', 'packages/nodegroup/src/main.ts']) {
      expect(fs.existsSync(path.join(dir, file))).toBe(true);
    }
    expect(fs.existsSync(path.join(dir, 'packages/network/node_modules'))).toBe(false);
    expect(fs.readFileSync(path.join(dir, '.projenrc.ts'), 'utf-8')).toContain(`pjPrefix: "${PREFIX}"`);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'bottlerocket-eks.settings.json'), 'utf-8')).accountId).toBe(ACCOUNT);
  });

  test('the install took the third-party tree the project type ships, and added the bottlerocket-eks packages', () => {
    const shipped = JSON.parse(fs.readFileSync(require.resolve('projen-bottlerocket-eks/assets/team-package-lock.json'), 'utf-8')).packages;
    const installed = JSON.parse(fs.readFileSync(path.join(dir, 'package-lock.json'), 'utf-8')).packages;
    const versions = (lock: Record<string, any>, keys: string[]) => Object.fromEntries(keys.map((key) => [key, lock[key]?.version]));
    const thirdParty = Object.keys(shipped).filter((key) => key !== '');
    expect(versions(installed, thirdParty)).toEqual(versions(shipped, thirdParty));
    for (const own of ['bottlerocket-eks-config', 'bottlerocket-eks-stacks', 'projen-bottlerocket-eks']) {
      expect(installed[`node_modules/${own}`]?.version).toMatch(/^\d+\.\d+\.\d+/);
    }
  });

  test('the node group template is the blog node group, wired by imports', () => {
    const ng = template('nodegroup');
    const [nodegroup] = Object.values<any>(ng.Resources).filter((r) => r.Type === 'AWS::EKS::Nodegroup');
    expect(nodegroup.Properties).toMatchObject({
      AmiType: 'BOTTLEROCKET_x86_64',
      CapacityType: 'SPOT',
      InstanceTypes: ['m6i.xlarge', 'm6a.xlarge', 'm5.xlarge', 'm5a.xlarge', 'm7i.xlarge'],
      Labels: { role: 'worker' },
      ScalingConfig: { DesiredSize: 2, MinSize: 1, MaxSize: 4 },
      ClusterName: { 'Fn::ImportValue': names.clusterName },
      Subnets: [{ 'Fn::ImportValue': names.privateSubnet('a') }, { 'Fn::ImportValue': names.privateSubnet('c') }],
    });
  });

  test('every import resolves to an export of the network or cluster stack', () => {
    const { wires, unresolved } = readWiring(path.join(dir, 'templates'));
    expect(unresolved).toEqual([]);
    const importers = Object.fromEntries(wires.map((w) => [w.exportName, `${w.exportedBy} -> ${w.importedBy.join(',')}`]));
    expect(importers[names.privateSubnet('a')]).toBe('network -> cluster,nodegroup');
    expect(importers[names.clusterName]).toBe('cluster -> nodegroup');
  });

  test('the CDK feature flags of cdk.json silence the CLI and change no template', () => {
    // The CDK CLI runs a stack app itself (cdk destroy does): the flags of its cdk.json keep it quiet.
    const listed = runQuiet(path.join(dir, 'packages', 'network'), 'npx', ['cdk', '--no-notices', 'ls']);
    expect(listed).toContain(`${PREFIX}-network`);
    expect(listed).not.toMatch(NOISE[0]);
    const templates = () => Object.fromEntries(fs.readdirSync(path.join(dir, 'templates'))
      .map((f) => [f, fs.readFileSync(path.join(dir, 'templates', f), 'utf-8')]));
    const withFlags = templates();
    const cdkJson = path.join(dir, 'cdk.json');
    fs.renameSync(cdkJson, `${cdkJson}.aside`);
    try {
      runQuiet(dir, 'npx', ['projen', 'synth']);
    } finally {
      fs.renameSync(`${cdkJson}.aside`, cdkJson);
    }
    expect(templates()).toEqual(withFlags);
  });

  test('a cdk deploy at the root has no app: stacks deploy only through nx, preflighted and in order', () => {
    const { status, output } = runResult(dir, 'npx', ['cdk', 'deploy', '--all']);
    expect(status).not.toBe(0);
    expect(output).toContain('--app is required');
  });

  test('the nx task graph deploys network -> cluster -> nodegroup and destroys the reverse', () => {
    /** Task id -> the task ids it waits for, as nx would run `target` on every project. */
    const taskGraph = (target: string): Record<string, string[]> => {
      const file = path.join(dir, `${target}-graph.json`);
      capture(dir, 'npx', ['nx', 'run-many', '-t', target, `--graph=${file}`]);
      const graph = JSON.parse(fs.readFileSync(file, 'utf-8'));
      fs.rmSync(file);
      const deps: Record<string, Array<{ id: string }>> = graph.tasks.dependencies;
      return Object.fromEntries(Object.entries(deps).map(([task, on]) => [task, on.map((d) => d.id)]));
    };
    // Each stack deploys the assembly its own synth wrote (and its preflight planned).
    expect(taskGraph('deploy')).toEqual({
      'network:synth': [],
      'cluster:synth': [],
      'nodegroup:synth': [],
      'network:deploy': ['network:synth'],
      'cluster:deploy': ['cluster:synth', 'network:deploy'],
      'nodegroup:deploy': ['nodegroup:synth', 'cluster:deploy'],
    });
    expect(taskGraph('destroy')).toEqual({
      'nodegroup:destroy': [],
      'cluster:destroy': ['nodegroup:destroy'],
      'network:destroy': ['cluster:destroy'],
    });
  });

  describe('deploys are preflighted and planned (against a local STS, CloudFormation, EC2, EKS and Service Quotas)', () => {
    const aws = new FakeAws({
      AKIATEAMACCOUNT00001: { account: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/alice` },
      AKIAOTHERACCOUNT0002: { account: '210987654321', arn: 'arn:aws:iam::210987654321:user/bob' },
    });
    let env: NodeJS.ProcessEnv = {};
    const actions = () => aws.requests.map((r) => new URLSearchParams(r.body).get('Action'));
    const as = (accessKeyId: string) => ({ ...env, AWS_ACCESS_KEY_ID: accessKeyId });

    beforeAll(async () => {
      const endpoint = await aws.start();
      env = fakeAwsEnv(endpoint, dir);
    });
    afterAll(() => aws.stop());
    beforeEach(() => aws.requests.splice(0));

    test('npx projen deploy with credentials of another account stops before any stack', async () => {
      const { status, output } = await runAsync(dir, 'npx', ['projen', 'deploy'], as('AKIAOTHERACCOUNT0002'));
      expect(status).not.toBe(0);
      expect(output).toContain(`Preflight failed (ACCOUNT_MISMATCH): The credentials are for account 210987654321, but the team's accountId is ${ACCOUNT}.`);
      expect(output).not.toContain('nx run-many -t deploy');
      // Who the caller is (the CDK CLI's synth asks too), and nothing else: no stack was read or touched.
      expect(new Set(actions())).toEqual(new Set(['GetCallerIdentity']));
    });

    test('npx nx deploy cluster is preflighted too', async () => {
      const { status, output } = await runAsync(dir, 'npx', ['nx', 'deploy', 'cluster', '--outputStyle=stream'], as('AKIAOTHERACCOUNT0002'));
      expect(status).not.toBe(0);
      expect(output).toContain('network: Preflight failed (ACCOUNT_MISMATCH)');
      expect(output).toMatch(/Tasks not run because their dependencies failed[^]*- cluster:deploy/);
      expect(new Set(actions())).toEqual(new Set(['GetCallerIdentity']));
    });

    test('npx projen diff: preflight, then cdk diff of each stack, in order', async () => {
      const { status, output } = await runAsync(dir, 'npx', ['projen', 'diff'], as('AKIATEAMACCOUNT00001'));
      expect({ status, output }).toMatchObject({ status: 0 });
      expect(output).toContain(`Preflight passed: deploy of ${PREFIX} would create or update\n  account    ${ACCOUNT}  (matches accountId)`);
      // The update plan of all three before any diff: nothing is deployed yet, so each is a create.
      expect(output).toMatch(new RegExp(`Update plan \\(deployed templates against the synthesized ones\\):\n {2}${PREFIX}-network {2}create \\(\\d+ resources\\)\n {2}${PREFIX}-cluster {2}create`));
      for (const kind of ['network', 'cluster', 'nodegroup']) expect(output).toMatch(new RegExp(`plan ok: ${PREFIX}-${kind}: create`));
      const stacks = [...output.matchAll(new RegExp(`Stack (\\w+) \\((${PREFIX}-\\w+)\\)`, 'g'))].map((m) => m[2]);
      expect(stacks).toEqual(['network', 'cluster', 'nodegroup'].map((kind) => `${PREFIX}-${kind}`));
      expect(output).toContain('[+] AWS::EKS::Nodegroup');
      for (const noise of NOISE) expect(output).not.toMatch(noise);
      for (const kind of ['network', 'cluster', 'nodegroup']) {
        expect(output).toMatch(new RegExp(`${kind}: preflight ok: deploy ${PREFIX} into account ${ACCOUNT}[^]*${kind}: Stack `));
      }
    });

    test('npx projen destroy refuses without --confirm, and with it destroys nodegroup, cluster, network', async () => {
      const refused = await runAsync(dir, 'npx', ['projen', 'destroy'], as('AKIATEAMACCOUNT00001'));
      expect(refused.status).not.toBe(0);
      expect(refused.output).toContain(`Preflight failed (DESTROY_NOT_CONFIRMED): Refusing to destroy ${PREFIX}-nodegroup, ${PREFIX}-cluster, ${PREFIX}-network`);
      expect(actions()).toEqual([]);

      const { status, output } = await runAsync(dir, 'npx', ['projen', 'destroy', `--confirm=${PREFIX}`], as('AKIATEAMACCOUNT00001'));
      expect({ status, output }).toMatchObject({ status: 0 });
      const destroyed = [...output.matchAll(new RegExp(`\\((${PREFIX}-\\w+)\\): destroyed`, 'g'))].map((m) => m[1]);
      expect(destroyed).toEqual(['nodegroup', 'cluster', 'network'].map((kind) => `${PREFIX}-${kind}`));
      // One full preflight, then one per stack (each got --confirm), each before its stack.
      expect(output).toContain(`Preflight passed: destroy of ${PREFIX} would delete`);
      for (const kind of ['nodegroup', 'cluster', 'network']) {
        expect(output).toMatch(new RegExp(`${kind}: preflight ok: destroy ${PREFIX}[^]*${kind}: .*: destroyed`));
      }
      expect(actions()).toContain('DescribeStacks');
    });
  });

  test('npx projen again changes nothing', () => {
    const before = snapshot(dir);
    run(dir, 'npx', ['projen']);
    expect(snapshot(dir)).toEqual(before);
  });

  test('files projen owns are read-only and say they are generated', () => {
    const { files } = JSON.parse(fs.readFileSync(path.join(dir, '.projen/files.json'), 'utf-8'));
    expect(files).toEqual(expect.arrayContaining(['bottlerocket-eks.settings.json', 'nx.json', 'README.md', 'packages/cluster/project.json']));
    for (const file of files as string[]) {
      // The permission digits (e.g. 444): a 2, 3, 6 or 7 grants someone write access.
      const permissions = (fs.statSync(path.join(dir, file)).mode % 0o1000).toString(8);
      expect({ file, writable: /[2367]/.test(permissions) }).toEqual({ file, writable: false });
      // LICENSE is the license text alone.
      if (file !== 'LICENSE') expect({ file, marked: /generated by projen/i.test(fs.readFileSync(path.join(dir, file), 'utf-8')) }).toEqual({ file, marked: true });
    }
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf-8'))['//']).toMatch(/Generated by projen/);
    expect(files).not.toContain('packages/network/src/main.ts');
  });

  test('an option added to .projenrc.ts and removed again leaves the repository byte for byte as it was', () => {
    const rc = path.join(dir, '.projenrc.ts');
    const original = fs.readFileSync(rc, 'utf-8');
    const before = snapshot(dir, true);
    fs.writeFileSync(rc, original.replace(`pjPrefix: "${PREFIX}",`, `pjPrefix: "${PREFIX}",\n  dataVolumeSize: 80,`));
    run(dir, 'npx', ['projen']);
    run(dir, 'npx', ['projen', 'synth']);
    expect(fs.readFileSync(path.join(dir, 'templates', 'nodegroup.yaml'), 'utf-8')).toContain('VolumeSize: 80');
    fs.writeFileSync(rc, original);
    run(dir, 'npx', ['projen']);
    run(dir, 'npx', ['projen', 'synth']);
    expect(snapshot(dir, true)).toEqual(before);
  });

  test('an option changed in .projenrc.ts reaches the templates; team edits to main.ts survive', () => {
    const rc = path.join(dir, '.projenrc.ts');
    fs.writeFileSync(rc, fs.readFileSync(rc, 'utf-8').replace(`pjPrefix: "${PREFIX}",`, `pjPrefix: "${PREFIX}",\n  nodeMaxSize: 7,`));
    const main = path.join(dir, 'packages/nodegroup/src/main.ts');
    const edited = `${fs.readFileSync(main, 'utf-8')}// team edit\n`;
    fs.writeFileSync(main, edited);
    run(dir, 'npx', ['projen']);
    run(dir, 'npx', ['projen', 'synth']);
    expect(fs.readFileSync(main, 'utf-8')).toBe(edited);
    const [nodegroup] = Object.values<any>(template('nodegroup').Resources).filter((r) => r.Type === 'AWS::EKS::Nodegroup');
    expect(nodegroup.Properties.ScalingConfig.MaxSize).toBe(7);
  });

  test('a bad option in .projenrc.ts fails npx projen with the settings message and leaves files as they were', () => {
    const rc = path.join(dir, '.projenrc.ts');
    const good = fs.readFileSync(rc, 'utf-8');
    const before = snapshot(dir);
    fs.writeFileSync(rc, good.replace('nodeMaxSize: 7,', 'nodeMaxSize: 0,'));
    let stderr = '';
    try {
      execFileSync('npx', ['projen'], { cwd: dir, encoding: 'utf-8', stdio: ['ignore', 'pipe', 'pipe'], env: commandEnv() });
    } catch (e: any) {
      stderr = `${e.stdout}${e.stderr}`;
    }
    expect(stderr).toContain('Invalid nodeMaxSize 0');
    fs.writeFileSync(rc, good);
    expect(snapshot(dir)).toEqual(before);
  });

  test('a type error in .projenrc.ts or in an app fails npx projen build before the synth, though tsx runs both', () => {
    const rc = path.join(dir, '.projenrc.ts');
    const main = path.join(dir, 'packages/network/src/main.ts');
    const [goodRc, goodMain] = [fs.readFileSync(rc, 'utf-8'), fs.readFileSync(main, 'utf-8')];
    // A value projen and the settings take at run time, but not of the option's type.
    fs.writeFileSync(rc, goodRc.replace(`pjPrefix: "${PREFIX}",`, `pjPrefix: "${PREFIX}",\n  capacityType: "ON_DEMAND",`));
    fs.writeFileSync(main, `${goodMain}export const port: number = '443';\n`);
    let result: CommandResult = { status: 0, output: '' };
    try {
      result = runResult(dir, 'npx', ['projen', 'build']);
    } finally {
      fs.writeFileSync(rc, goodRc);
      fs.writeFileSync(main, goodMain);
      run(dir, 'npx', ['projen']);
    }
    expect(result.status).not.toBe(0);
    // TypeScript 7 says where as `file:line:column - error` (in colour) when nx sets FORCE_COLOR,
    // and as `file(line,column): error` when its output is not a terminal.
    const plain = result.output.replace(/\u001b\[[0-9;]*m/g, '');
    const where = String.raw`(?::\d+:\d+ - |\(\d+,\d+\): )`;
    expect(plain).toMatch(new RegExp(String.raw`\.projenrc\.ts${where}error TS2322: Type '"ON_DEMAND"' is not assignable to type 'CapacityType`));
    expect(plain).toMatch(new RegExp(String.raw`packages/network/src/main\.ts${where}error TS2322`));
    expect(result.output).not.toContain('post-compile');
  });
});
