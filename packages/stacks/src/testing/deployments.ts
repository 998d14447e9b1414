import * as fs from 'fs';
import * as path from 'path';
import { environmentSettingsFileName, ResolvedSettings, SETTINGS_FILE_NAME } from 'bottlerocket-eks-config';
import { environmentsIn, readSettingsFile } from '../synth/settings-file';

/** One deployment of a team repository, as its tests find it after a synth. */
export interface TeamDeploymentFiles {
  /** The environment's name, or the prefix in a repository of one environment (for test names). */
  readonly name: string;
  /** The environment, in a repository of several. */
  readonly environment?: string;
  /** Its cloud assembly: `<root>/cdk.out`, or `<root>/cdk.out/<environment>`. */
  readonly assembly: string;
  /** Its templates: `<root>/templates`, or `<root>/templates/<environment>`. */
  readonly templates: string;
  /** Its resolved settings. */
  readonly settings: ResolvedSettings;
}

/**
 * The deployments of the team repository at `root`: the one of `bottlerocket-eks.settings.json`,
 * or one per environment settings file. A team's tests loop over them, so they hold whether
 * the repository has one environment or several, and when environments come or go.
 */
export function teamDeployments(root: string): TeamDeploymentFiles[] {
  if (fs.existsSync(path.join(root, SETTINGS_FILE_NAME))) {
    const settings = readSettingsFile({ file: path.join(root, SETTINGS_FILE_NAME) });
    return [{ name: settings.pjPrefix, assembly: path.join(root, 'cdk.out'), templates: path.join(root, 'templates'), settings }];
  }
  const environments = fs.existsSync(root) ? environmentsIn(root) : [];
  if (environments.length === 0) throw new Error(`No ${SETTINGS_FILE_NAME} and no environment settings file in ${root}: run \`npx projen\` there.`);
  return environments.map((environment) => ({
    name: environment,
    environment,
    assembly: path.join(root, 'cdk.out', environment),
    templates: path.join(root, 'templates', environment),
    settings: readSettingsFile({ file: path.join(root, environmentSettingsFileName(environment)) }),
  }));
}
