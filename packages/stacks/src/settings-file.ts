import * as fs from 'fs';
import * as path from 'path';
import { BottlerocketEksSettings, Settings } from 'bottlerocket-eks-config';

/** The file a team repository's apps read their settings from (written by projen). */
export const SETTINGS_FILE_NAME = 'bottlerocket-eks.settings.json';

/** Environment variable that points the apps at another settings file. */
export const SETTINGS_FILE_ENV = 'BOTTLEROCKET_EKS_SETTINGS';

/** The settings file is missing or is not JSON: the user's to fix, printed without a stack trace. */
export class SettingsFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingsFileError';
  }
}

/**
 * Reads the team's settings: from `file`, else `$BOTTLEROCKET_EKS_SETTINGS`, else the
 * nearest `bottlerocket-eks.settings.json` in the working directory or above it. The
 * settings are validated here too, so a hand-edited file fails with the same message as
 * `.projenrc.ts` would.
 */
export function readSettingsFile(file?: string): BottlerocketEksSettings {
  const location = file ?? process.env[SETTINGS_FILE_ENV] ?? findUp(SETTINGS_FILE_NAME, process.cwd());
  if (!location) {
    throw new SettingsFileError(`${SETTINGS_FILE_NAME} not found in ${process.cwd()} or above it: run \`npx projen\` at the repository root, `
      + `or set ${SETTINGS_FILE_ENV} to the settings file`);
  }
  if (!fs.existsSync(location)) throw new SettingsFileError(`Settings file ${location} does not exist.`);
  let settings;
  try {
    settings = JSON.parse(fs.readFileSync(location, 'utf-8'));
  } catch (error) {
    throw new SettingsFileError(`Settings file ${location} is not valid JSON (${(error as Error).message}): run \`npx projen\` to rewrite it.`);
  }
  delete settings['//'];
  Settings.resolve(settings);
  return settings;
}

function findUp(name: string, dir: string): string | undefined {
  const candidate = path.join(dir, name);
  if (fs.existsSync(candidate)) return candidate;
  const parent = path.dirname(dir);
  return parent === dir ? undefined : findUp(name, parent);
}
