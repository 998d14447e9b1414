import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { parse } from 'yaml';
import { tempDir } from './temp';
import { teamAppProps } from '../src';
import { main } from '../src/cli';
import { cliContext } from '../src/synth/team-synth';
import { assertTeamContract, assertTemplatesUpToDate, teamDeployments } from '../src/testing';

// A team app as projen writes it (src/main.ts), run as its own process like the CDK CLI runs it.
const TSX = pathToFileURL(require.resolve('tsx')).href;
const SRC = path.join(__dirname, '..', 'src');

function runApp(settings: object, env: Record<string, string> = {}): Promise<{ status: number; output: string; outdir: string }> {
  const dir = tempDir('app');
  fs.writeFileSync(path.join(dir, 'bottlerocket-eks.settings.json'), JSON.stringify(settings));
  const mainFile = path.join(dir, 'main.ts');
  fs.writeFileSync(mainFile, `import { NodegroupStack, synthApp } from ${JSON.stringify(SRC)};\n`
    + "synthApp((app, settings) => new NodegroupStack(app, 'Nodegroup', { settings }));\n");
  const outdir = path.join(dir, 'cdk.out');
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', TSX, mainFile], { cwd: dir, env: { ...process.env, CDK_OUTDIR: outdir, ...env } },
      (error, stdout, stderr) => resolve({ status: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}`, outdir }));
  });
}

jest.setTimeout(60_000);

test('synthApp reads the settings file and synthesizes, without the built-in validation by default', async () => {
  const { status, outdir } = await runApp({ pjPrefix: 'team-a' });
  expect(status).toBe(0);
  expect(JSON.parse(fs.readFileSync(path.join(outdir, 'Nodegroup.template.json'), 'utf-8')).Resources.ManagedNodeGroup.Type).toBe('AWS::EKS::Nodegroup');
  expect(fs.existsSync(path.join(outdir, 'validation-report.json'))).toBe(false);
});

test('BOTTLEROCKET_EKS_VALIDATE=1 turns the built-in CloudFormation validation on', async () => {
  expect(teamAppProps({})).toEqual({ builtinCloudFormationValidation: false });
  expect(teamAppProps({ BOTTLEROCKET_EKS_VALIDATE: '1' })).toEqual({ builtinCloudFormationValidation: true });
  const { status, outdir } = await runApp({ pjPrefix: 'team-a' }, { BOTTLEROCKET_EKS_VALIDATE: '1' });
  expect(status).toBe(0);
  expect(fs.readdirSync(outdir)).toContain('Nodegroup.template.json');
});

test('a bad setting found at synth prints one line and exits 1, no stack trace', async () => {
  const { status, output } = await runApp({ pjPrefix: 'team-a', bottlerocket: { extraToml: '[settings' } });
  expect(status).toBe(1);
  expect(output.trim().split('\n')).toEqual([expect.stringMatching(/^Invalid bottlerocket.extraToml "\[settings": expected TOML that parses/)]);
});

test('synthApps puts several team apps into one App: one process synthesizes every stack', async () => {
  const dir = tempDir('apps');
  fs.writeFileSync(path.join(dir, 'bottlerocket-eks.settings.json'), JSON.stringify({ pjPrefix: 'team-a' }));
  const mains = ['Network', 'Cluster', 'Nodegroup'].map((name) => {
    const file = path.join(dir, `${name.toLowerCase()}.ts`);
    fs.writeFileSync(file, `import { ${name}Stack, synthApp } from ${JSON.stringify(SRC)};\n`
      + `synthApp((app, settings) => new ${name}Stack(app, '${name}', { settings }));\n`);
    return file;
  });
  const outdir = path.join(dir, 'cdk.out');
  const status = await new Promise<number>((resolve) => {
    execFile(process.execPath, ['--import', TSX, path.join(SRC, 'all-apps.ts'), ...mains], { cwd: dir, env: { ...process.env, CDK_OUTDIR: outdir } },
      (error) => resolve(error ? Number(error.code ?? 1) : 0));
  });
  expect(status).toBe(0);
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf-8'));
  const stacks = Object.values<any>(manifest.artifacts).filter((a) => a.type === 'aws:cloudformation:stack').map((a) => a.properties.stackName);
  expect(stacks.sort()).toEqual(['team-a-cluster', 'team-a-network', 'team-a-nodegroup']);

  // ... and templates-from writes each as templates/<kind>.yaml, equal to its template.
  const out: string[] = [];
  const io = { out: { write: (t: string) => out.push(t) }, err: { write: (t: string) => out.push(t) }, env: {} };
  const templates = path.join(dir, 'templates');
  expect(await main(['templates-from', outdir, templates], io)).toBe(0);
  expect(fs.readdirSync(templates).sort()).toEqual(['cluster.yaml', 'network.yaml', 'nodegroup.yaml']);
  const written = parse(fs.readFileSync(path.join(templates, 'nodegroup.yaml'), 'utf-8'));
  expect(written).toEqual(JSON.parse(fs.readFileSync(path.join(outdir, 'Nodegroup.template.json'), 'utf-8')));
  expect(await main(['templates-from', path.join(dir, 'missing'), templates], io)).toBe(2);
});

test('without the CDK CLI, all-apps --output writes the same assembly the CLI writes, fresh, and --templates the templates', async () => {
  const dir = tempDir('direct');
  fs.writeFileSync(path.join(dir, 'bottlerocket-eks.settings.json'), JSON.stringify({ pjPrefix: 'team-a' }));
  // The context of the team's cdk.json (its feature flags) reaches the app as through the CLI.
  fs.writeFileSync(path.join(dir, 'cdk.json'), JSON.stringify({ context: { '@aws-cdk/core:checkSecretUsage': true } }));
  expect(cliContext(dir)).toMatchObject({ '@aws-cdk/core:checkSecretUsage': true, 'aws:cdk:enable-path-metadata': true });
  const mains = ['Network', 'Cluster', 'Nodegroup'].map((name) => {
    const file = path.join(dir, `${name.toLowerCase()}.ts`);
    fs.writeFileSync(file, `import { ${name}Stack, synthApp } from ${JSON.stringify(SRC)};\n`
      + `synthApp((app, settings) => new ${name}Stack(app, '${name}', { settings }));\n`);
    return file;
  });
  const run = (command: string, args: string[]) => new Promise<{ status: number; output: string }>((resolve) => {
    execFile(command, args, { cwd: dir, env: { ...process.env, CDK_OUTDIR: undefined } },
      (error, stdout, stderr) => resolve({ status: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` }));
  });
  const app = [process.execPath, '--import', TSX, path.join(SRC, 'all-apps.ts')];
  const cli = await run(process.execPath, [require.resolve('aws-cdk/bin/cdk'), '--no-notices', 'synth', '--quiet', '--output', 'cli.out',
    '--app', [...app, ...mains].join(' ')]);
  expect(cli).toMatchObject({ status: 0 });

  // A stale template of an earlier synth must not survive.
  fs.mkdirSync(path.join(dir, 'cdk.out'));
  fs.writeFileSync(path.join(dir, 'cdk.out', 'Old.template.json'), '{}');
  const direct = await run(app[0], [...app.slice(1), '--output', 'cdk.out', '--templates', 'templates', ...mains]);
  expect(direct).toEqual({ status: 0, output: ['network', 'cluster', 'nodegroup'].map((kind) => `wrote templates/${kind}.yaml\n`).join('') });
  for (const name of ['Network', 'Cluster', 'Nodegroup']) {
    const template = (out: string) => fs.readFileSync(path.join(dir, out, `${name}.template.json`), 'utf-8');
    expect(template('cdk.out')).toBe(template('cli.out'));
  }
  const manifest = (out: string) => JSON.parse(fs.readFileSync(path.join(dir, out, 'manifest.json'), 'utf-8'));
  expect(manifest('cdk.out')).toEqual(manifest('cli.out'));
  expect(fs.existsSync(path.join(dir, 'cdk.out', 'Old.template.json'))).toBe(false);
  expect(fs.readdirSync(path.join(dir, 'templates')).sort()).toEqual(['cluster.yaml', 'network.yaml', 'nodegroup.yaml']);

  // Templates without an assembly folder are a usage error, as is no app.
  expect(await run(app[0], [...app.slice(1), '--templates', 'templates', ...mains])).toMatchObject({ status: 2 });
  expect(await run(app[0], [...app.slice(1), '--output', 'cdk.out'])).toMatchObject({ status: 2 });
});

test('--environments synthesizes each environment into its own assembly and templates; --prune removes the templates no deployment wrote', async () => {
  const dir = tempDir('environments');
  const write = (file: string, content: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  };
  write('bottlerocket-eks.dev.settings.json', JSON.stringify({ pjPrefix: 'team-a-dev', region: 'eu-west-1' }));
  write('bottlerocket-eks.prd.settings.json', JSON.stringify({ pjPrefix: 'team-a-prd', region: 'us-east-1', nodeMaxSize: 10 }));
  // What an earlier synth left: the one environment before there were several, an environment since removed.
  write('templates/network.yaml', 'old');
  write('templates/old/cluster.yaml', 'old');
  write('templates/old/notes.md', 'ours');
  write('templates/github-deploy-role.yaml', 'projen writes this one');
  const mains = ['Network', 'Cluster', 'Nodegroup'].map((name) => {
    const file = path.join(dir, `${name.toLowerCase()}.ts`);
    fs.writeFileSync(file, `import { ${name}Stack, synthApp } from ${JSON.stringify(SRC)};\n`
      + `synthApp((app, settings) => new ${name}Stack(app, '${name}', { settings }));\n`);
    return file;
  });
  const status = await new Promise<number>((resolve) => {
    execFile(process.execPath, ['--import', TSX, path.join(SRC, 'all-apps.ts'), '--environments', 'dev,prd', '--output', 'cdk.out', '--templates', 'templates',
      '--prune', ...mains], { cwd: dir, env: { ...process.env, CDK_OUTDIR: undefined } }, (error) => resolve(error ? Number(error.code ?? 1) : 0));
  });
  expect(status).toBe(0);
  const stackNames = (environment: string) => Object.values<any>(JSON.parse(fs.readFileSync(path.join(dir, 'cdk.out', environment, 'manifest.json'), 'utf-8')).artifacts)
    .filter((a) => a.type === 'aws:cloudformation:stack').map((a) => a.properties.stackName).sort();
  expect(stackNames('dev')).toEqual(['team-a-dev-cluster', 'team-a-dev-network', 'team-a-dev-nodegroup']);
  expect(stackNames('prd')).toEqual(['team-a-prd-cluster', 'team-a-prd-network', 'team-a-prd-nodegroup']);
  const listing = (folder: string) => fs.readdirSync(path.join(dir, folder)).sort();
  expect(listing('templates')).toEqual(['dev', 'github-deploy-role.yaml', 'old', 'prd']);
  expect(listing('templates/old')).toEqual(['notes.md']);
  expect(listing('templates/prd')).toEqual(['cluster.yaml', 'network.yaml', 'nodegroup.yaml']);

  // The team's tests find both deployments, and both keep the contract.
  const deployments = teamDeployments(dir);
  expect(deployments.map((d) => [d.name, d.settings.pjPrefix])).toEqual([['dev', 'team-a-dev'], ['prd', 'team-a-prd']]);
  for (const deployment of deployments) {
    assertTeamContract(deployment.assembly, deployment.settings);
    assertTemplatesUpToDate(deployment.assembly, deployment.templates);
  }
});
