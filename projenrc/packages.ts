import * as path from 'path';
import { cdk, javascript, TextFile, typescript } from 'projen';
import { NxProject } from './nx-project';
import { VERSIONS } from './versions';

/** What every package of this repository shares. */
export const packageCommon = {
  author: 'The bottlerocket-eks authors',
  authorAddress: 'bottlerocket-eks@users.noreply.github.com',
  repositoryUrl: 'https://github.com/bottlerocket-eks/bottlerocket-eks.git',
  compilerOptions: {
    strict: true,
    target: 'ES2022',
    module: 'CommonJS',
    lib: ['es2022'],
    esModuleInterop: true,
    skipLibCheck: true,
    declaration: true,
    noUnusedLocals: true,
    noUnusedParameters: true,
    noImplicitReturns: true,
    noFallthroughCasesInSwitch: true,
  } as javascript.TypeScriptCompilerOptions,
};

/** The jest globalSetup and globalTeardown of every package (relative to the repository root). */
export const JEST_TEMP_GUARD = 'projenrc/jest';

export interface PackageOptions {
  readonly name: string;
  readonly outdir: string;
  readonly description: string;
  readonly deps?: string[];
  readonly devDeps?: string[];
  readonly peerDeps?: string[];
  readonly bin?: Record<string, string>;
  readonly private?: boolean;
}

/**
 * Settings shared by all packages: lockstep version, no release machinery of their own
 * (the repository releases them together), tests as their own nx target.
 */
function sharedNodeOptions(o: PackageOptions) {
  return {
    name: o.name,
    outdir: o.outdir,
    description: o.description,
    defaultReleaseBranch: 'main',
    packageManager: javascript.NodePackageManager.NPM,
    license: 'Apache-2.0',
    copyrightOwner: packageCommon.author,
    author: packageCommon.author,
    authorAddress: packageCommon.authorAddress,
    repositoryUrl: packageCommon.repositoryUrl,
    minNodeVersion: '20.0.0',
    projenVersion: VERSIONS.projen,
    release: false,
    depsUpgrade: false,
    github: false,
    // projen's eslint setup (typescript-eslint, import order, @stylistic with a 150-column
    // limit), run by each package's test task; without --fix, so a style slip fails the tests.
    eslint: true,
    eslintOptions: { dirs: ['src'], devdirs: ['test'], commandOptions: { fix: false } },
    prettier: false,
    deps: o.deps,
    devDeps: o.devDeps,
    peerDeps: o.peerDeps,
    bin: o.bin,
    typescriptVersion: VERSIONS.typescript,
    jestOptions: {
      jestVersion: '^29',
      configFilePath: 'jest.config.json',
      updateSnapshot: javascript.UpdateSnapshot.NEVER,
      // A test run must leave nothing in the OS temp folder: the run gets a temp folder of
      // its own, and the run fails for anything left in it (projenrc/jest/temp-guard.js).
      jestConfig: {
        globalSetup: `<rootDir>/${path.posix.relative(o.outdir, JEST_TEMP_GUARD)}/global-setup.js`,
        globalTeardown: `<rootDir>/${path.posix.relative(o.outdir, JEST_TEMP_GUARD)}/global-teardown.js`,
      },
    },
  };
}

/**
 * The nx `build` target of a package: compile and pack, no tests. projen's own `build`
 * task also runs the tests (and is locked), so nx runs this task instead and tests stay
 * a separate, separately cached nx target.
 */
function addDistTask(project: javascript.NodeProject) {
  // projen's eslint component adds these without a version, which a workspace member cannot
  // resolve (the root installs): give them one.
  for (const [name, version] of [['eslint-plugin-import', VERSIONS.eslintPluginImport], ['eslint-import-resolver-typescript', VERSIONS.eslintImportResolverTypescript]]) {
    project.deps.removeDependency(name);
    project.addDevDeps(`${name}@${version}`);
  }
  project.packageTask.reset('mkdir -p dist/js && npm pack --pack-destination dist/js --silent');
  const dist = project.addTask('dist', { description: 'Compile and pack the package into dist/js (the nx build target)' });
  for (const step of [project.preCompileTask, project.compileTask, project.postCompileTask, project.packageTask]) {
    dist.spawn(step);
  }
  project.package.addVersion(VERSIONS.product);
  new NxProject(project, { targets: { build: 'dist', test: 'test' } });
}

export function typescriptPackage(parent: javascript.NodeProject, o: PackageOptions): typescript.TypeScriptProject {
  const project = new typescript.TypeScriptProject({
    parent,
    ...sharedNodeOptions(o),
    sampleCode: false,
  });
  addDistTask(project);
  if (o.private) project.package.addField('private', true);
  return project;
}

export function jsiiPackage(parent: javascript.NodeProject, o: PackageOptions): cdk.JsiiProject {
  const project = new cdk.JsiiProject({
    parent,
    ...sharedNodeOptions(o),
    jsiiVersion: VERSIONS.jsii,
    sampleCode: false,
    docgen: false,
  });
  // Only the JavaScript target is packed (plain `npm pack`, see addDistTask) and no API
  // compatibility check runs, so jsii-pacmak and jsii-diff are not needed.
  project.deps.removeDependency('jsii-pacmak');
  project.deps.removeDependency('jsii-diff');
  addDistTask(project);
  return project;
}

/** Writes a TypeScript module exporting `DEFAULT_VERSIONS`, generated so the pins live in one place. */
export function defaultVersionsFile(project: javascript.NodeProject, filePath: string, versions: Record<string, string>): TextFile {
  const file = new TextFile(project, filePath, { marker: true });
  file.addLine(`// ${file.marker}`);
  file.addLine('/** Versions a new team repository starts from (options of the project type override each). */');
  file.addLine('export const DEFAULT_VERSIONS = {');
  for (const [name, version] of Object.entries(versions)) file.addLine(`  ${name}: '${version}',`);
  file.addLine('};');
  return file;
}
