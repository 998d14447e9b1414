import { Component, DependencyType, JsonFile, Project } from 'projen';

/**
 * The nx workspace of this repository: `nx.json` with the task graph and cache.
 *
 * projen has no nx support of its own, so this component writes `nx.json` and adds
 * nx as a dev dependency of the root. Targets come from each package's npm scripts
 * (which projen writes); here we only say how they depend on each other and what
 * nx may cache.
 */
export class NxWorkspace extends Component {
  /** The generated `nx.json`. */
  public readonly file: JsonFile;

  constructor(project: Project, nxVersion: string) {
    super(project);
    project.deps.addDependency(`nx@${nxVersion}`, DependencyType.BUILD);
    this.file = new JsonFile(project, 'nx.json', {
      obj: {
        $schema: './node_modules/nx/schemas/nx-schema.json',
        // The cache is local; no Nx Cloud prompt or advert in the logs.
        neverConnectToCloud: true,
        namedInputs: {
          default: ['{projectRoot}/**/*', 'sharedGlobals'],
          // The Node.js version is an input of every task: CI runs the tests on Node 20 and on
          // Node 24 in one checkout, and a result cached on one must not stand for the other.
          sharedGlobals: ['{workspaceRoot}/tsconfig.base.json', '{workspaceRoot}/package-lock.json', { runtime: 'node --version' }],
        },
        targetDefaults: {
          // Every package builds after the packages it depends on; the output is what
          // a later build or test reads (compiled JS, jsii assembly, packed tarball).
          build: {
            dependsOn: ['^build'],
            cache: true,
            inputs: ['default', '^default'],
            outputs: ['{projectRoot}/lib', '{projectRoot}/dist', '{projectRoot}/.jsii', '{projectRoot}/API.md'],
          },
          // Tests run as their own target so that a rebuild does not rerun them and a
          // test run reuses the cached builds.
          test: {
            dependsOn: ['build', '^build'],
            cache: true,
            // The temp folder check every package's jest runs (projenrc/jest/) is part of the test.
            inputs: ['default', '^default', '{workspaceRoot}/projenrc/jest/**/*'],
            outputs: ['{projectRoot}/coverage', '{projectRoot}/test-reports'],
          },
        },
        // Two cores on CI: run two tasks at a time.
        parallel: 2,
      },
    });
  }
}
