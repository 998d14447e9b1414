import { App, AppProps } from 'aws-cdk-lib';
import { BottlerocketEksSettings, Settings } from 'bottlerocket-eks-config';
import { readSettingsFile, SettingsFileError } from './settings-file';

/** Set to `1` to run aws-cdk-lib's built-in CloudFormation validation in a team's synth. */
export const VALIDATE_ENV = 'BOTTLEROCKET_EKS_VALIDATE';

/**
 * The body of a team's CDK app: reads the settings file, lets `build` add the stacks, and
 * synthesizes. A bad setting (say, extra TOML that does not parse) prints its one-line
 * message and exits 1, with no stack trace: the error is the user's to fix, not a crash.
 *
 * aws-cdk-lib's built-in CloudFormation validation is off unless `BOTTLEROCKET_EKS_VALIDATE=1`:
 * it costs over a second and ~300 MiB per synth, and these stacks are validated where it
 * pays, once, in the library's tests (every resource of every settings variant against the
 * CloudFormation specification, and aws-cdk-lib's own validation).
 */
export function synthApp(
  build: (app: App, settings: BottlerocketEksSettings) => void,
  app = new App(teamAppProps()),
): void {
  try {
    build(app, readSettingsFile());
    app.synth();
  } catch (error) {
    if (!Settings.isSettingsError(error) && !(error instanceof SettingsFileError)) throw error;
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  }
}

/** The App props of a team's synth: the built-in validation only when `BOTTLEROCKET_EKS_VALIDATE=1`. */
export function teamAppProps(env: NodeJS.ProcessEnv = process.env): AppProps {
  return { builtinCloudFormationValidation: env[VALIDATE_ENV] === '1' };
}
