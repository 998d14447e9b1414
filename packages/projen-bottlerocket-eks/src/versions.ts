export { DEFAULT_VERSIONS } from './default-versions';

/** The version of this package: the stacks library released with it has the same version. */
export function ownVersion(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('../package.json').version;
}
