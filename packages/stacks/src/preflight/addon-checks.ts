import { AddonKey, REQUIRED_ADDONS, ResolvedAddon, StackKind } from 'bottlerocket-eks-config';
import { describeAddon } from '../aws/reads';
import { DescribeAddonVersionsCommand, EKSClient } from '../aws/sdk';
import { StackPlan } from '../plan';
import { isAccessDenied } from './aws-errors';
import { CheckFinding, DeployContext } from './check';
import { PreflightError, PreflightErrorCode } from './errors';
import { addonConstructId, addonStack } from '../stacks/template-ids';

/**
 * The add-ons a deploy creates or updates, against what EKS offers and has installed:
 * CloudFormation would fail half-way on a version EKS does not offer for the cluster's
 * Kubernetes version (asked also when the deploy creates the cluster: the offer needs no
 * cluster), on an add-on it creates while one of that name is installed (by hand, or by EKS),
 * and on a version older than the installed one (EKS does not downgrade add-ons). An add-on
 * whose resource does not change is left alone by the deploy, and not checked. An add-on with no
 * version in the template (none pinned, none verified) is installed by EKS at its default version
 * for the Kubernetes version: the check says which, as a warning.
 */
export async function checkAddons(context: DeployContext): Promise<CheckFinding> {
  const { settings, names, plan } = context;
  const stackPlan = (kind: StackKind) => plan.stacks.find((s) => s.stackName === names.stack(kind));
  // A cluster this deploy creates has no add-ons installed yet. Without the cluster stack in the
  // plan (a deploy of the node group stack alone), the cluster exists: the node group stack imports it.
  const clusterExists = stackPlan(StackKind.CLUSTER)?.status !== 'create';
  const clusterName = names.cluster(settings.clusterName);
  const touched = settings.addons.map((addon) => {
    const kind = addonStack(addon);
    return { addon, stackName: names.stack(kind), action: actionOf(stackPlan(kind), addon) };
  }).filter((t) => t.action !== undefined);
  const installedOn = clusterExists ? clusterName : undefined;
  const results = await Promise.all(touched.map((t) => checkAddon(context.clients.eks, installedOn, settings.kubernetesVersion, t)));
  const failures = results.flatMap((r) => (r.failure ? [r.failure] : []));
  return {
    warnings: [
      ...results.flatMap((r) => r.warnings ?? []),
      ...failures.slice(1).map((f) => `also refused: ${f.message} ${f.fix}`),
    ],
    failure: failures[0],
  };
}

/** What the deploy does to an add-on's resource: `create`, `update`, or nothing (undefined). */
function actionOf(stack: StackPlan | undefined, addon: ResolvedAddon): 'create' | 'update' | undefined {
  // A stack this deploy leaves out (one stack's own deploy) touches nothing; one not deployed yet creates everything.
  if (!stack) return undefined;
  if (stack.status === 'create') return 'create';
  const logicalId = addonConstructId(addon).replace(/[^A-Za-z0-9]/g, '');
  const change = stack.changes.find((c) => c.logicalId === logicalId);
  return change?.action === 'create' || change?.action === 'update' ? change.action : undefined;
}

interface TouchedAddon {
  readonly addon: ResolvedAddon;
  readonly stackName: string;
  readonly action?: 'create' | 'update';
}

/** One add-on; `clusterName` undefined when the deploy creates the cluster (nothing installed yet). */
async function checkAddon(eks: EKSClient, clusterName: string | undefined, kubernetesVersion: string, touched: TouchedAddon): Promise<CheckFinding> {
  const { addon, stackName, action } = touched;
  const option = `addons.${addon.key}`;
  let installed: string | undefined;
  try {
    installed = clusterName === undefined ? undefined : await installedVersion(eks, clusterName, addon.name);
  } catch (error) {
    return notChecked(addon, 'eks:DescribeAddon', error);
  }
  if (action === 'create' && installed !== undefined) {
    const turnOff = REQUIRED_ADDONS.includes(addon.key as AddonKey) ? '' : `; or turn it off with ${option}.enabled: false`;
    return {
      failure: new PreflightError(PreflightErrorCode.ADDON_EXISTS,
        `The add-on ${addon.name} is already installed on cluster ${clusterName} (${installed}), not by these stacks: `
        + `creating it in ${stackName} would fail because it already exists. Nothing was deployed.`,
        `Hand it over to the stacks: \`aws eks delete-addon --cluster-name ${clusterName} --addon-name ${addon.name} --preserve\` `
        + `(its software keeps running), then deploy again, and the stack adopts it${turnOff}.`),
    };
  }
  if (installed !== undefined && addon.version !== undefined && compareVersions(addon.version, installed) < 0) {
    return {
      failure: new PreflightError(PreflightErrorCode.ADDON_DOWNGRADE,
        `The add-on ${addon.name} would go from ${installed} (installed on cluster ${clusterName}) to ${addon.version}: `
        + 'a downgrade, which EKS does not do. Nothing was deployed.',
        `Set ${option}.version to "${installed}" (the installed version) or a newer one EKS offers for Kubernetes ${kubernetesVersion} `
        + `(\`aws eks describe-addon-versions --addon-name ${addon.name} --kubernetes-version ${kubernetesVersion}\`).`),
    };
  }
  let offer: Offer;
  try {
    offer = await offeredVersions(eks, addon.name, kubernetesVersion);
  } catch (error) {
    return notChecked(addon, 'eks:DescribeAddonVersions', error);
  }
  const offered = offer.versions;
  if (addon.version === undefined) return eksDefaultFinding(addon, clusterName, kubernetesVersion, installed, offer);
  if (!offered.includes(addon.version)) {
    return {
      failure: new PreflightError(PreflightErrorCode.ADDON_VERSION_UNSUPPORTED,
        `EKS does not offer ${addon.name} ${addon.version} for Kubernetes ${kubernetesVersion}; it offers `
        + `${offered.length > 0 ? offered.join(', ') : 'no version of it'}. Nothing was deployed.`,
        offered.length > 0 ? `Set ${option}.version to one of those (the newest is ${newest(offered)}), then deploy again.`
          : `Turn it off with ${option}.enabled: false, or choose a Kubernetes version EKS offers it for.`),
    };
  }
  return {};
}

/** The installed version of an add-on, or undefined when the cluster has no add-on of that name. */
async function installedVersion(eks: EKSClient, clusterName: string, addonName: string): Promise<string | undefined> {
  const addon = await describeAddon(eks, clusterName, addonName);
  return addon && (addon.addonVersion ?? 'a version EKS does not report');
}

/** What EKS offers of an add-on for a Kubernetes version (`offeredVersions`): every version, and the one it marks as default. */
export interface Offer {
  readonly versions: string[];
  readonly defaultVersion?: string;
}

export async function offeredVersions(eks: EKSClient, addonName: string, kubernetesVersion: string): Promise<Offer> {
  const { addons } = await eks.send(new DescribeAddonVersionsCommand({ addonName, kubernetesVersion }));
  const infos = (addons ?? []).filter((a) => a.addonName === addonName).flatMap((a) => a.addonVersions ?? []);
  const versions = infos.map((v) => v.addonVersion).filter((v): v is string => v !== undefined);
  const defaultVersion = infos.find((v) => v.addonVersion !== undefined
    && (v.compatibilities ?? []).some((c) => c.clusterVersion === kubernetesVersion && c.defaultVersion === true))?.addonVersion;
  return { versions, defaultVersion };
}

/**
 * An add-on whose template has no `AddonVersion`: EKS installs its default version for the
 * Kubernetes version when it creates the add-on, and an update asks for no version, so the
 * installed one stays. Said as a warning; refused only when there is nothing EKS could install.
 */
function eksDefaultFinding(addon: ResolvedAddon, clusterName: string | undefined, kubernetesVersion: string,
  installed: string | undefined, offer: Offer): CheckFinding {
  const option = `addons.${addon.key}`;
  const why = `no version in the template (none pinned with ${option}.version, none verified for Kubernetes ${kubernetesVersion})`;
  if (installed !== undefined) {
    const eksDefault = offer.defaultVersion === undefined ? `EKS marks no default version for Kubernetes ${kubernetesVersion}`
      : offer.defaultVersion === installed ? `EKS's default for Kubernetes ${kubernetesVersion} too`
        : `EKS's default for Kubernetes ${kubernetesVersion} is ${offer.defaultVersion}: set ${option}.version to move to it`;
    const notOffered = offer.versions.length > 0 && !offer.versions.includes(installed) ? `, a version EKS does not offer for Kubernetes ${kubernetesVersion}` : '';
    return { warnings: [`add-on ${addon.name}: ${why}; the deploy keeps the installed ${installed}${notOffered} on cluster ${clusterName} (${eksDefault})`] };
  }
  if (offer.versions.length === 0) {
    return {
      failure: new PreflightError(PreflightErrorCode.ADDON_VERSION_UNSUPPORTED,
        `EKS offers no version of ${addon.name} for Kubernetes ${kubernetesVersion}: creating it would fail. Nothing was deployed.`,
        REQUIRED_ADDONS.includes(addon.key as AddonKey) ? 'Choose a Kubernetes version EKS offers it for.'
          : `Turn it off with ${option}.enabled: false, or choose a Kubernetes version EKS offers it for.`),
    };
  }
  const installs = offer.defaultVersion !== undefined
    ? `EKS will install ${offer.defaultVersion}, its default for Kubernetes ${kubernetesVersion}`
    : `EKS marks no default version for Kubernetes ${kubernetesVersion} and will pick one of ${offer.versions.join(', ')}`;
  return { warnings: [`add-on ${addon.name}: ${why}; ${installs}`] };
}

/**
 * A call the credentials may not make: a warning that says what to allow, never a refusal (the
 * deploy may well succeed). Any other failure of the call is the preflight's, as for every call.
 */
function notChecked(addon: ResolvedAddon, action: string, error: unknown): CheckFinding {
  if (!isAccessDenied(error)) throw error;
  const { name, message } = error as Error;
  return { warnings: [`add-on ${addon.name} not checked against the cluster: ${name}: ${message} (allow ${action} to have it checked)`] };
}

/** Orders `v1.2.3-eksbuild.4` versions by their four numbers. */
export function compareVersions(a: string, b: string): number {
  const numbers = (v: string) => (v.match(/\d+/g) ?? []).map(Number);
  const [x, y] = [numbers(a), numbers(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function newest(versions: string[]): string {
  return [...versions].sort(compareVersions).reverse()[0];
}
