import { Component, JsonFile, Project, Task } from 'projen';
import { cdkContext } from './cdk-context';

/**
 * The `synth` task: every stack app of the repository in one CDK app (the stacks library's
 * `all-apps.js` loading each app's `src/main.ts`), so one CDK CLI process and one load of
 * aws-cdk-lib synthesize them all, three times faster than one by one.
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

  constructor(project: Project, appDirs: string[]) {
    super(project);
    const mains = appDirs.map((dir) => `${dir}/src/main.ts`);
    this.cdkJson = new JsonFile(project, 'cdk.json', { obj: { context: cdkContext() } });
    const app = `node --import tsx node_modules/bottlerocket-eks-stacks/lib/all-apps.js ${mains.join(' ')}`;
    this.synthTask = project.addTask('synth', {
      description: 'Synthesize every stack into templates/ (one CDK CLI run, no AWS account needed)',
      exec: `cdk --no-notices synth --app "${app}" --output cdk.out --quiet && bottlerocket-eks templates-from cdk.out templates`,
    });
  }
}
