import { javascript, TextFile } from 'projen';

/**
 * Writes the feature flags aws-cdk-lib recommends for a new app (`CURRENTLY_RECOMMENDED_FLAGS`
 * of `aws-cdk-lib/cx-api`, the context `cdk init` writes into cdk.json), taken from the
 * aws-cdk-lib this repository builds with, so the list follows a bump of aws-cdk-lib and the
 * project type (a jsii package) needs no aws-cdk-lib at run time.
 */
export function cdkFeatureFlagsFile(project: javascript.NodeProject, filePath: string): TextFile {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { CURRENTLY_RECOMMENDED_FLAGS } = require('aws-cdk-lib/cx-api');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const version: string = require('aws-cdk-lib/package.json').version;
  const flags = Object.entries(CURRENTLY_RECOMMENDED_FLAGS as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
  const file = new TextFile(project, filePath, { marker: true });
  file.addLine(`// ${file.marker}`);
  file.addLine('/**');
  file.addLine(` * The feature flags aws-cdk-lib ${version} recommends for a new app (\`CURRENTLY_RECOMMENDED_FLAGS\` of`);
  file.addLine(' * `aws-cdk-lib/cx-api`, what `cdk init` writes into cdk.json), written by the product\'s .projenrc.ts.');
  file.addLine(' */');
  file.addLine('export const RECOMMENDED_CDK_FEATURE_FLAGS: { [flag: string]: any } = {');
  for (const [flag, value] of flags) file.addLine(`  '${flag}': ${literal(value)},`);
  file.addLine('};');
  file.addLine('');
  file.addLine('/** The aws-cdk-lib version `RECOMMENDED_CDK_FEATURE_FLAGS` was taken from. */');
  file.addLine(`export const RECOMMENDED_CDK_FEATURE_FLAGS_VERSION = '${version}';`);
  return file;
}

/** A flag's value as TypeScript: a boolean, a string or an array of strings. */
function literal(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  return typeof value === 'string' ? `'${value}'` : String(value);
}
