import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { ClusterStack, NetworkStack, NodegroupStack, Settings } from 'bottlerocket-eks-stacks';
import { removeTempDir, tempDir, testApp } from './temp';
import { BAD_INPUTS, BadInput } from '../src/bad-inputs';
import { mapConcurrent, PROCESS_CONCURRENCY } from '../src/concurrency';
import { copyProjenNewFolder, prepareProjenNewFolder } from '../src/projen-new-folder';
import { CommandResult, projenNewCommandLine, runResultAsync } from '../src/scaffold';
import { copySharedRepository, SHARED_PREFIX } from '../src/shared-repository';

jest.setTimeout(30 * 60 * 1000);

const PREFIX = SHARED_PREFIX;
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

/**
 * `.projenrc.ts` with the case's settings written over the prefix line, and over the lines of
 * those settings projen new wrote (the account id of the shared repository).
 */
function editedProjenrc(projenrc: string, settings: Record<string, unknown>): string {
  const { pjPrefix, ...rest } = settings;
  const lines = [`pjPrefix: ${JSON.stringify(pjPrefix ?? PREFIX)},`, ...Object.entries(rest).map(([k, v]) => `  ${k}: ${JSON.stringify(v)},`)];
  const without = Object.keys(rest).reduce((text, key) => text.replace(new RegExp(`^  ${key}: .*,\n`, 'm'), ''), projenrc);
  return without.replace(`pjPrefix: "${PREFIX}",`, lines.join('\n'));
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

/** What the commands of one case printed and left behind, recorded as they ran; the tests judge them. */
interface EditOutcome {
  /** `npx projen` after the edit, for a case only the synth can tell. */
  readonly projen?: CommandResult;
  /** The command that must reject the edit. */
  readonly rejected: CommandResult;
  /** The repository right after the rejection (for a case `npx projen` rejects). */
  readonly afterRejection?: Record<string, string>;
  /** The repository once the edit is undone. */
  readonly restored: Record<string, string>;
}

describe('npx projen rejects an edit of .projenrc.ts and leaves the repository as it was', () => {
  let good = '';
  let before: Record<string, string> = {};
  const outcomes = new Map<string, EditOutcome>();

  /** Edits `.projenrc.ts` of `dir` to the case, runs the commands that must reject it, and undoes the edit. */
  async function tryEdit(dir: string, bad: BadInput): Promise<EditOutcome> {
    const projenrc = path.join(dir, '.projenrc.ts');
    fs.writeFileSync(projenrc, editedProjenrc(good, bad.settings));
    let outcome: Omit<EditOutcome, 'restored'>;
    try {
      if (bad.stage === 'synth') {
        // projen cannot parse TOML text (the stacks library does): the synth rejects it.
        const projen = await runResultAsync(dir, 'npx', ['projen']);
        outcome = { projen, rejected: await runResultAsync(dir, 'npx', ['projen', 'synth']) };
      } else {
        const rejected = await runResultAsync(dir, 'npx', ['projen']);
        outcome = { rejected, afterRejection: snapshot(dir) };
      }
    } finally {
      fs.writeFileSync(projenrc, good);
    }
    if (bad.stage === 'synth') {
      const regenerated = await runResultAsync(dir, 'npx', ['projen']);
      if (regenerated.status !== 0) throw new Error(`npx projen failed in ${dir} (${regenerated.status}):\n${regenerated.output}`);
    }
    return { ...outcome, restored: snapshot(dir) };
  }

  beforeAll(async () => {
    // The run's default repository, scaffolded and built once (test/global-setup.ts): the cases
    // edit a repository one at a time, so each runner of cases has a copy of its own.
    const { dir } = copySharedRepository(path.join(root, 'team'));
    good = fs.readFileSync(path.join(dir, '.projenrc.ts'), 'utf-8');
    before = snapshot(dir);
    const free = [dir];
    for (let i = 1; i < PROCESS_CONCURRENCY; i++) {
      free.push(copySharedRepository(path.join(root, `team-copy-${i}`)).dir);
    }
    try {
      await mapConcurrent(BAD_INPUTS, free.length, async (bad) => {
        const copy = free.pop()!;
        try {
          outcomes.set(bad.name, await tryEdit(copy, bad));
        } finally {
          free.push(copy);
        }
      });
    } finally {
      // Gone before the next describe makes folders of its own.
      for (const copy of [...free].reverse()) removeTempDir(copy);
    }
  });

  test.each(BAD_INPUTS.map((b) => [b.name, b] as const))('%s', (name, bad) => {
    const outcome = outcomes.get(name)!;
    if (bad.stage === 'synth') {
      expect(outcome.projen!.status).toBe(0);
      expectRejected(outcome.rejected, bad);
    } else {
      expectRejected(outcome.rejected, bad);
      expect(outcome.afterRejection).toEqual({ ...before, '.projenrc.ts': expect.any(String) });
    }
    expect(outcome.restored).toEqual(before);
  });
});

/** Files `projen new` writes for a project: none may be there after a rejection. */
const PROJECT_FILES = ['.projenrc.ts', '.projen', 'bottlerocket-eks.settings.json', 'packages', 'nx.json'];

describe('projen new rejects the flags and writes no project', () => {
  const withFlags = BAD_INPUTS.filter((b) => b.flags !== undefined);
  /** What `projen new` printed for each case, and the project files it left. */
  const outcomes = new Map<string, { result: CommandResult; projectFiles: string[] }>();

  beforeAll(async () => {
    // What projen new installs before it reads the flags, installed once: each case runs in a
    // copy, in which projen new's own install of the project type has nothing left to do.
    // Without --projen-version (as users run it) projen new then only asks `npm ls` for projen.
    const installed = path.join(root, 'new-installed');
    prepareProjenNewFolder(installed);
    await mapConcurrent(withFlags, PROCESS_CONCURRENCY, async (bad) => {
      const dir = path.join(root, `new-${bad.name.replace(/\W+/g, '-')}`);
      const prefix = bad.flags!.includes('--pj-prefix') ? [] : ['--pj-prefix', PREFIX];
      try {
        copyProjenNewFolder(installed, dir);
        const args = projenNewCommandLine([...prefix, ...bad.flags!, '--no-post'], undefined, { pinProjenVersion: false });
        const result = await runResultAsync(dir, process.execPath, args);
        // Only what projen's install of the project type put there; no project files.
        outcomes.set(bad.name, { result, projectFiles: PROJECT_FILES.filter((file) => fs.existsSync(path.join(dir, file))) });
      } finally {
        // Each holds a copy of the install (links, and what npm extracted anew): gone before the next case makes another.
        removeTempDir(dir);
      }
    });
  });

  test(`${withFlags.length} of the cases can be given as flags`, () => {
    expect(withFlags.length).toBeGreaterThanOrEqual(20);
  });

  test.each(withFlags.map((b) => [b.name, b] as const))('%s', (name, bad) => {
    const { result, projectFiles } = outcomes.get(name)!;
    expectRejected(result, bad);
    expect(projectFiles).toEqual([]);
  });
});
