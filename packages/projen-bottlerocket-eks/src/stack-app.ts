import {
  ASSEMBLY_DIR, deploymentPaths, ENVIRONMENT_ENV, PreflightCommandOptions, preflightCommandLine, SETTINGS_FILE_NAME, STACK_CLASS_NAMES, StackKind,
  templateFileName, unprotectCommandLine,
} from 'bottlerocket-eks-config';
import { Component, JsonFile, Project, SampleFile } from 'projen';
import { allAppsCommand } from './all-stacks-app';
import { cdkContext } from './cdk-context';

/** The nx targets of a stack app. */
type TargetName = 'synth' | 'diff' | 'deploy' | 'destroy';

/** Options of one stack app. */
export interface StackAppOptions {
  /** Which of the three stacks this app deploys. */
  readonly kind: StackKind;
  /** The stack app deployed just before this one, if any. */
  readonly after?: StackKind;
  /** The stack app deployed just after this one, if any (it is destroyed first). */
  readonly before?: StackKind;
  /**
   * The repository's environments: each target gets a configuration of each name
   * (`npx nx deploy cluster -c prd`), which picks the environment's settings and assembly.
   * @default - none: one environment
   */
  readonly environments?: string[];
}

/**
 * One CDK app of the team repository, `packages/<kind>`: an nx project whose `project.json`
 * and `cdk.json` projen owns, and a sample `src/main.ts` that is the team's from the first
 * synthesis on (projen writes it once, never again).
 *
 * Deploys follow the nx graph: each app depends on the one before it, so `deploy` runs
 * network, cluster, nodegroup, and `destroy` runs the other way.
 */
export class StackApp extends Component {
  /** The folder of the app, relative to the repository root. */
  public readonly outdir: string;
  /** The app's generated `project.json`. */
  public readonly projectJson: JsonFile;
  /** The app's generated `cdk.json`. */
  public readonly cdkJson: JsonFile;
  /** The stack the app deploys. */
  private readonly kind: StackKind;

  constructor(project: Project, options: StackAppOptions) {
    super(project);
    const { kind } = options;
    this.kind = kind;
    this.outdir = `packages/${kind}`;
    const environments = options.environments ?? [];
    const byEnvironment = (target: TargetName) => (environments.length === 0 ? {}
      : { configurations: Object.fromEntries(environments.map((environment) => [environment, this.targetOptions(target, environment)])) });
    const target = (name: TargetName) => ({ executor: 'nx:run-commands', options: this.targetOptions(name), ...byEnvironment(name) });

    this.projectJson = new JsonFile(project, `${this.outdir}/project.json`, {
      obj: {
        name: kind,
        $schema: '../../node_modules/nx/schemas/project-schema.json',
        projectType: 'application',
        implicitDependencies: options.after ? [options.after] : [],
        targets: {
          synth: {
            ...target('synth'),
            outputs: [`{projectRoot}/${ASSEMBLY_DIR}`, ...(environments.length === 0 ? [undefined] : environments)
              .map((environment) => `{workspaceRoot}/${deploymentPaths(environment).templates}/${templateFileName(kind)}`)],
          },
          diff: { ...target('diff'), dependsOn: ['synth'] },
          deploy: { ...target('deploy'), dependsOn: ['synth', '^deploy'] },
          // 'forward' hands --confirm=<prefix> (and the configuration) on to the stacks destroyed before this one.
          destroy: {
            ...target('destroy'),
            dependsOn: options.before ? [{ projects: [options.before], target: 'destroy', params: 'forward' }] : [],
          },
        },
      },
    });

    this.cdkJson = new JsonFile(project, `${this.outdir}/cdk.json`, {
      obj: {
        // What the CDK CLI runs itself (`cdk destroy`): the app through the library's app
        // runner, as every synth runs it (types stripped; the build type-checks once with tsc).
        app: `${allAppsCommand('../..')} src/main.ts`,
        output: ASSEMBLY_DIR,
        context: cdkContext(),
      },
    });

    new SampleFile(project, `${this.outdir}/src/main.ts`, { contents: sampleMain(kind) });
  }

  /**
   * The options of one target, for the repository's one environment or for `environment`
   * (the configuration `-c <environment>`: its settings, `cdk.out/<environment>` and
   * `templates/<environment>/`). Every target that touches AWS asks STS first and stops on the
   * wrong account, region or partition; its arguments are not passed on to it (nx gives them
   * to the CDK CLI).
   */
  private targetOptions(target: TargetName, environment?: string): Record<string, unknown> {
    const cdk = 'cdk --no-notices';
    const flag = environment ? ` --environment ${environment}` : '';
    const { assembly, templates } = deploymentPaths(environment);
    // The CDK CLI runs the app itself for destroy: the variable picks the environment's settings there.
    const shared = { cwd: this.outdir, ...(environment ? { env: { [ENVIRONMENT_ENV]: environment } } : {}) };
    const withPreflight = (preflight: Omit<PreflightCommandOptions, 'brief' | 'environment'>, command: string, forwardAllArgs = true) => ({
      commands: [{ command: preflightCommandLine({ brief: true, environment, ...preflight }), forwardAllArgs: false }, { command, forwardAllArgs }],
      parallel: false,
      ...shared,
    });
    switch (target) {
      case 'synth':
        // The app alone, without the CDK CLI (see AllStacksApp): the same cdk.out, in a fraction
        // of the time, and the same YAML as the root synth writes.
        return { command: `${allAppsCommand('../..')}${flag} --output ${assembly} --templates ../../${templates} src/main.ts`, ...shared };
      // diff and deploy work on the app's synthesized cloud assembly: the preflight plans the
      // stack from it (deployed template against this one), and the CDK CLI sends exactly it.
      case 'diff':
        return withPreflight({ assembly }, `${cdk} diff --app ${assembly}`);
      // No approval prompt (nx runs without a terminal): review with `diff` first. Events
      // rather than a progress bar, so the log reads the same in CI.
      case 'deploy':
        return withPreflight({ assembly }, `${cdk} deploy --all --require-approval never --progress events --app ${assembly}`);
      // --confirm=<prefix> reaches the preflight, which refuses without it. EKS refuses to delete a
      // cluster under deletion protection: the cluster's destroy turns it off first, once
      // confirmed, as late as it can (after the node group stack is gone).
      case 'destroy': {
        const destroy = withPreflight({ destroy: true, confirm: '{args.confirm}' }, `${cdk} destroy --all --force`, false);
        if (this.kind !== StackKind.CLUSTER) return destroy;
        const [preflight, cdkDestroy] = destroy.commands;
        return { ...destroy, commands: [preflight, { command: unprotectCommandLine({ environment, confirm: '{args.confirm}' }), forwardAllArgs: false }, cdkDestroy] };
      }
    }
  }
}

function sampleMain(kind: StackKind): string {
  const stackClass = STACK_CLASS_NAMES[kind];
  return [
    `import { ${stackClass}, synthApp } from 'bottlerocket-eks-stacks';`,
    '',
    '// This app is yours: projen wrote it once and never overwrites it. The settings come',
    `// from ${SETTINGS_FILE_NAME}, which projen writes from .projenrc.ts.`,
    `synthApp((app, settings) => new ${stackClass}(app, '${stackClass.replace('Stack', '')}', { settings }));`,
    '',
  ].join('\n');
}
