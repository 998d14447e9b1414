import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { teamAppProps } from '../src';

// A team app as projen writes it (src/main.ts), run as its own process like the CDK CLI runs it.
const TSX = pathToFileURL(require.resolve('tsx')).href;
const SRC = path.join(__dirname, '..', 'src');

function runApp(settings: object, env: Record<string, string> = {}): Promise<{ status: number; output: string; outdir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bottlerocket-eks-app-'));
  fs.writeFileSync(path.join(dir, 'bottlerocket-eks.settings.json'), JSON.stringify(settings));
  const main = path.join(dir, 'main.ts');
  fs.writeFileSync(main, `import { NodegroupStack, synthApp } from ${JSON.stringify(SRC)};\n`
    + "synthApp((app, settings) => new NodegroupStack(app, 'Nodegroup', settings));\n");
  const outdir = path.join(dir, 'cdk.out');
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', TSX, main], { cwd: dir, env: { ...process.env, CDK_OUTDIR: outdir, ...env } },
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
