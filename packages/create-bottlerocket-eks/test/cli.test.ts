import * as fs from 'fs';
import * as path from 'path';
import { removeTempDir, tempDir } from './temp';
import { CliIo, RunFunction, installedProjen, main, ownVersion } from '../src/cli';
import { OPTIONS, flagOf } from '../src/options';

interface Call { command: string; args: string[]; cwd: string }

/** A run that records its calls and, like projen, writes into the target before exiting with `code`. */
function fakeRun(code: number | Error): { run: RunFunction; calls: Call[] } {
  const calls: Call[] = [];
  const run: RunFunction = async (command, args, cwd) => {
    calls.push({ command, args, cwd });
    fs.writeFileSync(path.join(cwd, '.projenrc.ts'), '// half written');
    if (code instanceof Error) throw code;
    return code;
  };
  return { run, calls };
}

let tmp: string;
let stdout: string;
let stderr: string;
let io: CliIo;

beforeEach(() => {
  tmp = tempDir('create-cli');
  stdout = '';
  stderr = '';
  io = { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, env: {}, cwd: tmp };
});

afterEach(() => {
  removeTempDir(tmp);
});

const version = ownVersion();

describe('a successful run', () => {
  test('runs projen new in ./<pj-prefix> with the default spec', async () => {
    const { run, calls } = fakeRun(0);
    const code = await main(['--pj-prefix', 'team-a', '--region', 'us-east-1', '--no-git'], io, run);

    expect(code).toBe(0);
    const projen = installedProjen();
    expect(projen.bin).toBe(require.resolve('projen/bin/projen'));
    expect(projen.version).toBe('0.103.25');
    expect(calls).toEqual([{
      command: process.execPath,
      args: [
        projen.bin, 'new', '--from', `projen-bottlerocket-eks@${version}`, 'bottlerocket-eks',
        '--projen-version', projen.version, '--pj-prefix', 'team-a', '--region', 'us-east-1', '--no-git',
      ],
      cwd: path.join(tmp, 'team-a'),
    }]);
    // run returning 0 keeps what projen wrote
    expect(fs.readdirSync(path.join(tmp, 'team-a'))).toEqual(['.projenrc.ts']);
    expect(stderr).toBe('');
  });

  test('positional target directory, created recursively', async () => {
    const { run, calls } = fakeRun(0);
    expect(await main(['nested/repo', '--pj-prefix', 'team-a'], io, run)).toBe(0);
    expect(calls[0].cwd).toBe(path.join(tmp, 'nested', 'repo'));
    expect(fs.existsSync(path.join(tmp, 'nested', 'repo', '.projenrc.ts'))).toBe(true);
  });

  test('an existing empty directory is used', async () => {
    fs.mkdirSync(path.join(tmp, 'empty'));
    const { run, calls } = fakeRun(0);
    expect(await main(['empty', '--pj-prefix', 'team-a'], io, run)).toBe(0);
    expect(calls[0].cwd).toBe(path.join(tmp, 'empty'));
  });

  test('--from wins over the environment variable, which wins over the default', async () => {
    const env = { CREATE_BOTTLEROCKET_EKS_FROM: 'projen-bottlerocket-eks@file:/abs/env.tgz' };

    const fromEnv = fakeRun(0);
    await main(['a', '--pj-prefix', 'team-a'], { ...io, env }, fromEnv.run);
    expect(fromEnv.calls[0].args.slice(1, 5)).toEqual(['new', '--from', 'projen-bottlerocket-eks@file:/abs/env.tgz', 'bottlerocket-eks']);

    const fromFlag = fakeRun(0);
    await main(['b', '--pj-prefix', 'team-a', '--from', 'projen-bottlerocket-eks@file:/abs/flag.tgz'], { ...io, env }, fromFlag.run);
    expect(fromFlag.calls[0].args.slice(1, 5)).toEqual(['new', '--from', 'projen-bottlerocket-eks@file:/abs/flag.tgz', 'bottlerocket-eks']);
    // consumed, not passed twice
    expect(fromFlag.calls[0].args.filter((a) => a === '--from')).toHaveLength(1);
  });
});

describe('a failed projen run', () => {
  test('removes the directory it created and propagates the exit code', async () => {
    const { run, calls } = fakeRun(3);
    const code = await main(['--pj-prefix', 'team-a'], io, run);
    expect(calls).toHaveLength(1);
    expect(code).toBe(3);
    expect(fs.existsSync(path.join(tmp, 'team-a'))).toBe(false);
    expect(stderr).toContain('exit code 3');
  });

  test('removes the topmost directory it created', async () => {
    const { run } = fakeRun(1);
    expect(await main(['x/y/z', '--pj-prefix', 'team-a'], io, run)).toBe(1);
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  test('empties a directory that existed (empty) before, and keeps it', async () => {
    fs.mkdirSync(path.join(tmp, 'empty'));
    const { run } = fakeRun(2);
    expect(await main(['empty', '--pj-prefix', 'team-a'], io, run)).toBe(2);
    expect(fs.readdirSync(path.join(tmp, 'empty'))).toEqual([]);
  });

  test('a run that cannot start is cleaned up too', async () => {
    const { run } = fakeRun(new Error('spawn ENOENT'));
    expect(await main(['--pj-prefix', 'team-a'], io, run)).toBe(1);
    expect(fs.existsSync(path.join(tmp, 'team-a'))).toBe(false);
    expect(stderr).toContain('spawn ENOENT');
  });
});

describe('refusals: exit 1, nothing created, projen never run', () => {
  async function refused(argv: string[]): Promise<string> {
    const { run, calls } = fakeRun(0);
    const before = fs.readdirSync(tmp).sort();
    const code = await main(argv, io, run);
    expect(code).toBe(1);
    expect(calls).toHaveLength(0);
    expect(fs.readdirSync(tmp).sort()).toEqual(before);
    expect(stderr).toMatch(/^create-bottlerocket-eks: /);
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
    return stderr;
  }

  test('bad prefix names the option, the value and the flag', async () => {
    const message = await refused(['--pj-prefix', 'Team_A']);
    expect(message).toContain('Invalid pjPrefix "Team_A": expected');
    expect(message).toContain('(--pj-prefix)');
  });

  test('min > max', async () => {
    const message = await refused(['--pj-prefix', 'team-a', '--node-min-size', '5', '--node-max-size', '3']);
    expect(message).toContain('Invalid nodeMaxSize 3');
    expect(message).toContain('(--node-max-size)');
  });

  test('Graviton instance type on x86_64', async () => {
    const message = await refused(['--pj-prefix', 'team-a', '--instance-types', 'm6i.xlarge,m7g.xlarge']);
    expect(message).toContain('Invalid instanceTypes "m7g.xlarge"');
    expect(message).toContain('x86_64');
    expect(message).toContain('(--instance-types)');
  });

  test('a number that does not parse is reported as typed', async () => {
    const message = await refused(['--pj-prefix', 'team-a', '--nat-gateways', 'two']);
    expect(message).toContain('Invalid natGateways "two"');
    expect(message).toContain('(--nat-gateways)');
  });

  test('a bad enum value', async () => {
    const message = await refused(['--pj-prefix', 'team-a', '--capacity-type', 'spot']);
    expect(message).toContain('Invalid capacityType "spot": expected one of SPOT, ON_DEMAND');
  });

  test('missing --pj-prefix', async () => {
    const message = await refused(['--region', 'us-east-1']);
    expect(message).toContain('--pj-prefix');
    expect(message).toContain('missing');
  });

  test('malformed command line', async () => {
    const message = await refused(['--pj-prefix', 'team-a', '--region']);
    expect(message).toBe('create-bottlerocket-eks: --region needs a value. Run with --help for usage.\n');
  });

  test('a camelCase flag is validated like its kebab-case form', async () => {
    const message = await refused(['--pjPrefix', 'Team_A', '--no-git']);
    expect(message).toContain('Invalid pjPrefix "Team_A": expected');
    expect(message).toContain('(--pj-prefix)');
  });

  test('missing --pj-prefix, with a misspelt one: did you mean', async () => {
    const message = await refused(['--pj-prefx', 'team-a', '--no-git']);
    expect(message).toContain('missing required option --pj-prefix');
    expect(message).toContain('--pj-prefx is not a flag of this command: did you mean --pj-prefix?');
  });

  test('a settings error, with a misspelt flag of that setting: did you mean', async () => {
    // the misspelt flag goes to projen, so the default nodeMaxSize (4) is below the minimum
    const message = await refused(['--pj-prefix', 'team-a', '--node-min-size', '5', '--node-max-szie', '8']);
    expect(message).toContain('Invalid nodeMaxSize 4');
    expect(message).toContain('(--node-max-size; --node-max-szie is not a flag of this command: did you mean --node-max-size?)');
  });

  test('no hint for unknown flags unlike the setting at fault', async () => {
    const message = await refused(['--region', 'us-east-1', '--no-git', '--package-manager', 'npm']);
    expect(message).toBe('create-bottlerocket-eks: missing required option --pj-prefix (the project prefix, e.g. --pj-prefix team-a).'
      + ' Run with --help for usage.\n');
  });

  test('non-empty target directory', async () => {
    fs.mkdirSync(path.join(tmp, 'team-a'));
    fs.writeFileSync(path.join(tmp, 'team-a', 'keep.txt'), 'mine');
    const message = await refused(['--pj-prefix', 'team-a']);
    expect(message).toContain('not empty');
    expect(fs.readFileSync(path.join(tmp, 'team-a', 'keep.txt'), 'utf8')).toBe('mine');
  });

  test('target is a file', async () => {
    fs.writeFileSync(path.join(tmp, 'file'), '');
    const message = await refused(['file', '--pj-prefix', 'team-a']);
    expect(message).toContain('not a directory');
  });
});

describe('--help and --version', () => {
  test('--help lists every known flag with its default, --from and the env variable', async () => {
    const { run, calls } = fakeRun(0);
    expect(await main(['--help'], io, run)).toBe(0);
    expect(calls).toHaveLength(0);
    for (const option of OPTIONS) expect(stdout).toContain(flagOf(option));
    for (const text of [
      'target-dir', '--from', 'CREATE_BOTTLEROCKET_EKS_FROM', `projen-bottlerocket-eks@${version}`, 'Example',
      'ap-northeast-1', '10.0.0.0/16', '<pj-prefix>-cluster', '1.35', '0.0.0.0/0', 'm6i.xlarge', 'm7g.xlarge',
      'SPOT', 'x86_64', 'any account',
    ]) {
      expect(stdout).toContain(text);
    }
    expect(stdout).toMatch(/--node-desired-size.*default: 2/);
    expect(stdout).toMatch(/--node-min-size.*default: 1/);
    expect(stdout).toMatch(/--node-max-size.*default: 4/);
    expect(stdout).toMatch(/--nat-gateways.*default: 1/);
    expect(stdout).toMatch(/--admin-principal-arns.*default: none/);
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  test('-h works without --pj-prefix', async () => {
    expect(await main(['-h'], io, fakeRun(0).run)).toBe(0);
    expect(stdout).toContain('--pj-prefix');
  });

  test('--version prints the own version', async () => {
    expect(await main(['--version'], io, fakeRun(0).run)).toBe(0);
    expect(stdout).toBe(`${version}\n`);
  });
});

describe('spawnRun', () => {
  test('resolves to the exit code of the child, run in the given directory', async () => {
    const { spawnRun } = await import('../src/cli');
    const marker = path.join(tmp, 'cwd.txt');
    const script = `require('fs').writeFileSync(${JSON.stringify(marker)}, process.cwd()); process.exit(7)`;
    expect(await spawnRun(process.execPath, ['-e', script], tmp)).toBe(7);
    expect(fs.realpathSync(fs.readFileSync(marker, 'utf8'))).toBe(fs.realpathSync(tmp));
    expect(process.listenerCount('SIGINT')).toBe(0);
  });

  test('rejects when the command cannot start', async () => {
    const { spawnRun } = await import('../src/cli');
    await expect(spawnRun(path.join(tmp, 'no-such-binary'), [], tmp)).rejects.toThrow(/ENOENT/);
  });
});
