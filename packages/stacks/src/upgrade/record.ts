import * as fs from 'fs';

/**
 * What an applied upgrade step moves, written by `upgrade --apply` beside the settings file
 * (`deploymentPaths(environment).upgradeRecord`) and committed with the change: the way back
 * that `upgrade --rollback` plans.
 */
export interface UpgradeRecord {
  /** The format of this file. */
  readonly format: 1;
  readonly environment?: string;
  /** The Kubernetes version before the step, and after it. */
  readonly from: string;
  readonly to: string;
  /** When the step was written into `.projenrc.ts` (ISO 8601); the deploy comes later. */
  readonly appliedAt: string;
  /** Each add-on's version before the step (as installed) and the one the step asks for (undefined: EKS's default). */
  readonly addons: { readonly name: string; readonly from?: string; readonly to?: string }[];
  /** Each node group's Kubernetes version and Bottlerocket release before the step. */
  readonly nodegroups: { readonly name: string; readonly nodegroupName?: string; readonly version?: string; readonly releaseVersion?: string }[];
}

/** The record in `file`, or undefined when there is none. */
export function readUpgradeRecord(file: string): UpgradeRecord | undefined {
  if (!fs.existsSync(file)) return undefined;
  const record = JSON.parse(fs.readFileSync(file, 'utf-8')) as UpgradeRecord;
  if (record.format !== 1) throw new Error(`${file}: an upgrade record of an unknown format (${String(record.format)}); this bottlerocket-eks reads format 1.`);
  return record;
}

export function writeUpgradeRecord(file: string, record: UpgradeRecord): void {
  fs.writeFileSync(file, `${JSON.stringify(record, undefined, 2)}\n`);
}
