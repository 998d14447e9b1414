import { readOrNote, StatusContext } from './context';
import type { AddonStatus, StatusNote } from './model';
import { describeAddon } from '../aws/reads';
import { offeredVersions } from '../preflight/addon-checks';

/**
 * Each add-on the settings install: the version installed, its status and health
 * (DescribeAddon), against the version the settings ask for and EKS's default for the
 * Kubernetes version the cluster runs (DescribeAddonVersions).
 */
export async function readAddons(context: StatusContext, notes: StatusNote[], clusterVersion: string | undefined): Promise<AddonStatus[]> {
  const { clients, names, settings } = context;
  const clusterName = names.cluster(settings.clusterName);
  return Promise.all(settings.addons.map(async (addon): Promise<AddonStatus> => {
    const [installed, offer] = await Promise.all([
      describeAddon(clients.eks, clusterName, addon.name),
      clusterVersion ? readOrNote(notes, 'addons', `the versions EKS offers of ${addon.name}`, () => offeredVersions(clients.eks, addon.name, clusterVersion)) : undefined,
    ]);
    return {
      name: addon.name,
      installed: installed !== undefined,
      version: installed?.addonVersion,
      settingsVersion: addon.version,
      eksDefault: offer?.defaultVersion,
      status: installed?.status,
      healthIssues: (installed?.health?.issues ?? []).map((i) => ({ code: i.code ?? '?', message: i.message ?? '' })),
    };
  }));
}
