import { Component } from 'projen';
import { NodeProject, TypescriptConfig, TypeScriptCompilerOptions } from 'projen/lib/javascript';
import { TypeScriptProject } from 'projen/lib/typescript';

/**
 * An npm workspace whose root is the only installer.
 *
 * projen synthesizes subprojects before their parent and, left alone, each subproject
 * runs its own `npm install` then: before the root `package.json` lists the workspaces,
 * which leaves stray lockfiles and 404s on sibling packages that are not published yet.
 * Members here install nothing themselves; the root's single `npm install` (or `npm ci`)
 * links them all from one lockfile.
 */
export class NpmWorkspace extends Component {
  /** The workspace members, in the order they were added. */
  public readonly members: NodeProject[] = [];

  /** `tsconfig.base.json`: the compiler options every TypeScript member extends. */
  public readonly baseTsconfig: TypescriptConfig;

  constructor(public readonly root: NodeProject, compilerOptions: TypeScriptCompilerOptions) {
    super(root);
    root.package.addField('workspaces', ['packages/*']);
    this.baseTsconfig = new TypescriptConfig(root, { fileName: 'tsconfig.base.json', compilerOptions });
  }

  /** Makes `member` a workspace package: no install of its own, shared compiler options. */
  public addMember(member: NodeProject): void {
    this.members.push(member);
    for (const task of [member.package.installTask, member.package.installCiTask]) {
      task.reset('echo "dependencies are installed by the workspace root (npm ci at the root)"');
    }
    if (member instanceof TypeScriptProject && member.tsconfig) {
      member.tsconfig.addExtends(this.baseTsconfig);
    }
  }

  /**
   * A member whose package.json changed needs the root to install again (the root only
   * notices its own package.json), e.g. after a dependency is added to a member.
   */
  public postSynthesize(): void {
    const rootInstalled = this.root.package.file.changed;
    const changed = this.members.filter((m) => m.package.file.changed).map((m) => m.package.packageName);
    if (!rootInstalled && changed.length > 0) {
      this.root.logger.info(`Installing at the workspace root: ${changed.join(', ')} changed`);
      this.root.tasks.runTask(this.root.package.installTask.name);
    }
  }
}
