import { BottlerocketEksSettings, SETTINGS_FILE_NAME } from 'bottlerocket-eks-config';
import { Component, JsonFile, Project } from 'projen';

/**
 * The team's settings as JSON, written by projen from `.projenrc.ts` exactly as the team
 * gave them (no defaults filled in), read and resolved by every stack app and the preflight
 * (`readSettingsFile()` of the stacks library). Generated: change `.projenrc.ts`, not this file.
 */
export class TeamSettingsFile extends Component {
  /** The generated settings file. */
  public readonly file: JsonFile;

  /**
   * @param settings the deployment settings of the project options, as given
   * @param fileName the file: `bottlerocket-eks.settings.json`, or an environment's
   */
  constructor(project: Project, settings: BottlerocketEksSettings, fileName: string = SETTINGS_FILE_NAME) {
    super(project);
    this.file = new JsonFile(project, fileName, { obj: settings });
  }
}
