import { javascript, TextFile } from 'projen';

/** The CloudFormation namespaces whose resource types the stacks use (and may come to use). */
const NAMESPACES = ['AWS::EC2::', 'AWS::EKS::', 'AWS::IAM::'];

/**
 * Writes, for every resource type of the namespaces above, the properties whose change makes
 * CloudFormation replace the resource ('yes', or 'maybe' when it depends on the value), from
 * the CloudFormation resource specification aws-cdk-lib is generated from
 * (`@aws-cdk/aws-service-spec`). The preflight's update plan judges changes with it.
 */
export function createOnlyPropertiesFile(project: javascript.NodeProject, filePath: string): TextFile {
  // Generated data, one type a line: not for the style rules.
  project.eslint?.addIgnorePattern(filePath);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { loadAwsServiceSpecSync } = require('@aws-cdk/aws-service-spec');
  const db = loadAwsServiceSpecSync();
  const table: Record<string, Record<string, string>> = {};
  for (const resource of db.all('resource') as Array<{ cloudFormationType: string; properties: Record<string, { causesReplacement?: string }> }>) {
    if (!NAMESPACES.some((ns) => resource.cloudFormationType.startsWith(ns))) continue;
    const replacing = Object.entries(resource.properties).filter(([, p]) => p.causesReplacement === 'yes' || p.causesReplacement === 'maybe');
    table[resource.cloudFormationType] = Object.fromEntries(replacing.map(([name, p]) => [name, p.causesReplacement!]).sort());
  }
  const file = new TextFile(project, filePath, { marker: true });
  file.addLine(`// ${file.marker}`);
  file.addLine('/**');
  file.addLine(' * Properties whose change replaces the resource, per CloudFormation resource type of');
  file.addLine(` * ${NAMESPACES.map((n) => n.replace(/::$/, '')).join(', ')}: \`yes\`, or \`maybe\` when it depends on the value. From the CloudFormation`);
  file.addLine(' * resource specification (`@aws-cdk/aws-service-spec`), written by the product\'s .projenrc.ts.');
  file.addLine(' */');
  file.addLine('export const CREATE_ONLY_PROPERTIES: { readonly [type: string]: { readonly [property: string]: \'yes\' | \'maybe\' } } = {');
  for (const type of Object.keys(table).sort()) {
    const props = Object.entries(table[type]).map(([name, how]) => `${name}: '${how}'`).join(', ');
    file.addLine(`  '${type}': { ${props} },`);
  }
  file.addLine('};');
  return file;
}
