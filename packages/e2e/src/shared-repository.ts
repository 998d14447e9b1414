import * as fs from 'fs';
import * as path from 'path';
import { copyRepository } from './repository-copy';
import { CommandResult, NO_AWS, projenNewArgs, runResult } from './scaffold';

/**
 * One default team repository, scaffolded and built once per jest run (by the e2e package's
 * global setup) for the suites that test a default repository: a scaffold and its build are
 * most of the CPU those suites take, and they all start from the same one.
 */

/** The prefix of the shared repository. */
export const SHARED_PREFIX = 'e2e';

/**
 * Its account id: with a leading zero, which projen new parses as a number and the project type
 * must turn back into the same 12 digits.
 */
export const SHARED_ACCOUNT = '012345678901';

/** The flags of `projen new` for the shared repository. */
export const SHARED_FLAGS = ['--pj-prefix', SHARED_PREFIX, '--account-id', SHARED_ACCOUNT];

/** This module: the global setup makes the shared repository only for runs with a test file that imports it. */
export const SHARED_REPOSITORY_MODULE = __filename;

/** Where the global setup tells the test workers (which inherit its environment) the folder holding it is. */
export const SHARED_REPOSITORY_ENV = 'BOTTLEROCKET_EKS_E2E_SHARED_REPOSITORY';

/**
 * The files in the folder holding the shared repository: the repository, and, next to it so
 * that no test of the repository sees them, what its commands printed, or why it is missing.
 */
const LAYOUT = { repository: 'team', projenNewOutput: 'projen-new.log', buildOutput: 'build.log', failure: 'failure.log' };

/** The shared repository and what its scaffold and first build printed. */
export interface SharedRepository {
  readonly dir: string;
  /** What `projen new` (with its install) printed. */
  readonly projenNewOutput: string;
  /** What the first `npx projen build` printed. */
  readonly buildOutput: string;
}

/**
 * Scaffolds the shared repository into `<folder>/team` and builds it, recording what each
 * printed next to it. A failure is recorded rather than thrown: it then fails the suites that
 * use the repository, each with the output, and the other suites still run.
 */
export function createSharedRepository(folder: string): void {
  const dir = path.join(folder, LAYOUT.repository);
  const steps = [
    { name: 'projen new', log: LAYOUT.projenNewOutput, run: () => runResult(dir, process.execPath, projenNewArgs(dir, SHARED_FLAGS)) },
    { name: 'npx projen build', log: LAYOUT.buildOutput, run: () => runResult(dir, 'npx', ['projen', 'build'], NO_AWS) },
  ];
  for (const step of steps) {
    let result: CommandResult;
    try {
      result = step.run();
    } catch (error) {
      // Such as a missing tarball: the run still goes on (a global setup that throws ends it
      // before any teardown).
      result = { status: 1, output: String((error as Error)?.stack ?? error) };
    }
    fs.writeFileSync(path.join(folder, step.log), result.output);
    if (result.status !== 0) {
      fs.writeFileSync(path.join(folder, LAYOUT.failure), `${step.name} of the shared team repository failed (${result.status}):\n${result.output}`);
      return;
    }
  }
}

/** The shared repository of this run; throws why it is missing. */
export function sharedRepository(): SharedRepository {
  const folder = process.env[SHARED_REPOSITORY_ENV];
  if (!folder) throw new Error(`${SHARED_REPOSITORY_ENV} is not set: the e2e package's jest global setup makes the shared team repository`);
  const failure = path.join(folder, LAYOUT.failure);
  if (fs.existsSync(failure)) throw new Error(fs.readFileSync(failure, 'utf-8'));
  return {
    dir: path.join(folder, LAYOUT.repository),
    projenNewOutput: fs.readFileSync(path.join(folder, LAYOUT.projenNewOutput), 'utf-8'),
    buildOutput: fs.readFileSync(path.join(folder, LAYOUT.buildOutput), 'utf-8'),
  };
}

/**
 * Makes `to` a working copy of the shared repository (its install linked), for a suite to edit
 * and run commands in, and returns the repository.
 */
export function copySharedRepository(to: string): SharedRepository {
  const shared = sharedRepository();
  copyRepository(shared.dir, to);
  return { ...shared, dir: to };
}
