import * as fs from 'fs';
import * as path from 'path';
import { tempDir } from './temp';
import { CommandResult, PROJEN_NEW_ENV, projenNewArgs, runResult } from '../src/scaffold';

jest.setTimeout(15 * 60 * 1000);

// The team repository's own tests (test/contract.test.ts, run by `npx projen test` and by the
// build after its synth) pass on a new repository and fail, readably, when the contract breaks.

const PREFIX = 'e2e-tests';
/** No credentials: nothing here may need an AWS account. */
const NO_AWS = { AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_PROFILE: '' };

/** Runs a command like `runResult`, but throws with what it printed when it fails. */
function runQuiet(cwd: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): string {
  const { status, output }: CommandResult = runResult(cwd, command, args, env);
  if (status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${status}):\n${output}`);
  return output;
}

/** The counts of the Node test runner's summary (`# tests 2` with the TAP reporter, `ℹ tests 2` with spec). */
function testSummary(output: string): Record<'tests' | 'pass' | 'fail', number | undefined> {
  const count = (name: string) => {
    const match = new RegExp(`^(?:#|ℹ) ${name} (\\d+)$`, 'm').exec(output);
    return match ? Number(match[1]) : undefined;
  };
  return { tests: count('tests'), pass: count('pass'), fail: count('fail') };
}

describe('a new team repository tests its stacks', () => {
  let dir = '';
  let buildOutput = '';

  beforeAll(() => {
    dir = path.join(tempDir('e2e-team-tests'), 'team');
    runQuiet(dir, process.execPath, projenNewArgs(dir, ['--pj-prefix', PREFIX]), PROJEN_NEW_ENV);
    buildOutput = runQuiet(dir, 'npx', ['projen', 'build'], NO_AWS);
  });

  test('projen new wrote the team\'s test file, and the build ran it after the synth: every test passed', () => {
    expect(fs.readFileSync(path.join(dir, 'test', 'contract.test.ts'), 'utf-8')).toContain('assertTeamContract');
    expect(testSummary(buildOutput)).toEqual({ tests: 2, pass: 2, fail: 0 });
    expect(buildOutput.indexOf('wrote templates/nodegroup.yaml')).toBeGreaterThan(-1);
    expect(buildOutput.indexOf('wrote templates/nodegroup.yaml')).toBeLessThan(buildOutput.search(/^(?:#|ℹ) tests /m));
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
      const { status, output } = runResult(dir, 'npx', ['projen', 'test'], NO_AWS);
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
    const { status, output } = runResult(dir, 'npx', ['projen', 'test'], NO_AWS);
    expect(status).not.toBe(0);
    expect(testSummary(output)).toEqual({ tests: 2, pass: 1, fail: 1 });
    expect(output).toContain('The stacks break the bottlerocket-eks contract');
    expect(output).toContain(`network stack ${PREFIX}-network: does not export ${PREFIX}-private-subnet-d.`);
    expect(output).toContain(`network stack ${PREFIX}-network: exports ${PREFIX}-private-subnet-c, which is not one of its export names`);
  });
});
