import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'projen/lib/testing';
import { synthFiles } from './synth-files';
import { tempDir } from './temp';
import { BottlerocketEksProject, BottlerocketEksProjectOptions, TeamEnvironment } from '../src';

const DEV: TeamEnvironment = { name: 'dev', accountId: '111111111111' };
const PRD: TeamEnvironment = { name: 'prd', accountId: '222222222222', region: 'us-east-1', nodeMaxSize: 10 };

function project(options: Partial<BottlerocketEksProjectOptions> = {}, outdir = tempDir('environments')): BottlerocketEksProject {
  return new BottlerocketEksProject({ name: 'team-a', defaultReleaseBranch: 'main', pjPrefix: 'team-a', region: 'eu-west-1', outdir, ...options });
}

describe('a repository of two environments', () => {
  const out = Testing.synth(project({ environments: [DEV, PRD] }));
  const tasks = out['.projen/tasks.json'].tasks;

  test('each environment has its settings file: the top level with its settings over it, and its prefix', () => {
    expect(out['bottlerocket-eks.settings.json']).toBeUndefined();
    const settings = (name: string) => { const { '//': _, ...rest } = out[`bottlerocket-eks.${name}.settings.json`]; return rest; };
    expect(settings('dev')).toEqual({ pjPrefix: 'team-a-dev', region: 'eu-west-1', accountId: '111111111111' });
    expect(settings('prd')).toMatchObject({ pjPrefix: 'team-a-prd', region: 'us-east-1', accountId: '222222222222', nodeMaxSize: 10 });
  });

  test('one synth writes cdk.out/<name> and templates/<name> of each; every command takes the environment', () => {
    expect(tasks.synth.steps).toEqual([{ exec: expect.stringMatching(/all-apps\.js --environments dev,prd --output cdk\.out --templates templates --prune /) }]);
    for (const name of ['dev', 'prd']) {
      expect(tasks[`preflight:${name}`].steps).toEqual([{ exec: `bottlerocket-eks preflight --environment ${name}`, receiveArgs: true }]);
      expect(tasks[`deploy:${name}`].steps).toEqual([
        { spawn: 'synth' },
        { exec: `bottlerocket-eks preflight --environment ${name} --assembly cdk.out/${name}` },
        { exec: `nx run-many -t deploy -c ${name} --parallel=1 --nxBail --outputStyle=stream` },
      ]);
      expect(tasks[`diff:${name}`].steps[2].exec).toBe(`nx run-many -t diff -c ${name} --parallel=1 --nxBail --outputStyle=stream`);
      expect(tasks[`destroy:${name}`].steps[0]).toEqual({ exec: `bottlerocket-eks preflight --environment ${name} --destroy`, receiveArgs: true });
    }
    // The plain ones stay: without an environment the preflight refuses, listing them.
    expect(tasks.deploy.steps[1]).toEqual({ exec: 'bottlerocket-eks preflight --assembly cdk.out' });
  });

  test('each stack app has an nx configuration per environment: npx nx deploy cluster -c prd', () => {
    const targets = out['packages/cluster/project.json'].targets;
    expect(targets.synth.configurations.prd).toEqual({
      command: 'node --import tsx ../../node_modules/bottlerocket-eks-stacks/lib/all-apps.js --environment prd --output cdk.out/prd '
        + '--templates ../../templates/prd src/main.ts',
      cwd: 'packages/cluster',
      env: { BOTTLEROCKET_EKS_ENVIRONMENT: 'prd' },
    });
    expect(targets.deploy.configurations.dev.commands).toEqual([
      { command: 'bottlerocket-eks preflight --brief --environment dev --assembly cdk.out/dev', forwardAllArgs: false },
      { command: 'cdk --no-notices deploy --all --require-approval never --progress events --app cdk.out/dev', forwardAllArgs: true },
    ]);
    expect(Object.keys(targets.destroy.configurations)).toEqual(['dev', 'prd']);
    expect(targets.synth.outputs).toEqual(['{projectRoot}/cdk.out', '{workspaceRoot}/templates/dev/cluster.yaml', '{workspaceRoot}/templates/prd/cluster.yaml']);
    expect(out['nx.json'].namedInputs.sharedGlobals).toEqual(expect.arrayContaining([
      '{workspaceRoot}/bottlerocket-eks.dev.settings.json', '{workspaceRoot}/bottlerocket-eks.prd.settings.json', { env: 'BOTTLEROCKET_EKS_ENVIRONMENT' },
    ]));
  });

  test('taking an environment out of .projenrc.ts removes its generated files and nothing else', () => {
    const dir = tempDir('environment-removed');
    synthFiles(project({ environments: [DEV, PRD] }, dir));
    fs.writeFileSync(path.join(dir, 'notes.md'), 'ours');
    const before = fs.readdirSync(dir).sort();
    synthFiles(project({ environments: [DEV] }, dir));
    expect(fs.readdirSync(dir).sort()).toEqual(before.filter((f) => f !== 'bottlerocket-eks.prd.settings.json'));
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'packages/cluster/project.json'), 'utf-8')).targets.deploy.configurations).toEqual({
      dev: expect.anything(),
    });
  });
});

describe('environments refused at npx projen', () => {
  test.each<[string, Partial<BottlerocketEksProjectOptions>, string | RegExp]>([
    ['two of one name', { environments: [DEV, { ...PRD, name: 'dev' }] }, 'Invalid environments[1].name "dev": expected a name no other environment has (dev has it).'],
    ['two of one prefix', { environments: [DEV, { ...PRD, pjPrefix: 'team-a-dev' }] },
      'Invalid environments[1].pjPrefix "team-a-dev": expected a pjPrefix no other environment has (dev has it).'],
    ['a setting that does not exist', { environments: [{ ...DEV, nodeMaxSzie: 3 } as TeamEnvironment] },
      'Invalid environments[0].nodeMaxSzie 3: expected a known option (did you mean environments[0].nodeMaxSize?).'],
    ['a bad value inside one', { environments: [DEV, { ...PRD, nodeMinSize: 20 }] }, /^In environment prd: Invalid nodeMaxSize 10: expected a whole number from max\(1, nodeMinSize = 20\)/],
    ['a bad deploy role of one', { environments: [{ ...DEV, deployRoleArn: 'role/deploy' }] }, /^Invalid environments\[0\]\.deployRoleArn "role\/deploy": expected an IAM role ARN/],
  ])('%s', (_name, options, message) => {
    expect(() => project(options)).toThrow(message);
  });
});
