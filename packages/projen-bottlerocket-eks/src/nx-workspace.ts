import { Component, JsonFile, Project } from 'projen';

/**
 * The team repository's `nx.json`: stack apps are nx projects whose `synth` output is
 * cached on the settings file and the app's sources; deploys and destroys never are.
 */
export class TeamNxWorkspace extends Component {
  /** The generated `nx.json`. */
  public readonly file: JsonFile;

  constructor(project: Project, settingsFileName: string) {
    super(project);
    this.file = new JsonFile(project, 'nx.json', {
      obj: {
        $schema: './node_modules/nx/schemas/nx-schema.json',
        namedInputs: {
          default: ['{projectRoot}/**/*', '!{projectRoot}/cdk.out/**/*', 'sharedGlobals'],
          sharedGlobals: [`{workspaceRoot}/${settingsFileName}`, '{workspaceRoot}/package-lock.json', '{workspaceRoot}/tsconfig.base.json'],
        },
        targetDefaults: {
          synth: { cache: true, inputs: ['default'] },
          diff: { cache: false },
          deploy: { cache: false },
          destroy: { cache: false },
        },
      },
    });
  }
}
