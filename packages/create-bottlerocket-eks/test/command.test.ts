import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from '../src/args';
import { ownVersion } from '../src/cli';
import { FROM_ENV_VAR, PROJECT_TYPE, buildProjenCommand, chooseFromSpec, defaultFromSpec } from '../src/command';

describe('from spec', () => {
  test('default is the project type at this package\'s own version', () => {
    const version = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf-8')).version;
    expect(ownVersion()).toBe(version);
    expect(defaultFromSpec(ownVersion())).toBe(`projen-bottlerocket-eks@${version}`);
  });

  test('flag wins over the environment, which wins over the default', () => {
    expect(FROM_ENV_VAR).toBe('CREATE_BOTTLEROCKET_EKS_FROM');
    expect(chooseFromSpec('a@1', 'b@2', '9.9.9')).toBe('a@1');
    expect(chooseFromSpec(undefined, 'b@2', '9.9.9')).toBe('b@2');
    expect(chooseFromSpec(undefined, undefined, '9.9.9')).toBe('projen-bottlerocket-eks@9.9.9');
    expect(chooseFromSpec(undefined, '', '9.9.9')).toBe('projen-bottlerocket-eks@9.9.9');
  });
});

describe('buildProjenCommand', () => {
  test('a typical invocation', () => {
    const parsed = parseArgs(['--pj-prefix', 'team-a', '--instance-types', 'm6i.xlarge,m5.xlarge', '--no-git']);
    const command = buildProjenCommand({
      nodePath: '/usr/bin/node',
      projenBin: '/x/node_modules/projen/bin/projen',
      projenVersion: '0.103.25',
      from: defaultFromSpec('0.1.0'),
      passThrough: parsed.passThrough,
      targetDir: '/work/team-a',
    });
    expect(command).toEqual({
      command: '/usr/bin/node',
      args: [
        '/x/node_modules/projen/bin/projen', 'new', '--from', 'projen-bottlerocket-eks@0.1.0', PROJECT_TYPE,
        '--projen-version', '0.103.25',
        '--pj-prefix', 'team-a', '--instance-types', 'm6i.xlarge', 'm5.xlarge', '--no-git',
      ],
      cwd: '/work/team-a',
    });
    expect(PROJECT_TYPE).toBe('bottlerocket-eks');
  });

  test('a --projen-version of the user is not doubled', () => {
    const command = buildProjenCommand({
      nodePath: 'node', projenBin: path.join('p', 'bin'), projenVersion: '1.0.0', from: 'f', passThrough: ['--projen-version=2.0.0'], targetDir: '/t',
    });
    expect(command.args).toEqual([path.join('p', 'bin'), 'new', '--from', 'f', 'bottlerocket-eks', '--projen-version=2.0.0']);
  });
});
