import * as fs from 'fs';
import * as path from 'path';
import { ResolvedSettings, Settings, SETTINGS_FILE_ENV, SETTINGS_FILE_NAME, settingsError } from 'bottlerocket-eks-config';

/**
 * Reads the team's settings and resolves them: from `file`, else `$BOTTLEROCKET_EKS_SETTINGS`,
 * else the nearest `bottlerocket-eks.settings.json` in the working directory or above it.
 * The file holds the options as the team gave them in `.projenrc.ts`; this is the one place a
 * team app or the preflight resolves them, so a hand-edited file fails with the same message
 * as `.projenrc.ts` would. A missing or unreadable file is a settings error too.
 */
export function readSettingsFile(file?: string): ResolvedSettings {
  const location = file ?? process.env[SETTINGS_FILE_ENV] ?? findUp(SETTINGS_FILE_NAME, process.cwd());
  if (!location) {
    throw settingsError(`${SETTINGS_FILE_NAME} not found in ${process.cwd()} or above it: run \`npx projen\` at the repository root, `
      + `or set ${SETTINGS_FILE_ENV} to the settings file.`);
  }
  if (!fs.existsSync(location)) throw settingsError(`Settings file ${location} does not exist.`);
  let options;
  try {
    options = JSON.parse(fs.readFileSync(location, 'utf-8'));
  } catch (error) {
    throw settingsError(`Settings file ${location} is not valid JSON (${(error as Error).message}): run \`npx projen\` to rewrite it.`);
  }
  // projen's "generated, do not edit" comment key.
  delete options['//'];
  return Settings.resolve(options);
}

function findUp(name: string, dir: string): string | undefined {
  const candidate = path.join(dir, name);
  if (fs.existsSync(candidate)) return candidate;
  const parent = path.dirname(dir);
  return parent === dir ? undefined : findUp(name, parent);
}
