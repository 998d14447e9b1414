import { ADDON_NAMES } from 'bottlerocket-eks-config';
import { type AddonInfo, type ClusterVersionInformation, EKSClient, paginateDescribeAddonVersions, paginateDescribeClusterVersions } from '../aws/sdk';

// The maintainer's refresh of the Kubernetes and add-on version tables of the config package
// (`eks-versions-data.ts`) from the EKS API. Reading the API and writing the file are apart so
// that the rendering is a pure function tests can run without credentials.

/** What EKS said, for the file to be written from. */
export interface EksVersionsSnapshot {
  /** The region asked. */
  readonly region: string;
  /** The day asked (UTC, `YYYY-MM-DD`). */
  readonly date: string;
  /** `DescribeClusterVersions` of the versions in standard support. */
  readonly clusterVersions: ClusterVersionInformation[];
  /** `DescribeAddonVersions` per Kubernetes version, per EKS add-on name. */
  readonly addons: { readonly [kubernetesVersion: string]: { readonly [addonName: string]: AddonInfo[] } };
}

/** The command that writes the file, as the header says. */
export const REFRESH_COMMAND = 'npx projen refresh-eks-versions';

/** Asks EKS for the versions in standard support and, for each, the versions of every add-on the product installs. */
export async function readEksVersions(eks: EKSClient, region: string, now: Date = new Date()): Promise<EksVersionsSnapshot> {
  const clusterVersions: ClusterVersionInformation[] = [];
  for await (const page of paginateDescribeClusterVersions({ client: eks }, { versionStatus: 'STANDARD_SUPPORT' })) {
    clusterVersions.push(...(page.clusterVersions ?? []));
  }
  const addons: Record<string, Record<string, AddonInfo[]>> = {};
  for (const kubernetesVersion of standardVersions(clusterVersions)) {
    addons[kubernetesVersion] = {};
    for (const addonName of Object.values(ADDON_NAMES)) {
      const infos: AddonInfo[] = [];
      for await (const page of paginateDescribeAddonVersions({ client: eks }, { addonName, kubernetesVersion })) {
        infos.push(...(page.addons ?? []));
      }
      addons[kubernetesVersion][addonName] = infos;
    }
  }
  return { region, date: now.toISOString().slice(0, 10), clusterVersions, addons };
}

/**
 * The add-on version to install on `kubernetesVersion`: the one EKS marks as its default for
 * that version, else the newest one compatible with it; with which of the two it is.
 */
export function pickAddonVersion(infos: AddonInfo[], addonName: string, kubernetesVersion: string): { version: string; how: string } | undefined {
  const compatible = infos.filter((a) => a.addonName === undefined || a.addonName === addonName)
    .flatMap((a) => a.addonVersions ?? [])
    .filter((v) => v.addonVersion && (v.compatibilities ?? []).some((c) => c.clusterVersion === kubernetesVersion));
  const preferred = compatible.find((v) => v.compatibilities!.some((c) => c.clusterVersion === kubernetesVersion && c.defaultVersion));
  if (preferred) return { version: preferred.addonVersion!, how: `default for ${kubernetesVersion}` };
  const newest = compatible.map((v) => v.addonVersion!).sort(compareAddonVersions).pop();
  return newest === undefined ? undefined : { version: newest, how: `newest for ${kubernetesVersion}, no default marked` };
}

/** Orders `v1.20.1-eksbuild.3` style versions by their numbers. */
export function compareAddonVersions(a: string, b: string): number {
  const numbers = (v: string) => (v.match(/\d+/g) ?? []).map(Number);
  const [x, y] = [numbers(a), numbers(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? -1) - (y[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * The text of `packages/config/src/eks-versions-data.ts` for `snapshot`. Everything in it comes
 * from the EKS API, so every row is verified (`estimated: false`) and every add-on version carries
 * its source. An add-on EKS offers no version of for a Kubernetes version (one EKS has only just
 * released may lack add-ons for a few days) is left out of that row: the stacks then write no
 * `AddonVersion` and EKS picks, and the preflight refuses to create an add-on EKS does not offer.
 */
export function renderEksVersionsData(snapshot: EksVersionsSnapshot): string {
  const source = `EKS API in ${snapshot.region} on ${snapshot.date}`;
  const versions = standardVersions(snapshot.clusterVersions);
  if (versions.length === 0) throw new Error(`EKS listed no Kubernetes version in standard support (${source}).`);
  const rows = versions.map((version) => {
    const info = snapshot.clusterVersions.find((v) => v.clusterVersion === version)!;
    return {
      version,
      eksRelease: day(info.releaseDate, version, 'releaseDate'),
      endOfStandardSupport: day(info.endOfStandardSupportDate, version, 'endOfStandardSupportDate'),
      estimated: false,
      source: `DescribeClusterVersions, ${source}`,
    };
  });
  const addonSource = `DescribeAddonVersions, ${source}`;
  const addonRows: Record<string, Record<string, { version: string; source: string }>> = {};
  for (const version of versions) {
    addonRows[version] = {};
    for (const [key, addonName] of Object.entries(ADDON_NAMES)) {
      const picked = pickAddonVersion(snapshot.addons[version]?.[addonName] ?? [], addonName, version);
      if (picked) addonRows[version][key] = { version: picked.version, source: `${addonSource} (${picked.how})` };
    }
  }
  return [
    '// The Kubernetes versions and EKS add-on versions the product offers, in one place.',
    '//',
    `// Written by \`${REFRESH_COMMAND}\` on ${snapshot.date} from the EKS API in ${snapshot.region}:`,
    '// DescribeClusterVersions (versions in STANDARD_SUPPORT, their dates) and DescribeAddonVersions',
    '// (per add-on and Kubernetes version, the version EKS marks as default, else the newest).',
    '// All of it is verified: it is what EKS answered. An add-on EKS offered no version of is left',
    '// out of its row, and the stacks then leave its version to EKS.',
    '// Do not edit by hand: run the command again.',
    '',
    '/** Where the data of this file came from. */',
    `export const EKS_VERSIONS_SOURCE = ${JSON.stringify(`${REFRESH_COMMAND}: ${source}`)};`,
    '',
    '/** One row of the Kubernetes table; see `KubernetesVersionInfo`. */',
    'export interface KubernetesVersionRow {',
    '  readonly version: string;',
    '  readonly eksRelease: string;',
    '  readonly endOfStandardSupport: string;',
    '  readonly estimated: boolean;',
    '  readonly source: string;',
    '}',
    '',
    '/** The Kubernetes versions in EKS standard support, oldest first. */',
    `export const KUBERNETES_VERSION_ROWS: KubernetesVersionRow[] = ${JSON.stringify(rows, undefined, 2)};`,
    '',
    '/** A verified add-on version: the version, and where it was read. */',
    'export interface AddonVersionRow {',
    '  readonly version: string;',
    '  readonly source: string;',
    '}',
    '',
    '/**',
    ' * The verified add-on versions for each Kubernetes version (keys of `AddonsOptions`). An add-on',
    ' * without an entry has no verified version: the stacks leave its version to EKS.',
    ' */',
    'export const ADDON_VERSION_ROWS: { readonly [kubernetesVersion: string]: { readonly [addon: string]: AddonVersionRow } } = '
      + `${JSON.stringify(addonRows, undefined, 2)};`,
    '',
  ].join('\n');
}

/** The `1.x` versions in standard support, oldest first. */
function standardVersions(versions: ClusterVersionInformation[]): string[] {
  const minor = (v: string) => Number(v.split('.')[1]);
  return [...new Set(versions
    .filter((v) => v.clusterVersion && /^1\.\d+$/.test(v.clusterVersion) && inStandardSupport(v))
    .map((v) => v.clusterVersion!))]
    .sort((a, b) => minor(a) - minor(b));
}

/** `versionStatus` replaced the older `status` field; either may be the one filled in. */
function inStandardSupport(v: ClusterVersionInformation): boolean {
  return v.versionStatus ? v.versionStatus === 'STANDARD_SUPPORT' : v.status === 'standard-support';
}

function day(date: Date | undefined, version: string, field: string): string {
  if (!date || Number.isNaN(date.getTime())) throw new Error(`EKS gave no ${field} for Kubernetes ${version}.`);
  return date.toISOString().slice(0, 10);
}
