/**
 * Every third-party version this repository pins, in one place.
 * Measured together on Node 20 (see shared FIELD-NOTES): bump them together.
 */
export const VERSIONS = {
  /** The version all packages of this repository are released under, in lockstep. */
  product: '0.1.0',
  projen: '0.103.25',
  constructs: '10.8.1',
  awsCdkLib: '2.276.0',
  awsCdkCli: '2.1148.1',
  jsii: '~6.0.16',
  typescript: '~5.9.3',
  /**
   * The TypeScript of a team repository: the native compiler (7), which type-checks the team's
   * apps against aws-cdk-lib in a fraction of 5.9's time and memory. jsii stays on `typescript`.
   */
  teamTypescript: '7.0.2',
  nx: '24.0.6',
  /** AWS SDK v3 clients of the preflight, each at its newest release (they are released separately). */
  clientSts: '3.1174.0',
  clientCloudFormation: '3.1169.0',
  clientEc2: '3.1169.0',
  clientEks: '3.1175.0',
  clientServiceQuotas: '3.1138.0',
  clientCloudWatchLogs: '3.1169.0',
  clientKms: '3.1164.0',
  clientSsm: '3.1178.0',
  clientPricing: '3.1133.0',
  cdkValidatorCfnGuard: '0.0.62',
  smolToml: '1.9.1',
  /** The TypeScript parser of `upgrade --apply`, bundled into the stacks library (its 7.x line runs on Node 20). */
  babelParser: '7.29.15',
  yaml: '^2.8.1',
  tsx: '4.23.15',
  /** The transpiler of the stacks library's loader of team apps: the range tsx 4.23 uses, so a team installs one esbuild. */
  esbuild: '~0.28.2',
  nodeTypes: '^20',
  awsSdkClientMock: '4.1.0',
  iamSimulate: '0.1.173',
  iamData: '0.21.202609261',
  /** cdk-nag 3 is an aws-cdk-lib validation plugin: findings are acknowledged with `Validations`. */
  cdkNag: '3.0.2',
  /** The CloudFormation resource specification aws-cdk-lib is generated from (the newest published). */
  awsServiceSpec: '0.1.216',
  serviceSpecTypes: '0.0.282',
  /** GitHub Actions workflow validation (WASM, CJS) of the project type's tests. */
  actionValidator: '0.6.0',
  /** projen's eslint setup names these plugins without a version; pinned so the workspace root installs them. */
  eslintPluginImport: '^2.32.0',
  eslintImportResolverTypescript: '^4.4.5',
  /** The local npm registry of the registry end-to-end test (packages/e2e/src/registry.ts); its newest 6.x on Node 20 (6.9 wants 22). */
  verdaccio: '6.8.0',
  /** node-fetch's `cjs` dist-tag (its 2.x line), for verdaccio-audit: see .projenrc.ts. */
  nodeFetchCjs: '2.7.0',
} as const;
