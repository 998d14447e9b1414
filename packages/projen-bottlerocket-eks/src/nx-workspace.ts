import { ASSEMBLY_DIR, ENVIRONMENT_ENV, SETTINGS_FILE_ENV, VALIDATE_ENV } from 'bottlerocket-eks-config';
import { Component, JsonFile, Project } from 'projen';

/**
 * The team repository's `nx.json`: stack apps are nx projects whose `synth` output is
 * cached on the app's sources and on every root file and variable that changes a synth;
 * deploys and destroys never are. Never connects to Nx Cloud (and so never advertises it).
 */
export class TeamNxWorkspace extends Component {
  /** The generated `nx.json`. */
  public readonly file: JsonFile;

  /** @param settingsFiles the settings file of each deployment */
  constructor(project: Project, settingsFiles: string[]) {
    super(project);
    this.file = new JsonFile(project, 'nx.json', {
      obj: {
        $schema: './node_modules/nx/schemas/nx-schema.json',
        neverConnectToCloud: true,
        namedInputs: {
          default: ['{projectRoot}/**/*', `!{projectRoot}/${ASSEMBLY_DIR}/**/*`, 'sharedGlobals'],
          // What a synth reads outside its app folder: the settings (or the file the variable
          // names instead), the installed packages, and the module settings of tsx (tsconfig.json,
          // package.json).
          sharedGlobals: [
            ...settingsFiles.map((file) => `{workspaceRoot}/${file}`),
            '{workspaceRoot}/package-lock.json',
            '{workspaceRoot}/package.json',
            '{workspaceRoot}/tsconfig.json',
            { env: SETTINGS_FILE_ENV },
            { env: ENVIRONMENT_ENV },
            // aws-cdk-lib's validation: a cached synth without it must not stand in for one with it.
            { env: VALIDATE_ENV },
          ],
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
