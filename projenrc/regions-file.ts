import { javascript, TextFile } from 'projen';

/** The partitions the stacks support: their service principals are mapped in the templates. */
const SUPPORTED_PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov'];

/**
 * Writes the known AWS regions and their partitions, taken from aws-cdk-lib's region
 * database (`aws-cdk-lib/region-info`), so the list grows when aws-cdk-lib is bumped
 * instead of by hand. Only the partitions the stacks support are listed.
 */
export function regionsFile(project: javascript.NodeProject, filePath: string): TextFile {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { RegionInfo } = require('aws-cdk-lib/region-info');
  const regions = (RegionInfo.regions as Array<{ name: string; partition: string }>)
    .filter((r) => SUPPORTED_PARTITIONS.includes(r.partition))
    .sort((a, b) => a.name.localeCompare(b.name));
  const file = new TextFile(project, filePath, { marker: true });
  file.addLine(`// ${file.marker}`);
  file.addLine('/**');
  file.addLine(' * The AWS regions a deployment may name, with their partitions: from aws-cdk-lib\'s region');
  file.addLine(' * database (`aws-cdk-lib/region-info`), written by the product\'s .projenrc.ts. A region newer');
  file.addLine(' * than this list is allowed with `allowUnlistedRegion: true`.');
  file.addLine(' */');
  file.addLine('export const KNOWN_REGIONS: { [region: string]: string } = {');
  for (const r of regions) file.addLine(`  '${r.name}': '${r.partition}',`);
  file.addLine('};');
  return file;
}
