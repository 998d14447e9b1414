import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CapacityType, NodeArchitecture } from 'bottlerocket-eks-config';
import { Testing } from 'projen/lib/testing';
import { BottlerocketEksProject, BottlerocketEksProjectOptions } from '../src';
import { fromProjenNew } from '../src/command-line';

function tmpdir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'bottlerocket-eks-'));
}

function synth(options: Partial<BottlerocketEksProjectOptions> = {}) {
  const project = new BottlerocketEksProject({ name: 'team-a', defaultReleaseBranch: 'main', pjPrefix: 'team-a', outdir: tmpdir(), ...options });
  return Testing.synth(project);
}

describe('BottlerocketEksProject', () => {
  const out = synth();

  test('writes the team layout: one package.json, nx.json, three stack apps, settings, README', () => {
    for (const file of ['package.json', 'nx.json', 'bottlerocket-eks.settings.json', 'README.md', '.gitignore', 'tsconfig.json']) {
      expect(out[file]).toBeDefined();
    }
    for (const kind of ['network', 'cluster', 'nodegroup']) {
      expect(out[`packages/${kind}/project.json`]).toBeDefined();
      expect(out[`packages/${kind}/cdk.json`].app).toBe('node --import tsx src/main.ts');
      expect(out[`packages/${kind}/src/main.ts`]).toContain("from 'bottlerocket-eks-stacks'");
      expect(out[`packages/${kind}/package.json`]).toBeUndefined();
    }
    expect(out['packages/cluster/src/main.ts']).toContain("synthApp((app, settings) => new ClusterStack(app, 'Cluster', settings));");
  });

  test('pins current CDK versions and depends on the stacks library of the same release', () => {
    const pkg = out['package.json'];
    expect(pkg.dependencies).toMatchObject({ 'aws-cdk-lib': '^2.276.0', 'bottlerocket-eks-stacks': expect.stringMatching(/^\^\d+\.\d+\.\d+/) });
    expect(pkg.devDependencies).toMatchObject({ 'aws-cdk': '^2.1148.1', 'nx': '24.0.6', 'tsx': '4.23.15' });
  });

  test('the stacks dependency can point at another spec', () => {
    const custom = synth({ stacksDependency: 'bottlerocket-eks-stacks@file:../stacks.tgz' });
    expect(custom['package.json'].dependencies['bottlerocket-eks-stacks']).toBe('file:../stacks.tgz');
  });

  test('nx targets deploy network -> cluster -> nodegroup and destroy the other way', () => {
    const project = (kind: string) => out[`packages/${kind}/project.json`];
    expect(project('network').implicitDependencies).toEqual([]);
    expect(project('cluster').implicitDependencies).toEqual(['network']);
    expect(project('nodegroup').implicitDependencies).toEqual(['cluster']);
    for (const kind of ['network', 'cluster', 'nodegroup']) {
      expect(Object.keys(project(kind).targets)).toEqual(['synth', 'diff', 'deploy', 'destroy']);
      expect(project(kind).targets.deploy.dependsOn).toEqual(['^deploy']);
    }
    expect(project('network').targets.destroy.dependsOn).toEqual([{ projects: ['cluster'], target: 'destroy', params: 'forward' }]);
    expect(project('cluster').targets.destroy.dependsOn).toEqual([{ projects: ['nodegroup'], target: 'destroy', params: 'forward' }]);
    expect(project('nodegroup').targets.destroy.dependsOn).toEqual([]);
    expect(project('cluster').targets.synth.options.command).toBe('cdk --no-notices synth --quiet && bottlerocket-eks templates-from cdk.out ../../templates');
  });

  test('options reach the settings file the apps read, validated and with defaults filled in', () => {
    const custom = synth({
      pjPrefix: 'team-b',
      region: 'eu-west-1',
      availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
      architecture: NodeArchitecture.ARM64,
      capacityType: CapacityType.ON_DEMAND,
      nodeMaxSize: 9,
      accountId: '123456789012',
    });
    expect(custom['bottlerocket-eks.settings.json']).toMatchObject({
      pjPrefix: 'team-b',
      region: 'eu-west-1',
      availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
      architecture: 'arm64',
      capacityType: 'ON_DEMAND',
      instanceTypes: expect.arrayContaining(['m7g.xlarge']),
      nodeMaxSize: 9,
      nodeDesiredSize: 2,
      clusterName: 'team-b-cluster',
      accountId: '123456789012',
    });
  });

  test('root tasks build the templates through nx and deploy in order', () => {
    const tasks = out['.projen/tasks.json'].tasks;
    expect(tasks.compile.steps).toEqual([{ exec: 'tsc --noEmit -p tsconfig.json' }]);
    expect(tasks['post-compile'].steps).toEqual([{ spawn: 'synth' }]);
    expect(tasks.synth.steps).toEqual([{ exec: 'cdk --no-notices synth --quiet && bottlerocket-eks templates-from cdk.out templates' }]);
    // One CDK app holding the three stack apps: one CLI process synthesizes them all.
    expect(out['cdk.json'].app).toBe('node --import tsx node_modules/bottlerocket-eks-stacks/lib/all-apps.js '
      + 'packages/network/src/main.ts packages/cluster/src/main.ts packages/nodegroup/src/main.ts');
    const nx = (target: string) => `nx run-many -t ${target} --parallel=1 --nxBail --outputStyle=stream`;
    expect(tasks.preflight.steps).toEqual([{ exec: 'bottlerocket-eks preflight', receiveArgs: true }]);
    expect(tasks.diff.steps).toEqual([{ spawn: 'preflight' }, { exec: nx('diff') }]);
    expect(tasks.deploy.steps).toEqual([{ spawn: 'preflight' }, { exec: nx('deploy') }]);
    expect(tasks.destroy.steps).toEqual([
      { exec: 'bottlerocket-eks preflight --destroy', receiveArgs: true },
      { exec: nx('destroy'), receiveArgs: true },
    ]);
    expect(tasks.destroy.description).toContain('needs --confirm=team-a');
    expect(tasks.default.steps[0].execArgs).toEqual(['tsx', '.projenrc.ts']);
  });

  test('every stack target that touches AWS runs the preflight first; destroy passes --confirm to it alone', () => {
    const targets = out['packages/cluster/project.json'].targets;
    expect(targets.deploy.options).toEqual({
      commands: [
        { command: 'bottlerocket-eks preflight --brief', forwardAllArgs: false },
        { command: 'cdk --no-notices deploy --all --require-approval never --progress events', forwardAllArgs: true },
      ],
      parallel: false,
      cwd: 'packages/cluster',
    });
    expect(targets.diff.options.commands[0]).toEqual({ command: 'bottlerocket-eks preflight --brief', forwardAllArgs: false });
    expect(targets.destroy.options.commands).toEqual([
      { command: 'bottlerocket-eks preflight --brief --destroy --confirm={args.confirm}', forwardAllArgs: false },
      { command: 'cdk --no-notices destroy --all --force', forwardAllArgs: false },
    ]);
    expect(targets.synth.options.commands).toBeUndefined();
  });

  test('the README has a Deploy section: prerequisites, commands, stacks, timings, kubectl, teardown', () => {
    const readme: string = synth({ accountId: '123456789012', region: 'us-west-2', availabilityZones: ['us-west-2a', 'us-west-2b'] })['README.md'];
    const deploy = readme.slice(readme.indexOf('## Deploy'));
    expect(deploy).toMatch(/^## Deploy\n/);
    for (const heading of ['### Before the first deploy', '### Commands', '### What each stack creates, and how long it takes',
      '### Connect kubectl', '### Tear down']) {
      expect(deploy).toContain(heading);
    }
    expect(deploy).toContain('Deploys are pinned to account 123456789012');
    expect(deploy).toContain('the stacks always go to us-west-2');
    expect(deploy).toContain('aws eks update-kubeconfig --region us-west-2 --name team-a-cluster');
    expect(deploy).toContain('npx projen destroy --confirm=team-a');
    expect(deploy).toContain('termination protection is on for team-a-network and team-a-cluster');
    expect(deploy).toContain('| team-a-cluster | EKS 1.35 cluster `team-a-cluster`');
    expect(deploy).toContain('10-15 min (the EKS control plane)');
    expect(deploy).toContain('No `cdk bootstrap`');
    expect(out['README.md']).toContain('No `accountId` is set');
  });

  test('the README shows the stacks and their exports as a mermaid diagram', () => {
    const readme: string = out['README.md'];
    expect(readme).toContain('```mermaid');
    expect(readme).toContain('network -- "team-a-private-subnet-a<br/>team-a-private-subnet-c" --> cluster');
    expect(readme).toContain('cluster -- "team-a-cluster-name" --> nodegroup');
    expect(readme).toMatch(/## Upgrading/);
  });

  test('node group options and extra node groups reach the settings file and the README', () => {
    const custom = synth({
      architecture: NodeArchitecture.ARM64,
      capacityType: CapacityType.ON_DEMAND,
      dataVolumeSize: 50,
      bottlerocket: { maxPods: 58 },
      extraNodegroups: [{ name: 'system', instanceTypes: ['m6i.large'], minSize: 2, maxSize: 3, desiredSize: 2 }],
    });
    expect(custom['bottlerocket-eks.settings.json']).toMatchObject({
      architecture: 'arm64', capacityType: 'ON_DEMAND', dataVolumeSize: 50, launchTemplate: true, httpPutResponseHopLimit: 1,
      bottlerocket: { maxPods: 58 },
      extraNodegroups: [{ name: 'system', instanceTypes: ['m6i.large'], minSize: 2, maxSize: 3, desiredSize: 2 }],
    });
    const readme: string = custom['README.md'];
    expect(readme).toContain('| option | team-a-bottlerocket-ondemand | team-a-system | default |');
    expect(readme).toContain('| `variant` | STANDARD (`BOTTLEROCKET_ARM_64`) | STANDARD (`BOTTLEROCKET_x86_64`) | STANDARD |');
    expect(readme).toContain('| `dataVolumeSize` | 50 GiB | 20 GiB | 20 GiB |');
    expect(readme).toContain('| `bottlerocket` | maxPods | - |');
  });

  test('flags that projen new turned into numbers or typed freely come back exact, in the settings and in .projenrc.ts', () => {
    const args: Record<string, unknown> = { accountId: 12345678901, kubernetesVersion: 1.3, capacityType: 'on-demand', architecture: 'ARM64', variant: 'nvidia' };
    const options = fromProjenNew({ ...args, __new__: { args } },
      ['node', 'projen', 'new', '--account-id', '012345678901', '--kubernetes-version=1.30', '--capacity-type', 'on-demand']);
    expect(options).toMatchObject({ accountId: '012345678901', kubernetesVersion: '1.30', capacityType: 'ON_DEMAND', architecture: 'arm64', variant: 'NVIDIA' });
    expect(args).toEqual({ accountId: '012345678901', kubernetesVersion: '1.30', capacityType: 'ON_DEMAND', architecture: 'arm64', variant: 'NVIDIA' });
    // Not from projen new: left alone, and validation says what is wrong.
    expect(fromProjenNew({ accountId: 1234 })).toEqual({ accountId: 1234 });
    expect(() => synth({ accountId: 1234 as any })).toThrow(/^Invalid accountId 1234: expected a 12-digit AWS account id, as a string/);
    expect(() => synth({ architecture: 'sparc' as any })).toThrow(/^Invalid architecture "sparc": expected one of x86_64, arm64/);
  });

  test.each([
    [{ pjPrefix: 'Team_A' }, /^Invalid pjPrefix "Team_A"/],
    [{ nodeMinSize: 5, nodeMaxSize: 2 }, /^Invalid nodeMaxSize 2/],
    [{ instanceTypes: ['m7g.xlarge'] }, /^Invalid instanceTypes "m7g.xlarge": expected x86_64/],
    [{ availabilityZones: ['ap-northeast-1a'] }, /^Invalid availabilityZones/],
  ])('rejects %j before writing any file', (bad, message) => {
    const outdir = tmpdir();
    expect(() => new BottlerocketEksProject({ name: 'x', defaultReleaseBranch: 'main', pjPrefix: 'team-a', outdir, ...bad } as any))
      .toThrow(message);
    expect(fs.readdirSync(outdir)).toEqual([]);
  });
});
