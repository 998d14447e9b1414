import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { parse } from 'yaml';
import { tempDir } from './temp';
import { teamAppProps } from '../src';
import { main } from '../src/cli';

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
