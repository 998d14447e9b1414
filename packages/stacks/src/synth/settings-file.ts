import * as fs from 'fs';
import * as path from 'path';
import {
  BottlerocketEksSettings, ENVIRONMENT_ENV, environmentSettingsFileName, ResolvedSettings, Settings, SETTINGS_FILE_ENV, SETTINGS_FILE_NAME,
  settingsError,
} from 'bottlerocket-eks-config';

/** Options of `readSettingsFile`. */
export interface ReadSettingsOptions {
  /**
   * The settings file.
   * @default - `$BOTTLEROCKET_EKS_SETTINGS`, else the nearest settings file of `environment`
   */
  readonly file?: string;
  /**
   * The environment, in a repository with several: its file is `bottlerocket-eks.<name>.settings.json`.
   * @default - `$BOTTLEROCKET_EKS_ENVIRONMENT`, else the repository's one environment (`bottlerocket-eks.settings.json`)
   */
  readonly environment?: string;
  /**
   * Where the search for the nearest settings file starts.
   * @default - the working directory
   */
  readonly cwd?: string;
}

/**
 * Reads the team's settings and resolves them: from `file`, else `$BOTTLEROCKET_EKS_SETTINGS`,
 * else the nearest settings file of the environment (`bottlerocket-eks.<environment>.settings.json`,
 * or `bottlerocket-eks.settings.json` in a repository of one) in the working directory or above.
 * The file holds the options as the team gave them in `.projenrc.ts`; this is the one place a
 * team app or the preflight resolves them, so a hand-edited file fails with the same message
 * as `.projenrc.ts` would. A missing or unreadable file is a settings error too, and so is a
 * repository of several environments asked for none: the message lists them.
 */
export function readSettingsFile(options: ReadSettingsOptions | string = {}): ResolvedSettings {
  return Settings.resolve(readSettingsOptions(settingsFileLocation(options)));
}

/** Where `readSettingsFile` finds the settings file (see there); a settings error when there is none. */
export function settingsFileLocation(options: ReadSettingsOptions | string = {}): string {
  const { file, environment = process.env[ENVIRONMENT_ENV] || undefined, cwd = process.cwd() } = typeof options === 'string' ? { file: options } : options;
  const location = file ?? process.env[SETTINGS_FILE_ENV] ?? findUp(environment ? environmentSettingsFileName(environment) : SETTINGS_FILE_NAME, cwd);
  if (!location) throw notFound(cwd, environment);
  return location;
}

/** The options a settings file holds, as the team gave them (not resolved). */
export function readSettingsOptions(location: string): BottlerocketEksSettings {
  if (!fs.existsSync(location)) throw settingsError(`Settings file ${location} does not exist.`);
  let parsed;
  try {
    parsed = JSON.parse(fs.readFileSync(location, 'utf-8'));
  } catch (error) {
    throw settingsError(`Settings file ${location} is not valid JSON (${(error as Error).message}): run \`npx projen\` to rewrite it.`);
  }
  delete parsed['//'];
  return parsed;
}

/** The environments with a settings file in `dir` (`bottlerocket-eks.<name>.settings.json`), sorted. */
export function environmentsIn(dir: string): string[] {
  const [before, after] = environmentSettingsFileName('\u0000').split('\u0000');
  return fs.readdirSync(dir)
    .filter((f) => f.startsWith(before) && f.endsWith(after) && f.length > before.length + after.length)
    .map((f) => f.slice(before.length, f.length - after.length))
    .sort();
}

/** The environments of the repository around `dir`: those of the nearest folder, from `dir` up, that has any. */
function environmentsAround(dir: string): string[] {
  for (let current = dir; ; current = path.dirname(current)) {
    const names = environmentsIn(current);
    if (names.length > 0 || path.dirname(current) === current) return names;
  }
}

function notFound(cwd: string, environment: string | undefined): Error {
  const environments = environmentsAround(cwd);
  if (environment) {
    return settingsError(`No settings file of environment ${environment} (${environmentSettingsFileName(environment)}) in ${cwd} or above it: `
      + (environments.length > 0 ? `this repository has the environments ${environments.join(', ')}.` : 'run `npx projen` at the repository root.'));
  }
  if (environments.length > 0) {
    return settingsError(`This repository has several environments (${environments.join(', ')}): choose one with --environment <name> `
      + `or ${ENVIRONMENT_ENV}=<name> (e.g. \`npx projen deploy:${environments[0]}\`, \`npx nx deploy cluster -c ${environments[0]}\`).`);
  }
  return settingsError(`${SETTINGS_FILE_NAME} not found in ${cwd} or above it: run \`npx projen\` at the repository root, `
    + `or set ${SETTINGS_FILE_ENV} to the settings file.`);
}

function findUp(name: string, dir: string): string | undefined {
  const candidate = path.join(dir, name);
  if (fs.existsSync(candidate)) return candidate;
  const parent = path.dirname(dir);
  return parent === dir ? undefined : findUp(name, parent);
}
