import { ASSEMBLY_DIR, synthEntryPath, TEMPLATES_DIR } from 'bottlerocket-eks-config';
import { Component, JsonFile, Project, Task } from 'projen';
import { cdkContext } from './cdk-context';

/**
 * The command that runs the stacks library's CDK app of several stack apps, from a folder
 * `toRoot` (`.` or `../..`) below the repository root. The library loads the apps' TypeScript
 * itself, types stripped: the build type-checks them.
 */
export function allAppsCommand(toRoot: string): string {
  return `node ${synthEntryPath(toRoot)}`;
}

/**
 * The `synth` task: every stack app of the repository in one CDK app (the stacks library's
 * `all-apps.js` loading each app's `src/main.ts`), run without the CDK CLI: one process and
 * one load of aws-cdk-lib write `cdk.out` (as `cdk synth` would, with the context of
 * `cdk.json`) and `templates/`. The apps make no lookups, so the CLI would add nothing but
 * its start-up; `cdk diff` and `cdk deploy` take the result with `--app cdk.out`.
 *
 * The app is given on the command line of the task only: the root `cdk.json` holds the
 * context alone, so `cdk deploy` at the root has no app and cannot deploy all the stacks
 * around the preflight and the deploy order. Each app deploys from its own folder, through nx.
 */
export class AllStacksApp extends Component {
  /** The root `cdk.json`: the feature flags of the synth, no app. */
  public readonly cdkJson: JsonFile;
  /** `synth`: every stack into cdk.out, and each as templates/<kind>.yaml. */
  public readonly synthTask: Task;

  /**
   * @param appDirs the stack apps' folders
   * @param environments the repository's environments: each is synthesized with its settings
   * into `cdk.out/<name>` and `templates/<name>/`; none: `cdk.out` and `templates/`
   */
  constructor(project: Project, appDirs: string[], environments: string[]) {
    super(project);
    const mains = appDirs.map((dir) => `${dir}/src/main.ts`);
    this.cdkJson = new JsonFile(project, 'cdk.json', { obj: { context: cdkContext() } });
    // --prune: templates/ holds the templates of today's environments only.
    const which = environments.length > 0 ? ` --environments ${environments.join(',')}` : '';
    this.synthTask = project.addTask('synth', {
      description: `Synthesize every stack${which ? ' of every environment' : ''} into cdk.out and templates/ (one process, no AWS account needed)`,
      exec: `${allAppsCommand('.')}${which} --output ${ASSEMBLY_DIR} --templates ${TEMPLATES_DIR} --prune ${mains.join(' ')}`,
    });
  }
}
