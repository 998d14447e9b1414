/** The file a team repository's apps read their settings from: projen writes it from `.projenrc.ts`. */
export const SETTINGS_FILE_NAME = 'bottlerocket-eks.settings.json';

/** Environment variable that points the apps and the preflight at another settings file. */
export const SETTINGS_FILE_ENV = 'BOTTLEROCKET_EKS_SETTINGS';

/** Environment variable naming the environment the apps and the preflight work on, in a repository with several. */
export const ENVIRONMENT_ENV = 'BOTTLEROCKET_EKS_ENVIRONMENT';

/** The settings file of one environment, in a repository with several: `bottlerocket-eks.<name>.settings.json`. */
export function environmentSettingsFileName(environment: string): string {
  return SETTINGS_FILE_NAME.replace(/\.settings\.json$/, `.${environment}.settings.json`);
}
