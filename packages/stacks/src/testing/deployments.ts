import * as fs from 'fs';
import * as path from 'path';
import { DeploymentPaths, deploymentPaths, ResolvedSettings, SETTINGS_FILE_NAME } from 'bottlerocket-eks-config';
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
  const single = deploymentFiles(root);
  if (fs.existsSync(single.settingsFile)) {
    const settings = readSettingsFile({ file: single.settingsFile });
    return [{ name: settings.pjPrefix, assembly: single.assembly, templates: single.templates, settings }];
  }
  const environments = fs.existsSync(root) ? environmentsIn(root) : [];
  if (environments.length === 0) throw new Error(`No ${SETTINGS_FILE_NAME} and no environment settings file in ${root}: run \`npx projen\` there.`);
  return environments.map((environment) => {
    const { settingsFile, assembly, templates } = deploymentFiles(root, environment);
    return { name: environment, environment, assembly, templates, settings: readSettingsFile({ file: settingsFile }) };
  });
}

/** A deployment's files under `root`, where the project type put them (the layout of the config package). */
function deploymentFiles(root: string, environment?: string): DeploymentPaths {
  const paths = deploymentPaths(environment);
  return Object.fromEntries(Object.entries(paths).map(([key, file]) => [key, path.join(root, file)])) as unknown as DeploymentPaths;
}
