/** The file a team repository's apps read their settings from: projen writes it from `.projenrc.ts`. */
export const SETTINGS_FILE_NAME = 'bottlerocket-eks.settings.json';

/** Environment variable that points the apps and the preflight at another settings file. */
export const SETTINGS_FILE_ENV = 'BOTTLEROCKET_EKS_SETTINGS';
