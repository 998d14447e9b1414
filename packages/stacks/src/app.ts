import { App } from 'aws-cdk-lib';
import { BottlerocketEksSettings, Settings } from 'bottlerocket-eks-config';
import { readSettingsFile, SettingsFileError } from './settings-file';

/**
 * The body of a team's CDK app: reads the settings file, lets `build` add the stacks, and
 * synthesizes. A bad setting (say, extra TOML that does not parse) prints its one-line
 * message and exits 1, with no stack trace: the error is the user's to fix, not a crash.
 */
export function synthApp(build: (app: App, settings: BottlerocketEksSettings) => void, app = new App()): void {
  try {
    build(app, readSettingsFile());
    app.synth();
  } catch (error) {
    if (!Settings.isSettingsError(error) && !(error instanceof SettingsFileError)) throw error;
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  }
}
