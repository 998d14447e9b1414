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
      command: 'node ../../node_modules/bottlerocket-eks-stacks/lib/all-apps.js --environment prd --output cdk.out/prd '
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

describe('the README of a repository of two environments', () => {
  const readme: string = Testing.synth(project({ environments: [DEV, { ...PRD, deployEnvironment: 'production' }] }))['README.md'];
  const section = (title: string) => readme.slice(readme.indexOf(`\n## ${title}\n`) + 1, readme.indexOf('\n## ', readme.indexOf(`\n## ${title}\n`) + 1));

  test('is titled by the top-level prefix and draws the stacks once, <prefix> standing for each environment\'s', () => {
    expect(readme.startsWith('# team-a: Bottlerocket on EKS\n')).toBe(true);
    expect(readme).toContain('network -- "#60;prefix#62;-private-subnet-#60;zone#62;" --> cluster');
    expect(readme).toContain('cluster -- "#60;prefix#62;-cluster-name" --> nodegroup');
    expect(readme).not.toContain('team-a-dev-private-subnet-a<br/>');
  });

  test('tables the environments: prefix, account, region and the settings each sets itself (not its CI options)', () => {
    const environments = section('Environments');
    expect(environments).toContain('| dev | team-a-dev | 111111111111 | eu-west-1 | `accountId` |');
    expect(environments).toContain('| prd | team-a-prd | 222222222222 | us-east-1 | `accountId`, `region`, `nodeMaxSize` |');
    expect(environments).toContain([
      '# prd (team-a-prd)', 'npx projen preflight:prd', 'npx projen diff:prd', 'npx projen deploy:prd', 'npx nx deploy cluster -c prd',
      'npx projen destroy:prd --confirm=team-a-prd',
    ].join('\n'));
  });

  test('the commands table names the per-environment tasks; the plain ones refuse', () => {
    const commands = section('Commands');
    expect(commands).toContain('| `npx projen deploy:<name>` |');
    expect(commands).toContain('| `npx projen destroy:<name> --confirm=<prefix>` |');
    expect(commands).toContain('| `npx nx deploy cluster -c <name>` |');
    expect(commands).not.toContain('| `npx projen deploy` |');
  });

  test('the sections of one deployment\'s values say they show the first environment, with its commands', () => {
    for (const title of ['Deploy', 'Cluster', 'Node groups']) {
      expect(section(title)).toContain('Values of the first environment, dev (`team-a-dev`): see [Environments](#environments) for the others.');
    }
    expect(section('Deploy')).toContain('npx projen destroy:dev --confirm=team-a-dev');
    expect(section('Deploy')).toContain('npx projen deploy:dev        # team-a-dev-network, then team-a-dev-cluster, then team-a-dev-nodegroup');
  });

  test('the exports are named by <prefix>; no placeholder is left outside code, where Markdown would take it for a tag', () => {
    expect(section('Exports')).toContain('| `<prefix>-private-subnet-<zone letter>` | `<prefix>-network` | `<prefix>-cluster`, `<prefix>-nodegroup` |');
    let code = false;
    for (const line of readme.split('\n')) {
      if (line.startsWith('```')) code = !code;
      else if (!code) expect(line.replace(/`[^`]*`/g, '')).not.toMatch(/<(prefix|name|zone)/);
    }
  });

  test('changing settings later: adding, removing (destroy first) and reordering environments', () => {
    const changing = section('Changing settings later');
    expect(changing).toContain('| `environments` (add one) | a new deployment');
    expect(changing).toContain('its stacks stay deployed, and no task of this repository reaches them any more | run `npx projen destroy:<name> --confirm=<prefix>` BEFORE removing it');
    expect(changing).toContain('| `environments` (reorder) |');
    expect(changing).toContain('`npx nx destroy cluster -c <name> --confirm=<prefix>`');
  });

  test('without environments, none of it', () => {
    const plain: string = Testing.synth(project())['README.md'];
    for (const text of ['## Environments', 'Values of the first environment', '<prefix>', '#60;prefix#62;', 'deploy:<name>']) expect(plain).not.toContain(text);
  });

  test('the layout names the per-environment files', () => {
    const layout = section('Layout');
    expect(layout).toContain('| `bottlerocket-eks.<name>.settings.json` | projen |');
    expect(layout).toContain('| `templates/<name>/<stack>.yaml` | build |');
    expect(layout).toContain('`templates/<name>/github-deploy-role.yaml`');
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
