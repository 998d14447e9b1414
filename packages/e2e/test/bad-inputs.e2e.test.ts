import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { ClusterStack, NetworkStack, NodegroupStack, Settings } from 'bottlerocket-eks-stacks';
import { removeTempDir, tempDir, testApp } from './temp';
import { BAD_INPUTS, BadInput } from '../src/bad-inputs';
import { CommandResult, projenNewArgs, run, runResult, scaffold } from '../src/scaffold';

jest.setTimeout(30 * 60 * 1000);

const PREFIX = 'e2e-bad';
/** Holds the repositories of this file (each removed after its tests, also when they fail). */
let root = '';
beforeAll(() => {
  root = tempDir('e2e-bad');
});

/** The rejection a user must see: exit non-zero, the message on a line of its own, no stack trace. */
function expectRejected(result: CommandResult, bad: BadInput): void {
  expect({ status: result.status === 0 ? 0 : 'non-zero' }).toEqual({ status: 'non-zero' });
  const lines = result.output.split('\n');
  expect(lines.filter((line) => bad.message.test(line))).toHaveLength(1);
  expect(lines.filter((line) => /^\s+at .+[:(]/.test(line))).toEqual([]);
}

/** Hashes of every file of a repository except installs and caches. */
function snapshot(dir: string): Record<string, string> {
  const result: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      if (['node_modules', '.nx', 'cdk.out'].includes(entry.name)) continue;
      const child = path.join(rel, entry.name);
      if (entry.isDirectory()) walk(child);
      else result[child] = crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, child))).digest('hex');
    }
  };
  walk('.');
  return result;
}

/** `.projenrc.ts` with the case's settings written over the prefix line. */
function editedProjenrc(projenrc: string, settings: Record<string, unknown>): string {
  const { pjPrefix, ...rest } = settings;
  const lines = [`pjPrefix: ${JSON.stringify(pjPrefix ?? PREFIX)},`, ...Object.entries(rest).map(([k, v]) => `  ${k}: ${JSON.stringify(v)},`)];
  return projenrc.replace(`pjPrefix: "${PREFIX}",`, lines.join('\n'));
}

test(`the matrix has at least 25 cases (${BAD_INPUTS.length})`, () => {
  expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(25);
});

describe('the settings the stacks library resolves reject', () => {
  test.each(BAD_INPUTS.map((b) => [b.name, b] as const))('%s', (_name, bad) => {
    const settings = { pjPrefix: PREFIX, ...bad.settings } as any;
    let error: any;
    try {
      const app = testApp({ builtinCloudFormationValidation: false });
      const props = { settings: Settings.resolve(settings) };
      new NetworkStack(app, 'Network', props);
      new ClusterStack(app, 'Cluster', props);
      new NodegroupStack(app, 'Nodegroup', props);
    } catch (e) {
      error = e;
    }
    expect(Settings.isSettingsError(error)).toBe(true);
    expect(error.message).toMatch(bad.message);
  });
});

describe('npx projen rejects an edit of .projenrc.ts and leaves the repository as it was', () => {
  let dir = '';
  let good = '';
  let before: Record<string, string> = {};

  beforeAll(() => {
    dir = path.join(root, 'team');
    scaffold({ dir, args: ['--pj-prefix', PREFIX] });
    run(dir, 'npx', ['projen', 'build']);
    good = fs.readFileSync(path.join(dir, '.projenrc.ts'), 'utf-8');
    before = snapshot(dir);
  });
  // A full install: gone before the next describe makes more.
  afterAll(() => removeTempDir(dir));

  test.each(BAD_INPUTS.map((b) => [b.name, b] as const))('%s', (_name, bad) => {
    const projenrc = path.join(dir, '.projenrc.ts');
    fs.writeFileSync(projenrc, editedProjenrc(good, bad.settings));
    try {
      if (bad.stage === 'synth') {
        // projen cannot parse TOML text (the stacks library does): the synth rejects it.
        expect(runResult(dir, 'npx', ['projen']).status).toBe(0);
        expectRejected(runResult(dir, 'npx', ['projen', 'synth']), bad);
      } else {
        expectRejected(runResult(dir, 'npx', ['projen']), bad);
        expect(snapshot(dir)).toEqual({ ...before, '.projenrc.ts': expect.any(String) });
      }
    } finally {
      fs.writeFileSync(projenrc, good);
    }
    if (bad.stage === 'synth') run(dir, 'npx', ['projen']);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('projen new rejects the flags and writes no project', () => {
  const withFlags = BAD_INPUTS.filter((b) => b.flags !== undefined);

  test(`${withFlags.length} of the cases can be given as flags`, () => {
    expect(withFlags.length).toBeGreaterThanOrEqual(20);
  });

  test.each(withFlags.map((b) => [b.name, b] as const))('%s', (name, bad) => {
    const dir = path.join(root, `new-${name.replace(/\W+/g, '-')}`);
    const prefix = bad.flags!.includes('--pj-prefix') ? [] : ['--pj-prefix', PREFIX];
    try {
      const args = projenNewArgs(dir, [...prefix, ...bad.flags!, '--no-post']);
      expectRejected(runResult(dir, process.execPath, args), bad);
      // Only what projen's install of the project type put there; no project files.
      for (const file of ['.projenrc.ts', '.projen', 'bottlerocket-eks.settings.json', 'packages', 'nx.json']) {
        expect(fs.existsSync(path.join(dir, file))).toBe(false);
      }
    } finally {
      // Each holds an install of the project type: gone before the next case makes another.
      removeTempDir(dir);
    }
  });
});
