import { BottlerocketEksSettings, checkKnownKeys, SETTING_NAMES } from 'bottlerocket-eks-config';
import { typescript } from 'projen';
import { projenOptionNames } from './option-types';
import { BottlerocketEksProjectOptions } from './options';
import { exitOnSettingsError } from './settings-error-exit';

/** The options `BottlerocketEksProjectOptions` adds beside the settings (a record, so the compiler keeps it complete). */
const OWN_OPTION_NAMES = Object.keys({
  cdkVersion: true,
  cdkCliVersion: true,
  constructsVersion: true,
  nxVersion: true,
  stacksDependency: true,
  upgradeWorkflow: true,
  deployRoleArn: true,
  deployEnvironment: true,
  githubRepository: true,
  environments: true,
} satisfies Record<Exclude<keyof BottlerocketEksProjectOptions, keyof BottlerocketEksSettings | keyof typescript.TypeScriptProjectOptions>, true>);

/** What `projen new` adds to the options it passes (projen's own record of the command line). */
const PROJEN_NEW_KEY = '__new__';

/**
 * The deployment settings among the project options, exactly as the team wrote them: what
 * the settings file holds and what `Settings.resolve` takes.
 */
export function pickSettings(options: BottlerocketEksProjectOptions): BottlerocketEksSettings {
  const picked: Record<string, unknown> = {};
  for (const key of SETTING_NAMES) {
    if (options[key] !== undefined) picked[key] = options[key];
  }
  return picked as unknown as BottlerocketEksSettings;
}

/**
 * Refuses an option that the project type does not have, naming the closest one: `npx
 * projen` runs `.projenrc.ts` without type-checking it, so `instanceType` for
 * `instanceTypes` would otherwise be ignored in silence. projen's own options come from its
 * jsii assembly, the one description of them that cannot drift from the installed projen.
 */
export function checkKnownOptions(options: BottlerocketEksProjectOptions): void {
  checkKnownKeys('', options, [...SETTING_NAMES, ...OWN_OPTION_NAMES, ...projenOptionNames(), PROJEN_NEW_KEY]);
}

/**
 * Runs `body` (validation of the options): under the projen CLI (`projen new`, or
 * `.projenrc.ts` under `npx projen`), a bad option prints its one-line message and exits 1
 * (see `exitOnSettingsError`); anywhere else (tests, other code) the error is thrown.
 */
export function validateOptions<T>(options: BottlerocketEksProjectOptions, body: () => T): T {
  const byProjenCli = PROJEN_NEW_KEY in options || /\.projenrc\.[jt]s$/.test(process.argv[1] ?? '');
  return byProjenCli ? exitOnSettingsError(body) : body();
}
