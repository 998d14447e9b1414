import * as fs from 'fs';
import * as path from 'path';
import { FakeAws } from 'bottlerocket-eks-test-support';
import { parse } from 'yaml';
import { tempDir } from './temp';
import { capture, NO_AWS, runAsync, runQuiet, runResult, withoutColours } from '../src/scaffold';
import { copySharedRepository, SHARED_PREFIX } from '../src/shared-repository';

jest.setTimeout(15 * 60 * 1000);

// The team repository's own tests (test/contract.test.ts, run by `npx projen test` and by the
// build after its synth) pass on a new repository and fail, readably, when the contract breaks.

const PREFIX = SHARED_PREFIX;


/**
 * The counts of the Node test runner's summary: `# tests 2` with the TAP reporter (Node 20's
 * default when the output is not a terminal), `ℹ tests 2` with spec (Node 24's default, in colour
 * under nx's FORCE_COLOR).
 */
function testSummary(output: string): Record<'tests' | 'pass' | 'fail', number | undefined> {
  const count = (name: string) => {
    const match = new RegExp(`^(?:#|ℹ) ${name} (\\d+)$`, 'm').exec(withoutColours(output));
    return match ? Number(match[1]) : undefined;
  };
  return { tests: count('tests'), pass: count('pass'), fail: count('fail') };
}

describe('a new team repository tests its stacks', () => {
  let dir = '';
  let buildOutput = '';

  beforeAll(() => {
    // A copy of the run's default repository, scaffolded and built once (test/global-setup.ts),
    // and what that build printed.
    ({ dir, buildOutput } = copySharedRepository(path.join(tempDir('e2e-team-tests'), 'team')));
    buildOutput = withoutColours(buildOutput);
  });

  test('projen new wrote the team\'s test file, and the build ran it after the synth: every test passed', () => {
    expect(fs.readFileSync(path.join(dir, 'test', 'contract.test.ts'), 'utf-8')).toContain('assertTeamContract');
    expect(testSummary(buildOutput)).toEqual({ tests: 2, pass: 2, fail: 0 });
    expect(buildOutput).toContain('wrote templates/nodegroup.yaml');
    // After the synth: the build's steps, in order (its output cannot say: the synth's lines go to
    // stderr, the tests' to stdout).
    const tasks = JSON.parse(fs.readFileSync(path.join(dir, '.projen', 'tasks.json'), 'utf-8')).tasks;
    const build: string[] = tasks.build.steps.map((step: { spawn?: string }) => step.spawn);
    expect(build.indexOf('post-compile')).toBeGreaterThan(-1);
    expect(build.indexOf('post-compile')).toBeLessThan(build.indexOf('test'));
  });

  test('`npx projen test` alone passes on the last synth', () => {
    expect(testSummary(runQuiet(dir, 'npx', ['projen', 'test'], NO_AWS))).toEqual({ tests: 2, pass: 2, fail: 0 });
  });

  test('a line deleted from templates/nodegroup.yaml fails `npx projen test`, saying which file and line', () => {
    const file = path.join(dir, 'templates', 'nodegroup.yaml');
    const original = fs.readFileSync(file, 'utf-8');
    const lines = original.split('\n');
    fs.writeFileSync(file, [...lines.slice(0, 2), ...lines.slice(3)].join('\n'));
    try {
      const { status, output: coloured } = runResult(dir, 'npx', ['projen', 'test'], NO_AWS);
      const output = withoutColours(coloured);
      expect(status).not.toBe(0);
      expect(testSummary(output)).toEqual({ tests: 2, pass: 1, fail: 1 });
      expect(output).toContain(`${file} differs from ${path.join(dir, 'cdk.out')} at line 3`);
      expect(output).toContain('Run `npx projen synth` and commit templates/.');
    } finally {
      fs.writeFileSync(file, original);
    }
  });

  test('a settings change without a new synth fails `npx projen test` with the contract\'s findings', () => {
    const rcFile = path.join(dir, '.projenrc.ts');
    const rc = fs.readFileSync(rcFile, 'utf-8');
    const prefixLine = `  pjPrefix: "${PREFIX}",\n`;
    expect(rc).toContain(prefixLine);
    fs.writeFileSync(rcFile, rc.replace(prefixLine, `${prefixLine}  availabilityZones: ["ap-northeast-1a", "ap-northeast-1d"],\n`));
    // Regenerates the settings file only: no synth.
    runQuiet(dir, 'npx', ['projen'], NO_AWS);
    const { status, output: coloured } = runResult(dir, 'npx', ['projen', 'test'], NO_AWS);
    const output = withoutColours(coloured);
    expect(status).not.toBe(0);
    expect(testSummary(output)).toEqual({ tests: 2, pass: 1, fail: 1 });
    expect(output).toContain('The stacks break the bottlerocket-eks contract');
    expect(output).toContain(`network stack ${PREFIX}-network: does not export ${PREFIX}-private-subnet-d.`);
    expect(output).toContain(`network stack ${PREFIX}-network: exports ${PREFIX}-private-subnet-c, which is not one of its export names`);
  });

  describe('with two environments in different accounts and regions', () => {
    const DEV = '111111111111';
    const PRD = '222222222222';
    const ENVIRONMENTS = `  environments: [\n    { name: "dev", accountId: "${DEV}", region: "eu-west-1", deployRoleArn: "arn:aws:iam::${DEV}:role/${PREFIX}-dev-github-deploy" },\n`
      + `    { name: "prd", accountId: "${PRD}", region: "us-east-1", nodeMaxSize: 10 },\n  ],\n`;
    const rcFile = () => path.join(dir, '.projenrc.ts');
    let output = '';

    beforeAll(() => {
      const prefixLine = `  pjPrefix: "${PREFIX}",\n`;
      // The one-environment settings of the tests above, then the environments.
      const rc = fs.readFileSync(rcFile(), 'utf-8').replace(/  availabilityZones: \[[^\]]*\],\n/, '');
      fs.writeFileSync(rcFile(), rc.replace(prefixLine, `${prefixLine}${ENVIRONMENTS}`));
      output = runQuiet(dir, 'npx', ['projen', 'build'], NO_AWS);
    });

    test('each synthesizes under its own prefix into cdk.out/<name> and templates/<name>/, and the team tests check both', () => {
      expect(testSummary(output)).toEqual({ tests: 4, pass: 4, fail: 0 });
      expect(fs.existsSync(path.join(dir, 'bottlerocket-eks.settings.json'))).toBe(false);
      for (const [name, account, region] of [['dev', DEV, 'eu-west-1'], ['prd', PRD, 'us-east-1']]) {
        const prefix = `${PREFIX}-${name}`;
        const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'cdk.out', name, 'manifest.json'), 'utf-8'));
        const stacks = Object.values<any>(manifest.artifacts).filter((a) => a.type === 'aws:cloudformation:stack');
        expect(stacks.map((a) => [a.properties.stackName, a.environment]).sort()).toEqual(['cluster', 'network', 'nodegroup']
          .map((kind) => [`${prefix}-${kind}`, `aws://${account}/${region}`]).sort());
        const network = parse(fs.readFileSync(path.join(dir, 'templates', name, 'network.yaml'), 'utf-8'));
        expect(network.Outputs.PrivateSubnetAId.Export.Name).toBe(`${prefix}-private-subnet-a`);
        expect(network.Resources.PrivateSubnetA.Properties.AvailabilityZone).toBe(`${region}a`);
        const nodegroup = parse(fs.readFileSync(path.join(dir, 'templates', name, 'nodegroup.yaml'), 'utf-8'));
        expect(nodegroup.Resources.ManagedNodeGroup.Properties.ClusterName).toEqual({ 'Fn::ImportValue': `${prefix}-cluster-name` });
        expect(nodegroup.Resources.ManagedNodeGroup.Properties.ScalingConfig.MaxSize).toBe(name === 'prd' ? 10 : 4);
        // CI deploys dev: its roles carry the boundary its deploy role template ships; prd's carry none.
        const boundaries = Object.values<any>(nodegroup.Resources).filter((r) => r.Type === 'AWS::IAM::Role').map((r) => JSON.stringify(r.Properties.PermissionsBoundary ?? null));
        expect(boundaries).toHaveLength(2);
        for (const boundary of boundaries) expect(boundary).toMatch(name === 'dev' ? new RegExp(`:policy/${prefix}-stack-roles-boundary`) : /^null$/);
      }
      // The templates of the one environment before are gone; the deploy role templates are each environment's.
      expect(fs.readdirSync(path.join(dir, 'templates')).sort()).toEqual(['dev', 'prd']);
      expect(fs.readdirSync(path.join(dir, 'templates', 'prd')).sort()).toEqual(['cluster.yaml', 'github-deploy-role.yaml', 'network.yaml', 'nodegroup.yaml']);
    });

    test('each environment deploys network -> cluster -> nodegroup (nx -c <name>)', () => {
      const file = path.join(dir, 'deploy-graph.json');
      capture(dir, 'npx', ['nx', 'run-many', '-t', 'deploy', '-c', 'prd', `--graph=${file}`]);
      const graph = JSON.parse(fs.readFileSync(file, 'utf-8'));
      fs.rmSync(file);
      const dependencies: Record<string, Array<{ id: string }>> = graph.tasks.dependencies;
      const deps = Object.fromEntries(Object.entries(dependencies).map(([task, on]) => [task, on.map((d) => d.id)]));
      expect(deps).toEqual({
        'network:synth:prd': [],
        'cluster:synth:prd': [],
        'nodegroup:synth:prd': [],
        'network:deploy:prd': ['network:synth:prd'],
        'cluster:deploy:prd': ['cluster:synth:prd', 'network:deploy:prd'],
        'nodegroup:deploy:prd': ['nodegroup:synth:prd', 'cluster:deploy:prd'],
      });
    });

    test('the preflight of each environment refuses credentials of the other account; without an environment, it lists them', async () => {
      const aws = new FakeAws({ AKIADEVACCOUNT000001: { account: DEV, arn: `arn:aws:iam::${DEV}:user/alice` } });
      const endpoint = await aws.start();
      try {
        const env = (region: string) => ({
          AWS_ENDPOINT_URL: endpoint,
          AWS_ACCESS_KEY_ID: 'AKIADEVACCOUNT000001',
          AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
          AWS_REGION: region,
          AWS_PROFILE: '',
          AWS_CONFIG_FILE: path.join(dir, 'no-aws-config'),
          AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'no-aws-credentials'),
          AWS_EC2_METADATA_DISABLED: 'true',
        });
        const dev = await runAsync(dir, 'npx', ['projen', 'preflight:dev'], env('eu-west-1'));
        expect(dev.status).toBe(0);
        expect(dev.output).toContain(`${PREFIX}-dev-network, ${PREFIX}-dev-cluster, ${PREFIX}-dev-nodegroup`);
        const prd = await runAsync(dir, 'npx', ['projen', 'deploy:prd'], env('us-east-1'));
        expect(prd.status).not.toBe(0);
        expect(prd.output).toContain(`Preflight failed (ACCOUNT_MISMATCH): The credentials are for account ${DEV}, but the team's accountId is ${PRD}.`);
        expect(prd.output).not.toContain('nx run-many -t deploy');
        const none = await runAsync(dir, 'npx', ['projen', 'deploy'], env('eu-west-1'));
        expect(none.status).not.toBe(0);
        expect(none.output).toContain('This repository has several environments (dev, prd): choose one with --environment <name>');
      } finally {
        await aws.stop();
      }
    });

    test('taking an environment out of .projenrc.ts removes its files and nothing else', () => {
      const files = () => listFiles(dir).filter((f) => !/^(node_modules|cdk\.out|\.nx)\//.test(f));
      const before = files();
      fs.writeFileSync(rcFile(), fs.readFileSync(rcFile(), 'utf-8').replace(/    \{ name: "prd"[^\n]*\n/, ''));
      runQuiet(dir, 'npx', ['projen', 'build'], NO_AWS);
      const prd = ['bottlerocket-eks.prd.settings.json', ...['cluster', 'github-deploy-role', 'network', 'nodegroup'].map((f) => `templates/prd/${f}.yaml`)];
      expect(files()).toEqual(before.filter((f) => !prd.includes(f)));
      expect(fs.readFileSync(path.join(dir, 'templates', 'dev', 'network.yaml'), 'utf-8')).toContain(`${PREFIX}-dev-private-subnet-a`);
    });
  });
});

/** Every file below `dir`, relative and sorted. */
function listFiles(dir: string, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full, base) : [path.relative(base, full)];
  }).sort();
}

