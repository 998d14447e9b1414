import * as path from 'path';
import { github, javascript, SampleFile } from 'projen';
import { ActionRefs } from 'projen/lib/github/actions.const';

/**
 * The actions the release workflow uses: projen's reviewed references (a release tag or a commit
 * SHA), the same ones the team workflows pin (packages/projen-bottlerocket-eks/src/team-workflows.ts),
 * so they move with projen (projenrc/versions.ts). Releases that run on Node 24 themselves.
 */
export const RELEASE_ACTIONS = {
  checkout: ActionRefs.ACTIONS_CHECKOUT,
  setupNode: ActionRefs.ACTIONS_SETUP_NODE,
};

export interface ReleaseOptions {
  /** The version every package is released under (lockstep). */
  readonly version: string;
  /** The packages to publish, in dependency order (each after the ones it depends on). */
  readonly packages: javascript.NodeProject[];
  /** The Node.js major version to test and publish with. */
  readonly nodeVersion: string;
  /** The repository secret holding the npm token (an automation or granular publish token). */
  readonly npmTokenSecret?: string;
}

/**
 * The release of the product: on a version tag (`v*`) or by hand, test everything and publish
 * the tarballs the build packed (the very ones the tests installed), in dependency order, with
 * npm provenance. The root's `github` must be enabled, with its other workflows off.
 */
export function releaseWorkflow(root: javascript.NodeProject, options: ReleaseOptions): github.GithubWorkflow {
  if (!root.github) throw new Error('releaseWorkflow needs the root project\'s GitHub component (github: true)');
  const workflow = root.github.addWorkflow('release');
  workflow.on({ push: { tags: ['v*'] }, workflowDispatch: {} });
  const packages = options.packages.map((p) => {
    const dir = path.posix.relative(root.outdir, p.outdir);
    return { name: p.package.packageName, dir, tarball: `${dir}/dist/js/${p.package.packageName}-${options.version}.tgz` };
  });
  workflow.addJobs({
    release: {
      name: 'Test and publish to npm',
      runsOn: ['ubuntu-latest'],
      // id-token: npm provenance signs with the workflow's OIDC identity.
      permissions: { contents: github.workflows.JobPermission.READ, idToken: github.workflows.JobPermission.WRITE },
      // One release at a time; a second tag waits rather than racing the first.
      concurrency: { 'group': 'release', 'cancel-in-progress': false },
      steps: [
        { name: 'Check out', uses: RELEASE_ACTIONS.checkout },
        {
          name: 'Set up Node.js',
          uses: RELEASE_ACTIONS.setupNode,
          // registry-url makes setup-node write an .npmrc that reads NODE_AUTH_TOKEN.
          with: { 'node-version': options.nodeVersion, 'registry-url': 'https://registry.npmjs.org', 'cache': 'npm' },
        },
        {
          name: 'Check the tag names the version of every package',
          if: "startsWith(github.ref, 'refs/tags/v')",
          run: [
            `test "\${GITHUB_REF_NAME#v}" = "${options.version}" || { echo "tag $GITHUB_REF_NAME is not v${options.version} (VERSIONS.product)"; exit 1; }`,
            ...packages.map(({ dir }) => `test "$(node -p "require('./${dir}/package.json').version")" = "${options.version}"`),
          ].join('\n'),
        },
        { name: 'Install', run: 'npm ci' },
        // Builds and packs every package (nx: test depends on build), then runs every test,
        // the end-to-end ones through a local registry included.
        { name: 'Test', run: 'npm test' },
        ...packages.map(({ name, tarball }) => ({
          name: `Publish ${name}`,
          // Skipped when that version is out already, so a run by hand after a failed publish
          // publishes the rest.
          run: [
            `if [ -n "$(npm view ${name}@${options.version} version 2>/dev/null)" ]; then echo "${name}@${options.version} is published already"; else`,
            `  npm publish ${tarball} --provenance --access public`,
            'fi',
          ].join('\n'),
          env: { NODE_AUTH_TOKEN: `\${{ secrets.${options.npmTokenSecret ?? 'NPM_TOKEN'} }}` },
        })),
      ],
    },
  });
  return workflow;
}

/** CHANGELOG.md: written once (a release adds its entry by hand), never regenerated. */
export function changelog(root: javascript.NodeProject, version: string): SampleFile {
  return new SampleFile(root, 'CHANGELOG.md', {
    contents: [
      '# Changelog',
      '',
      'All packages of this repository (bottlerocket-eks-config, bottlerocket-eks-stacks,',
      'projen-bottlerocket-eks, create-bottlerocket-eks) are released together under one version.',
      'How to cut a release: [docs/releasing.md](docs/releasing.md).',
      '',
      '## [Unreleased]',
      '',
      `## [${version}]`,
      '',
      '- First release: the config package, the CDK stacks and their `bottlerocket-eks` CLI, the',
      '  projen project type and `npm create bottlerocket-eks`.',
      '',
    ].join('\n'),
  });
}
