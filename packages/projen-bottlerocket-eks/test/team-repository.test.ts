import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_KUBERNETES_VERSION, ENVIRONMENT_ENV, SETTING_NAMES, SETTINGS_FILE_ENV, SETTINGS_FILE_NAME } from 'bottlerocket-eks-config';
import { resolveProjectType } from 'projen/lib/inventory';
import { renderProjenInitOptions } from 'projen/lib/javascript/render-options';
import { InitProjectOptionHints } from 'projen/lib/option-hints';
import { Testing } from 'projen/lib/testing';
import { BottlerocketEksProject, BottlerocketEksProjectOptions } from '../src';
import { synthFiles } from './synth-files';
import { tempDir } from './temp';
import { RECOMMENDED_CDK_FEATURE_FLAGS, RECOMMENDED_CDK_FEATURE_FLAGS_VERSION } from '../src/cdk-feature-flags';
import { fromProjenNew } from '../src/command-line';
import { DEFAULT_VERSIONS } from '../src/versions';

// What a new user finds in the team repository: nothing that does nothing, nothing that
// names a file that is not there, no command that bypasses the preflight.

const FQN = 'projen-bottlerocket-eks.BottlerocketEksProject';

function project(options: Partial<BottlerocketEksProjectOptions> = {}): BottlerocketEksProject {
  return new BottlerocketEksProject({ name: 'team-a', defaultReleaseBranch: 'main', pjPrefix: 'team-a', outdir: tempDir('team'), ...options });
}

/** The files `projen new` writes for these command-line arguments, .projenrc.ts included (no install). */
function projenNew(args: Record<string, unknown>): Record<string, any> {
  // `projen new` starts every option that has an initial value (`@pjnew`) from it (here: the settings').
  const settingsWithInitialValue = resolveProjectType(FQN).options
    .filter((o) => o.initialValue !== undefined && (SETTING_NAMES as string[]).includes(o.name));
  const initial = Object.fromEntries(settingsWithInitialValue.map((o) => [o.name, JSON.parse(o.initialValue!)]));
  const options = renderProjenInitOptions(FQN, { name: 'team-a', ...initial, ...args }, InitProjectOptionHints.FEATURED) as BottlerocketEksProjectOptions;
  return Testing.synth(new BottlerocketEksProject({ ...options, outdir: tempDir('projen-new') }));
}

describe('the team repository', () => {
  let out: Record<string, any> = {};
  let tasks: Record<string, { steps?: Array<Record<string, unknown>> }> = {};
  beforeAll(() => {
    out = Testing.synth(project());
    tasks = out['.projen/tasks.json'].tasks;
  });

  test('has no task that does nothing: build regenerates, type-checks, synthesizes and runs the team\'s tests', () => {
    for (const [name, task] of Object.entries(tasks)) expect({ name, empty: (task.steps ?? []).length === 0 }).toEqual({ name, empty: false });
    for (const removed of ['pre-compile', 'package', 'watch']) {
      expect(tasks[removed]).toBeUndefined();
      expect(out['package.json'].scripts[removed]).toBeUndefined();
    }
    expect(tasks.build.steps).toEqual([{ spawn: 'default' }, { spawn: 'compile' }, { spawn: 'post-compile' }, { spawn: 'test' }]);
  });

  test('a step added to a removed task fails instead of being dropped', () => {
    const p = project();
    expect(() => p.testTask.exec('jest')).toThrow('Task "test" is locked for changes');
    expect(() => p.packageTask.exec('npm pack')).toThrow('Task "package" is locked for changes');
  });

  test('the build type-checks .projenrc.ts and projenrc/ with the apps, in one tsc run', () => {
    expect(tasks.compile.steps).toEqual([{ exec: 'tsc --noEmit -p tsconfig.json' }]);
    // A `**` glob does not match a dotfile: .projenrc.ts is named.
    expect(out['tsconfig.json'].include).toEqual(['packages/*/src/**/*.ts', '.projenrc.ts', 'projenrc/**/*.ts', 'test/**/*.ts']);
    expect(out['tsconfig.json'].compilerOptions).toMatchObject({ noEmit: true, rootDir: '.', strict: true });
    // The only tsconfig: none beside it that would say the same.
    expect(Object.keys(out).filter((file) => /tsconfig/.test(file))).toEqual(['tsconfig.json']);
    expect(out['.gitignore']).not.toContain('projenrc/tsconfig.json');
    expect(out['.gitattributes']).not.toContain('projenrc/tsconfig.json');
  });

  test('nx caches a synth on every root file and variable that changes it, all of which exist', () => {
    const nx = out['nx.json'];
    const shared: Array<string | { env: string }> = nx.namedInputs.sharedGlobals;
    const files = shared.filter((i): i is string => typeof i === 'string').map((i) => i.replace('{workspaceRoot}/', ''));
    expect(files).toEqual([SETTINGS_FILE_NAME, 'package-lock.json', 'package.json', 'tsconfig.json']);
    // Every one is a file projen writes, but package-lock.json, which the install writes.
    for (const file of files.filter((f) => f !== 'package-lock.json')) expect({ file, written: file in out }).toEqual({ file, written: true });
    expect(shared.filter((i) => typeof i !== 'string')).toEqual([{ env: SETTINGS_FILE_ENV }, { env: ENVIRONMENT_ENV }, { env: 'BOTTLEROCKET_EKS_VALIDATE' }]);
    expect(nx.namedInputs.default).toContain('sharedGlobals');
  });

  test('nx never connects to (or advertises) Nx Cloud', () => {
    expect(out['nx.json'].neverConnectToCloud).toBe(true);
  });

  test('the root cdk.json has no app: a cdk deploy at the root cannot bypass the preflight and the deploy order', () => {
    expect(Object.keys(out['cdk.json']).sort()).toEqual(['//', 'context']);
    // The app of the root synth is on the command line of the synth task alone.
    const synth = tasks.synth.steps![0].exec as string;
    expect(synth).toMatch(/^node \S+\/all-apps\.js --output cdk\.out --templates templates /);
    for (const kind of ['network', 'cluster', 'nodegroup']) expect(synth).toContain(`packages/${kind}/src/main.ts`);
    // Each app keeps its own, for its nx targets.
    expect(out['packages/cluster/cdk.json']).toMatchObject({ app: 'node ../../node_modules/bottlerocket-eks-stacks/lib/all-apps.js src/main.ts', output: 'cdk.out' });
  });

  test('every cdk.json sets the feature flags of a new CDK app, the one that would drop the stack tags kept off', () => {
    const context = out['cdk.json'].context;
    const { '@aws-cdk/core:explicitStackTags': explicitStackTags, ...others } = context;
    const { '@aws-cdk/core:explicitStackTags': recommended, ...recommendedOthers } = RECOMMENDED_CDK_FEATURE_FLAGS;
    expect(recommended).toBe(true);
    expect(explicitStackTags).toBe(false);
    expect(others).toEqual(recommendedOthers);
    expect(Object.keys(context).length).toBeGreaterThan(80);
    for (const kind of ['network', 'cluster', 'nodegroup']) expect(out[`packages/${kind}/cdk.json`].context).toEqual(context);
  });

  test('the feature flags are those of the aws-cdk-lib a new team repository starts from', () => {
    expect(DEFAULT_VERSIONS.awsCdkLib).toBe(`^${RECOMMENDED_CDK_FEATURE_FLAGS_VERSION}`);
    expect(RECOMMENDED_CDK_FEATURE_FLAGS['@aws-cdk/core:target-partitions']).toEqual(['aws', 'aws-cn']);
  });

  test('npm settles the install scripts it would ask about (nx, esbuild) in package.json', () => {
    expect(out['package.json'].allowScripts).toEqual({ nx: false, esbuild: false });
  });

  test('every generated file that carries a marker names .projenrc.ts', () => {
    const p = project();
    synthFiles(p);
    const files: string[] = JSON.parse(fs.readFileSync(path.join(p.outdir, '.projen/files.json'), 'utf-8')).files;
    const text = (file: string) => fs.readFileSync(path.join(p.outdir, file), 'utf-8');
    const markers = files.flatMap((file) => text(file).split('\n')
      .filter((line) => line.includes('~~ Generated by projen')).map((line) => ({ file, line })));
    expect(markers.length).toBeGreaterThan(10);
    for (const file of files) expect({ file, js: text(file).includes('.projenrc.js') }).toEqual({ file, js: false });
    for (const { file, line } of markers) {
      expect({ file, line }).toEqual({ file, line: expect.stringMatching(/To modify, edit \.projenrc\.ts and run /) });
    }
  });
});

describe('the .projenrc.ts projen new writes', () => {
  test('shows the settings teams change most as commented lines with their defaults', () => {
    const rc: string = projenNew({ pjPrefix: 'team-a' })['.projenrc.ts'];
    const escaped = (text: string) => text.replace(/[[\]().*]/g, '\\$&');
    const commented = (option: string, value: string) => expect(rc).toMatch(new RegExp(`^  // ${option}: ${escaped(value)},  +/\\* .+ \\*/$`, 'm'));
    commented('region', '"ap-northeast-1"');
    commented('availabilityZones', '["ap-northeast-1a", "ap-northeast-1c"]');
    commented('instanceTypes', '["m6i.xlarge", "m6a.xlarge", "m5.xlarge", "m5a.xlarge", "m7i.xlarge"]');
    commented('capacityType', 'CapacityType.SPOT');
    commented('nodeDesiredSize', '2');
    commented('nodeMinSize', '1');
    commented('nodeMaxSize', '4');
    commented('adminPrincipalArns', '[]');
    commented('accountId', 'undefined');
    expect(rc).toContain('  pjPrefix: "team-a",\n');
    // The Kubernetes version is set, not commented: a later release of the product creates
    // new clusters on a newer version, and must not move this repository's cluster with it.
    expect(rc).toContain(`  kubernetesVersion: "${DEFAULT_KUBERNETES_VERSION}",\n`);
    // Only those: the other settings stay out of the way.
    expect(rc).not.toMatch(/\/\/ (vpcCidr|natGateways|dataVolumeSize|bottlerocket):/);
  });

  test('a setting given on the command line is set, and the defaults that follow from it are shown', () => {
    const rc: string = projenNew({ pjPrefix: 'team-a', region: 'eu-west-1', architecture: 'arm64' })['.projenrc.ts'];
    expect(rc).toContain('  region: "eu-west-1",\n');
    expect(rc).not.toContain('// region:');
    expect(rc).toContain('  architecture: NodeArchitecture.ARM64,\n');
    expect(rc).toMatch(/^ {2}\/\/ availabilityZones: \["eu-west-1a", "eu-west-1c"\],/m);
    expect(rc).toMatch(/^ {2}\/\/ instanceTypes: \["m7g\.xlarge", "m6g\.xlarge", "m8g\.xlarge", "m6gd\.xlarge", "m7gd\.xlarge"\],/m);
  });

  test('numeric-looking values of string options come back as strings, so .projenrc.ts type-checks', () => {
    const files = projenNew({ pjPrefix: 'team-a', name: 2024, description: 42 });
    expect(files['.projenrc.ts']).toContain('  name: "2024",\n');
    expect(files['.projenrc.ts']).toContain('  description: "42",\n');
    expect(files['package.json']).toMatchObject({ name: '2024', description: '42' });
  });

  test('any string option, and any array of strings, by its jsii type; numbers stay numbers', () => {
    const args: Record<string, unknown> = { clusterName: 12345, availabilityZones: [1, 'x'], nodeMaxSize: 6, cdkVersion: 2 };
    const options = fromProjenNew({ ...args, __new__: { args } }, ['node', 'projen', 'new', '--cluster-name', '012345', '--cdk-version=2']);
    expect(options).toMatchObject({ clusterName: '012345', availabilityZones: ['1', 'x'], nodeMaxSize: 6, cdkVersion: '2' });
    expect(args).toEqual({ clusterName: '012345', availabilityZones: ['1', 'x'], nodeMaxSize: 6, cdkVersion: '2' });
  });
});
