/**
 * Versions a new team repository starts from, measured together on Node 20. A team can
 * override each through the project options; upgrading projen-bottlerocket-eks moves the
 * defaults.
 */
export const DEFAULT_VERSIONS = {
  awsCdkLib: '^2.276.0',
  awsCdkCli: '^2.1148.1',
  constructs: '^10.8.1',
  nx: '24.0.6',
  projen: '^0.103.25',
  tsx: '4.23.15',
  typescript: '~5.9.3',
  nodeTypes: '^20',
};

/** The version of this package: the stacks library released with it has the same version. */
export function ownVersion(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('../package.json').version;
}
