import { ResolvedSettings } from 'bottlerocket-eks-config';
import { Component, JsonFile, Project } from 'projen';

/** The file the stack apps read their settings from; `readSettingsFile()` of the stacks library finds it. */
export const SETTINGS_FILE_NAME = 'bottlerocket-eks.settings.json';

/**
 * The team's validated settings as JSON, written by projen from `.projenrc.ts`, read by
 * every stack app at synth time. Generated: change `.projenrc.ts`, not this file.
 */
export class TeamSettingsFile extends Component {
  /** The generated settings file. */
  public readonly file: JsonFile;

  constructor(project: Project, settings: ResolvedSettings) {
    super(project);
    const { partition: _derived, ...stored } = settings;
    this.file = new JsonFile(project, SETTINGS_FILE_NAME, { obj: stored });
  }
}
