import * as fs from 'fs';
import * as path from 'path';
import {
  deploymentPaths, nextKubernetesVersion, ResolvedSettings, ResourceNames, Settings, StackKind, SUPPORTED_KUBERNETES_VERSIONS, templateFileName,
} from 'bottlerocket-eks-config';
import type { FakeAwsOptions, FakeClusterVersion, FakeInsight, FakeResourceDrift, FakeStack } from 'bottlerocket-eks-test-support';
import { FAKE_DEFAULT_ADDON_VERSION } from 'bottlerocket-eks-test-support';
import { parse } from 'yaml';

/**
 * A team repository's environment as deployed: what its committed templates and its settings
 * file say, read back so that a fake AWS account can hold exactly that (the status and upgrade
 * commands compare what runs with what the repository says).
 */
export interface DeployedRepository {
  /** The environment, in a repository of several. */
  readonly environment?: string;
  readonly settings: ResolvedSettings;
  /** The settings' Kubernetes version, and the next one the product supports (if any). */
  readonly kubernetesVersion: string;
  readonly nextKubernetesVersion?: string;
  /** The stacks of the environment in deploy order, each with its committed template (YAML text). */
  readonly stacks: { readonly kind: StackKind; readonly stackName: string; readonly template: string }[];
  /** The EKS cluster's name (the cluster template's `Name`). */
  readonly clusterName: string;
  /** Each add-on the templates install, with the version they ask for (none: EKS's default). */
  readonly addons: { readonly name: string; readonly version?: string }[];
  /** Each managed node group of the node group template: its EKS name (with the fingerprint) and sizes. */
  readonly nodegroups: DeployedNodegroup[];
}

/** A managed node group of a node group template. */
export interface DeployedNodegroup {
  /** Its EKS name, `<prefix>-<group>-<fingerprint>`. */
  readonly nodegroupName: string;
  readonly min: number;
  readonly max: number;
  readonly desired: number;
  readonly amiType: string;
  readonly capacityType: string;
}

interface Resource {
  readonly Type: string;
  readonly Properties?: Record<string, any>;
}

/** Reads the settings file and the committed templates of `dir` (of `environment`, with several). */
export function readDeployedRepository(dir: string, environment?: string): DeployedRepository {
  const paths = deploymentPaths(environment);
  const options = JSON.parse(fs.readFileSync(path.join(dir, paths.settingsFile), 'utf-8'));
  delete options['//'];
  const settings = Settings.resolve(options);
  const names = new ResourceNames(settings.pjPrefix);
  const stacks = ResourceNames.DEPLOY_ORDER.map((kind) => ({
    kind,
    stackName: names.stack(kind),
    template: fs.readFileSync(path.join(dir, paths.templates, templateFileName(kind)), 'utf-8'),
  }));
  const resources: Resource[] = stacks.flatMap((s) => Object.values<Resource>(parse(s.template).Resources ?? {}));
  const ofType = (type: string) => resources.filter((r) => r.Type === type).map((r) => r.Properties ?? {});
  const [cluster] = ofType('AWS::EKS::Cluster');
  if (typeof cluster?.Name !== 'string') throw new Error(`${dir}: the cluster template names no cluster`);
  return {
    environment,
    settings,
    kubernetesVersion: settings.kubernetesVersion,
    nextKubernetesVersion: nextKubernetesVersion(settings.kubernetesVersion),
    stacks,
    clusterName: cluster.Name,
    addons: ofType('AWS::EKS::Addon').map((p) => ({ name: p.AddonName, version: p.AddonVersion })),
    nodegroups: ofType('AWS::EKS::Nodegroup').map((p) => ({
      nodegroupName: p.NodegroupName,
      min: p.ScalingConfig.MinSize,
      max: p.ScalingConfig.MaxSize,
      desired: p.ScalingConfig.DesiredSize,
      amiType: p.AmiType,
      capacityType: p.CapacityType,
    })),
  };
}

/** The Bottlerocket release the node groups run, and the newest one the public SSM parameter names, unless a state says otherwise. */
export const DEPLOYED_BOTTLEROCKET_RELEASE = '1.50.0-2b5f8a40';

const DAY_MS = 24 * 60 * 60 * 1000;

/** How the deployed environment differs from the repository, or what AWS says of it. */
export interface DeployedState {
  /** The Kubernetes version the cluster and its nodes run. Default the settings'. */
  readonly clusterVersion?: string;
  /** The end of standard support of the cluster's version, as EKS's DescribeClusterVersions says. Default 400 days from now. */
  readonly endOfStandardSupport?: Date;
  /** The cluster's upgrade insights. Default one PASSING insight for the next version (none when there is none). */
  readonly insights?: FakeInsight[];
  /** Resources that drifted, by stack kind. Default none. */
  readonly drift?: Partial<Record<StackKind, FakeResourceDrift[]>>;
  /** The newest Bottlerocket release of the public SSM parameter. Default the one the nodes run. */
  readonly newestRelease?: string;
}

/** A PASSING upgrade insight for `version`. */
export function passingInsight(version: string): FakeInsight {
  return { id: '7c5f8a40-0000-4000-8000-000000000001', name: `Deprecated APIs removed in Kubernetes v${version}`, kubernetesVersion: version, status: 'PASSING' };
}

/** The public SSM parameter of the newest Bottlerocket release of a node group's variant and Kubernetes version. */
export function releaseParameter(kubernetesVersion: string, amiType: string): string {
  const architecture = /ARM_64/.test(amiType) ? 'arm64' : 'x86_64';
  const variant = /NVIDIA/.test(amiType) ? '-nvidia' : /FIPS/.test(amiType) ? '-fips' : '';
  return `/aws/service/bottlerocket/aws-k8s-${kubernetesVersion}${variant}/${architecture}/latest/image_version`;
}

/**
 * The fake account of `repo` deployed: its stacks with exactly the committed templates, the
 * cluster on the settings' version with its add-ons at the templates' versions (any version for
 * those without one) and its node groups at their sizes, on the newest Bottlerocket release,
 * with EKS's version dates; `state` says what differs.
 */
export function deployedAwsOptions(repo: DeployedRepository, state: DeployedState = {}, now = new Date()): FakeAwsOptions {
  const version = state.clusterVersion ?? repo.kubernetesVersion;
  const next = nextKubernetesVersion(version);
  const stacks: Record<string, FakeStack> = Object.fromEntries(repo.stacks.map((s) => [s.stackName, {
    template: s.template,
    status: 'CREATE_COMPLETE',
    ...(state.drift?.[s.kind] ? { drift: state.drift[s.kind] } : {}),
  }]));
  const clusterVersions: FakeClusterVersion[] = SUPPORTED_KUBERNETES_VERSIONS.map((v) => ({
    clusterVersion: v,
    endOfStandardSupportDate: v === version
      ? state.endOfStandardSupport ?? new Date(now.getTime() + 400 * DAY_MS)
      : new Date(now.getTime() + 800 * DAY_MS),
  }));
  return {
    stacks,
    eksClusters: {
      [repo.clusterName]: {
        version,
        insights: state.insights ?? (next ? [passingInsight(next)] : []),
        nodegroups: Object.fromEntries(repo.nodegroups.map((g) => [g.nodegroupName, {
          version,
          releaseVersion: DEPLOYED_BOTTLEROCKET_RELEASE,
          amiType: g.amiType,
          capacityType: g.capacityType,
          scaling: { min: g.min, max: g.max, desired: g.desired },
        }])),
      },
    },
    installedAddons: { [repo.clusterName]: Object.fromEntries(repo.addons.map((a) => [a.name, a.version ?? FAKE_DEFAULT_ADDON_VERSION])) },
    clusterVersions,
    ssmParameters: Object.fromEntries(repo.nodegroups.map((g) => [
      releaseParameter(version, g.amiType), state.newestRelease ?? DEPLOYED_BOTTLEROCKET_RELEASE,
    ])),
  };
}
