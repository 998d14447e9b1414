import { ExtraNodegroupOptions, ResolvedSettings } from 'bottlerocket-eks-config';
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

  /**
   * @param settings the resolved settings: written with every default filled in
   * @param extraNodegroups the extra node groups as the team wrote them (each resolves the same again)
   */
  constructor(project: Project, settings: ResolvedSettings, extraNodegroups?: ExtraNodegroupOptions[]) {
    super(project);
    // Derived values are left out: the apps derive them again from the rest.
    const { partition: _partition, nodegroups: [main], ...stored } = settings;
    const { id: _id, nodegroupName: _name, amiType: _amiType, desiredSize: _d, minSize: _min, maxSize: _max, ...mainGroup } = main;
    this.file = new JsonFile(project, SETTINGS_FILE_NAME, { obj: { ...stored, ...mainGroup, extraNodegroups } });
  }
}
