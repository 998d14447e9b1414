// Maintainer command: rewrites packages/config/src/eks-versions-data.ts (the Kubernetes versions
// in EKS standard support with their dates, and the add-on versions for each) from the EKS API.
// Needs AWS credentials that may call eks:DescribeClusterVersions and eks:DescribeAddonVersions;
// the region is AWS_REGION (default us-east-1). Run from packages/stacks:
//   npx tsx scripts/refresh-eks-versions.ts
// then rebuild the config package and review the diff (new versions, new add-on builds).
import * as fs from 'fs';
import * as path from 'path';
import { EKSClient } from '@aws-sdk/client-eks';
import { readEksVersions, renderEksVersionsData } from '../src/maintenance/eks-versions';

const DATA_FILE = path.join(__dirname, '..', '..', 'config', 'src', 'eks-versions-data.ts');

async function main(): Promise<void> {
  const region = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1';
  const snapshot = await readEksVersions(new EKSClient({ region }), region);
  fs.writeFileSync(DATA_FILE, renderEksVersionsData(snapshot));
  console.log(`Wrote ${path.relative(process.cwd(), DATA_FILE)}: Kubernetes ${snapshot.clusterVersions.map((v) => v.clusterVersion).join(', ')} (EKS API in ${region}).`);
}

main().catch((error: Error) => {
  console.error(`refresh-eks-versions: ${error.name}: ${error.message}`);
  process.exitCode = 1;
});
