import { Component, JsonFile } from 'projen';
import { NodeProject } from 'projen/lib/javascript';

export interface NxProjectOptions {
  /** nx target name -> the projen task of the package that it runs. */
  readonly targets: Record<string, string>;
}

/**
 * The `project.json` of one workspace package: its nx targets, each running a projen
 * task of the package. Dependencies between packages come from their package.json
 * (nx reads them), ordering and caching from `targetDefaults` in nx.json.
 */
export class NxProject extends Component {
  /** The generated `project.json`. */
  public readonly file: JsonFile;

  constructor(project: NodeProject, options: NxProjectOptions) {
    super(project);
    const targets: Record<string, unknown> = {};
    for (const [target, task] of Object.entries(options.targets)) {
      targets[target] = {
        executor: 'nx:run-commands',
        options: { command: `npx projen ${task}`, cwd: '{projectRoot}' },
      };
    }
    // The repository's build configuration, not the package's: kept out of the published tarball.
    project.addPackageIgnore('/project.json');
    this.file = new JsonFile(project, 'project.json', {
      obj: { name: project.package.packageName, $schema: '../../node_modules/nx/schemas/project-schema.json', targets },
    });
  }
}
