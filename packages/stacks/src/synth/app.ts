import * as path from 'path';
import { App, AppProps } from 'aws-cdk-lib/core';
import { ResolvedSettings, VALIDATE_ENV } from 'bottlerocket-eks-config';
import { readSettingsFile, ReadSettingsOptions } from './settings-file';
import { exitOnUserError } from '../process/user-errors';

/** Set to `1` to run aws-cdk-lib's built-in CloudFormation validation in a team's synth (named in the config package, which the project type shares). */
export { VALIDATE_ENV };

/** What a team app adds to an App: its stack(s), from the resolved settings. */
export type StackBuilder = (app: App, settings: ResolvedSettings) => void;

/** Where `synthApps` collects the builders of the apps it loads, instead of them synthesizing. */
const COLLECTOR = Symbol.for('bottlerocket-eks.stack-builders');

/**
 * The body of a team's CDK app: reads and resolves the settings file, lets `build` add the
 * stacks, and synthesizes. A bad setting (say, extra TOML that does not parse) prints its one-line
 * message and exits 1, with no stack trace: the error is the user's to fix, not a crash.
 *
 * aws-cdk-lib's built-in CloudFormation validation is off unless `BOTTLEROCKET_EKS_VALIDATE=1`:
 * it costs over a second and ~300 MiB per synth, and these stacks are validated where it
 * pays, once, in the library's tests (every resource of every settings variant against the
 * CloudFormation specification, and aws-cdk-lib's own validation).
 *
 * Loaded by `synthApps`, the app only hands its builder over.
 */
export function synthApp(build: StackBuilder, app?: App): void {
  const collector: StackBuilder[] | undefined = (globalThis as any)[COLLECTOR];
  if (collector) {
    collector.push(build);
    return;
  }
  runBuilders([build], app ?? new App(teamAppProps()));
}

/**
 * Several team apps (their `src/main.ts`) in one App, so one CDK CLI process synthesizes
 * every stack: each app still deploys on its own, but a synth of all pays for the CLI and
 * for loading aws-cdk-lib once instead of once per stack.
 */
export function synthApps(mainFiles: string[], app: App = new App(teamAppProps()), read: ReadSettingsOptions = {}): void {
  runBuilders(collectBuilders(mainFiles), app, read);
}

/** The builders of the team apps in `mainFiles`, which hand them over instead of synthesizing (see `synthApp`). */
export function collectBuilders(mainFiles: string[]): StackBuilder[] {
  const builders: StackBuilder[] = [];
  (globalThis as any)[COLLECTOR] = builders;
  try {
    // The apps are CommonJS modules run for their side effect (calling synthApp).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    for (const file of mainFiles) require(path.resolve(file));
  } finally {
    delete (globalThis as any)[COLLECTOR];
  }
  return builders;
}

/** Adds the stacks of `builders` to `app`, with the settings `read` picks, and synthesizes it. */
export function runBuilders(builders: StackBuilder[], app: App, read: ReadSettingsOptions = {}): void {
  exitOnUserError(() => {
    const settings = readSettingsFile(read);
    for (const build of builders) build(app, settings);
    app.synth();
  });
}

/** The App props of a team's synth: the built-in validation only when `BOTTLEROCKET_EKS_VALIDATE=1`. */
export function teamAppProps(env: NodeJS.ProcessEnv = process.env): AppProps {
  return { builtinCloudFormationValidation: env[VALIDATE_ENV] === '1' };
}
