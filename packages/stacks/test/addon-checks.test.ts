import { DescribeAddonCommand, DescribeAddonVersionsCommand, EKSClient } from '@aws-sdk/client-eks';
import { mockClient } from 'aws-sdk-client-mock';
import { ADDON_NAMES, ADDON_VERSIONS, AddonKey, DEFAULT_KUBERNETES_VERSION, SUPPORTED_KUBERNETES_VERSIONS } from 'bottlerocket-eks-config';
import { FAKE_DEFAULT_ADDON_VERSION, FakeAws, FakeAwsOptions } from 'bottlerocket-eks-test-support';
import { synthAll } from './helpers';
import { BottlerocketEksSettings, Settings } from '../src';
import { planStack, StackPlan } from '../src/plan';
import { PreflightErrorCode, DeployContext, PREFLIGHT_CHECKS } from '../src/preflight';
import { ACCOUNT, ALICE_IDENTITY, credentials } from './support/alice';
import { deployContext } from './support/deploy-context';
import { checkAddons, compareVersions } from '../src/preflight/addon-checks';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const region = 'eu-west-1';
const BASE: BottlerocketEksSettings = { pjPrefix: 'team-a', region, availabilityZones: ['eu-west-1a', 'eu-west-1c'] };
const CLUSTER = 'team-a-cluster';
const K8S = DEFAULT_KUBERNETES_VERSION;
const TABLE = ADDON_VERSIONS[K8S];
const PREVIOUS_K8S = SUPPORTED_KUBERNETES_VERSIONS[SUPPORTED_KUBERNETES_VERSIONS.indexOf(K8S) - 1];

/** The version an add-on is at in these tests: the table's, else the one EKS installs by default (the fake's). */
const versionOf = (kubernetesVersion: string, key: string) => ADDON_VERSIONS[kubernetesVersion][key as AddonKey] ?? FAKE_DEFAULT_ADDON_VERSION;

/** What EKS offers in these tests: the table's versions of every supported Kubernetes version (else the fake's default), and one newer coredns. */
const OFFERED: FakeAwsOptions['addonVersions'] = Object.fromEntries(Object.entries(ADDON_NAMES).map(([key, name]) => [name,
  Object.fromEntries(SUPPORTED_KUBERNETES_VERSIONS.filter((v) => ADDON_VERSIONS[v]).map((v) => [v,
    [...(key === 'coreDns' ? ['v9.0.0-eksbuild.1'] : []), versionOf(v, key)]]))]));

/** Everything the deployed stacks installed, at the table's versions (EKS's default where the table has none). */
const DEPLOYED: Record<string, string> = Object.fromEntries(Object.entries(ADDON_NAMES).map(([key, name]) => [name, versionOf(K8S, key)]));

/** The add-ons with no version in the templates: none verified for the Kubernetes version, none pinned. */
const UNVERSIONED = Object.entries(ADDON_NAMES).filter(([key]) => TABLE[key as AddonKey] === undefined) as [AddonKey, string][];

/** The warning of an add-on the deploy creates with no version in the template. */
const installs = (key: string, name: string, version = FAKE_DEFAULT_ADDON_VERSION, k8s = K8S) =>
  `add-on ${name}: no version in the template (none pinned with addons.${key}.version, none verified for Kubernetes ${k8s}); `
  + `EKS will install ${version}, its default for Kubernetes ${k8s}`;

/** One fake AWS per test, holding `options`, and a real EKS client of it. */
async function withAws<T>(options: FakeAwsOptions, body: (eks: EKSClient, aws: FakeAws) => Promise<T>): Promise<T> {
  const aws = new FakeAws(ALICE_IDENTITY, [], { addonVersions: OFFERED, ...options });
  const endpoint = await aws.start();
  const eks = new EKSClient({ region, endpoint, credentials });
  try {
    return await body(eks, aws);
  } finally {
    eks.destroy();
    await aws.stop();
  }
}

/** The plans of the cluster and node group stacks from `deployed` (undefined: not deployed) to `settings`. */
type Deployed = { cluster?: BottlerocketEksSettings; nodegroup?: BottlerocketEksSettings };
function plans(settings: BottlerocketEksSettings, deployed?: Deployed): StackPlan[] {
  const proposed = synthAll(settings).templates;
  const before = (kind: 'cluster' | 'nodegroup') => deployed?.[kind] && synthAll(deployed[kind]).templates[kind].toJSON();
  return (['cluster', 'nodegroup'] as const).map((kind) =>
    planStack({ stackName: `team-a-${kind}`, deployed: before(kind), proposed: proposed[kind].toJSON(), importers: {} }));
}

function context(settings: BottlerocketEksSettings, stacks: StackPlan[], eks: EKSClient): DeployContext {
  return deployContext({ settings: Settings.resolve(settings), plan: { stacks, refusals: [] }, clients: { eks } });
}

const eksCalls = (aws: FakeAws) => aws.requests.filter((r) => r.service === 'eks').map((r) => `${r.action} ${decodeURIComponent(r.path)}`).sort();

describe('the add-on check', () => {
  test('is one of the live checks', () => {
    expect(PREFLIGHT_CHECKS.deploy).toContain(checkAddons);
  });

  test('refuses to create an add-on someone installed by hand, with delete-addon --preserve or turning it off', async () => {
    const deployed = { ...BASE, addons: { ebsCsiDriver: { enabled: false } } };
    await withAws({ installedAddons: { [CLUSTER]: { ...DEPLOYED, 'aws-ebs-csi-driver': 'v1.40.0-eksbuild.1' } } }, async (eks, aws) => {
      const { failure, warnings } = await checkAddons(context(BASE, plans(BASE, { cluster: deployed, nodegroup: deployed }), eks));
      expect(warnings).toEqual([]);
      expect(failure!.code).toBe(PreflightErrorCode.ADDON_EXISTS);
      expect(failure!.message).toBe(`The add-on aws-ebs-csi-driver is already installed on cluster ${CLUSTER} (v1.40.0-eksbuild.1), not by these stacks: `
        + 'creating it in team-a-nodegroup would fail because it already exists. Nothing was deployed.');
      expect(failure!.fix).toBe(`Hand it over to the stacks: \`aws eks delete-addon --cluster-name ${CLUSTER} --addon-name aws-ebs-csi-driver --preserve\` `
        + '(its software keeps running), then deploy again, and the stack adopts it; or turn it off with addons.ebsCsiDriver.enabled: false.');
      // Only the add-on the deploy touches is looked at.
      expect(eksCalls(aws)).toEqual([`DescribeAddon /clusters/${CLUSTER}/addons/aws-ebs-csi-driver`]);
    });
  });

  test('lets an add-on be created when the cluster has none of that name, once EKS offers its version', async () => {
    const deployed = { ...BASE, addons: { metricsServer: { enabled: false }, nodeMonitoringAgent: { enabled: false } } };
    await withAws({ installedAddons: { [CLUSTER]: { coredns: TABLE.coreDns! } } }, async (eks, aws) => {
      const stacks = plans(BASE, { cluster: deployed, nodegroup: deployed });
      // Neither has a verified version: the preflight says what EKS installs.
      expect(await checkAddons(context(BASE, stacks, eks))).toEqual({
        warnings: [installs('metricsServer', 'metrics-server'), installs('nodeMonitoringAgent', 'eks-node-monitoring-agent')], failure: undefined,
      });
      expect(eksCalls(aws)).toEqual([
        `DescribeAddon /clusters/${CLUSTER}/addons/eks-node-monitoring-agent`, `DescribeAddon /clusters/${CLUSTER}/addons/metrics-server`,
        `DescribeAddonVersions /addons/supported-versions?addonName=eks-node-monitoring-agent&kubernetesVersion=${K8S}`,
        `DescribeAddonVersions /addons/supported-versions?addonName=metrics-server&kubernetesVersion=${K8S}`,
      ]);
    });
  });

  test('a networking add-on in the way cannot be turned off: only the hand-over is offered', async () => {
    await withAws({ installedAddons: { [CLUSTER]: { coredns: 'v1.11.0-eksbuild.1' } } }, async (eks) => {
      const { failure } = await checkAddons(context(BASE, plans(BASE, { cluster: BASE }), eks));
      expect(failure!.code).toBe(PreflightErrorCode.ADDON_EXISTS);
      expect(failure!.message).toContain('The add-on coredns is already installed');
      expect(failure!.fix).not.toContain('enabled: false');
    });
  });

  test('refuses a version older than the installed one, with the installed version to set', async () => {
    const settings = { ...BASE, addons: { coreDns: { version: TABLE.coreDns! } } };
    await withAws({ installedAddons: { [CLUSTER]: { ...DEPLOYED, coredns: 'v9.0.0-eksbuild.1' } } }, async (eks) => {
      const deployed = { ...BASE, addons: { coreDns: { version: 'v9.0.0-eksbuild.1' } } };
      const { failure } = await checkAddons(context(settings, plans(settings, { cluster: BASE, nodegroup: deployed }), eks));
      expect(failure!.code).toBe(PreflightErrorCode.ADDON_DOWNGRADE);
      expect(failure!.message).toBe(`The add-on coredns would go from v9.0.0-eksbuild.1 (installed on cluster ${CLUSTER}) to ${TABLE.coreDns}: `
        + 'a downgrade, which EKS does not do. Nothing was deployed.');
      expect(failure!.fix).toBe(`Set addons.coreDns.version to "v9.0.0-eksbuild.1" (the installed version) or a newer one EKS offers for Kubernetes ${K8S} `
        + `(\`aws eks describe-addon-versions --addon-name coredns --kubernetes-version ${K8S}\`).`);
    });
  });

  test('refuses a version EKS does not offer for the Kubernetes version, listing those it does', async () => {
    const settings = { ...BASE, addons: { coreDns: { version: 'v1.0.0-eksbuild.1' } } };
    await withAws({ installedAddons: { [CLUSTER]: { coredns: 'v1.0.0-eksbuild.0' } } }, async (eks) => {
      const { failure } = await checkAddons(context(settings, plans(settings, { cluster: BASE, nodegroup: BASE }), eks));
      expect(failure!.code).toBe(PreflightErrorCode.ADDON_VERSION_UNSUPPORTED);
      expect(failure!.message).toBe(`EKS does not offer coredns v1.0.0-eksbuild.1 for Kubernetes ${K8S}; it offers v9.0.0-eksbuild.1, ${TABLE.coreDns}. `
        + 'Nothing was deployed.');
      expect(failure!.fix).toBe('Set addons.coreDns.version to one of those (the newest is v9.0.0-eksbuild.1), then deploy again.');
    });
  });

  test('a Kubernetes upgrade moves every add-on with a version up: checked against the new version\'s offer, and let through', async () => {
    const old = { ...BASE, kubernetesVersion: PREVIOUS_K8S };
    const installed = Object.fromEntries(Object.entries(ADDON_NAMES).map(([key, name]) => [name, versionOf(PREVIOUS_K8S, key)]));
    await withAws({ installedAddons: { [CLUSTER]: installed } }, async (eks, aws) => {
      const stacks = plans(BASE, { cluster: old, nodegroup: old });
      // The add-ons with a version in the template move to the new row; those without one do not change in the template.
      expect(await checkAddons(context(BASE, stacks, eks))).toEqual({ warnings: [], failure: undefined });
      const changed = Object.entries(ADDON_NAMES).filter(([key]) => ADDON_VERSIONS[PREVIOUS_K8S][key as AddonKey] !== TABLE[key as AddonKey]);
      expect(changed.length).toBeGreaterThan(0);
      expect(eksCalls(aws).filter((c) => c.startsWith('DescribeAddon ')).length).toBe(changed.length);
      expect(eksCalls(aws).filter((c) => c.startsWith('DescribeAddonVersions')).every((c) => c.endsWith(`kubernetesVersion=${K8S}`))).toBe(true);
    });
  });

  test('a new cluster: only what EKS offers is asked, for every add-on; nothing when no add-on changes', async () => {
    await withAws({}, async (eks, aws) => {
      const created = UNVERSIONED.map(([key, name]) => installs(key, name));
      expect(await checkAddons(context(BASE, plans(BASE), eks))).toEqual({ warnings: created, failure: undefined });
      const calls = eksCalls(aws);
      expect(calls.every((c) => c.startsWith('DescribeAddonVersions '))).toBe(true);
      for (const name of Object.values(ADDON_NAMES)) expect(calls.filter((c) => c.includes(`addonName=${name}&`) || c.endsWith(`addonName=${name}`))).toHaveLength(1);
      expect(await checkAddons(context(BASE, plans(BASE, { cluster: BASE, nodegroup: BASE }), eks))).toEqual({ warnings: [], failure: undefined });
      expect(eksCalls(aws)).toHaveLength(Object.keys(ADDON_NAMES).length);
    });
  });

  test('a new cluster whose add-on version EKS does not offer is refused before CloudFormation creates anything', async () => {
    const settings = { ...BASE, addons: { kubeProxy: { version: 'v1.0.0-eksbuild.1' } } };
    await withAws({}, async (eks) => {
      const { failure } = await checkAddons(context(settings, plans(settings), eks));
      expect(failure!.code).toBe(PreflightErrorCode.ADDON_VERSION_UNSUPPORTED);
      expect(failure!.message).toMatch(/^EKS does not offer kube-proxy v1\.0\.0-eksbuild\.1 for Kubernetes /);
    });
  });

  test('a deploy of the node group stack alone checks its add-ons; the cluster\'s are not in it', async () => {
    await withAws({ installedAddons: { [CLUSTER]: { 'metrics-server': 'v0.7.0-eksbuild.1' } } }, async (eks) => {
      const [, nodegroup] = plans(BASE, { cluster: BASE });
      const { failure, warnings } = await checkAddons(context(BASE, [nodegroup], eks));
      expect(failure!.code).toBe(PreflightErrorCode.ADDON_EXISTS);
      expect(failure!.message).toContain('The add-on metrics-server is already installed');
      // The node group stack's other add-ons without a version: what EKS installs; none of the cluster stack's.
      expect(warnings).toEqual(UNVERSIONED.filter(([key]) => ['ebsCsiDriver', 'nodeMonitoringAgent'].includes(key)).map(([key, name]) => installs(key, name)));
    });
  });

  test('more than one refusal: the first stops the deploy, the others are said', async () => {
    await withAws({ installedAddons: { [CLUSTER]: { 'coredns': TABLE.coreDns!, 'metrics-server': 'v0.7.0-eksbuild.1' } } }, async (eks) => {
      const { failure, warnings } = await checkAddons(context(BASE, plans(BASE, { cluster: BASE }), eks));
      expect(failure!.message).toContain('coredns');
      expect(warnings!.filter((w) => !w.startsWith('add-on '))).toEqual([
        expect.stringMatching(/^also refused: The add-on metrics-server is already installed .*addons\.metricsServer\.enabled: false\.$/),
      ]);
    });
  });

  describe('an add-on with no version in the template (none verified, none pinned)', () => {
    test('created: says which version EKS installs, its default for the Kubernetes version', async () => {
      const deployed = { ...BASE, addons: { metricsServer: { enabled: false } } };
      await withAws({ addonVersions: { ...OFFERED, 'metrics-server': { [K8S]: ['v0.8.1-eksbuild.1', 'v0.8.0-eksbuild.2'] } } }, async (eks, aws) => {
        const { failure, warnings } = await checkAddons(context(BASE, plans(BASE, { cluster: BASE, nodegroup: deployed }), eks));
        expect(failure).toBeUndefined();
        expect(warnings).toEqual([installs('metricsServer', 'metrics-server', 'v0.8.1-eksbuild.1')]);
        expect(eksCalls(aws)).toContain(`DescribeAddonVersions /addons/supported-versions?addonName=metrics-server&kubernetesVersion=${K8S}`);
      });
    });

    test('Day 2, its AddonVersion gone from the template: the installed version stays, and EKS\'s default is said', async () => {
      // Deployed by a release that pinned every add-on; this one has no verified metrics-server version.
      const pinned = { ...BASE, addons: { metricsServer: { version: 'v0.8.0-eksbuild.2' } } };
      const offer = { ...OFFERED, 'metrics-server': { [K8S]: ['v0.8.1-eksbuild.1', 'v0.8.0-eksbuild.2'] } };
      await withAws({ addonVersions: offer, installedAddons: { [CLUSTER]: { ...DEPLOYED, 'metrics-server': 'v0.8.0-eksbuild.2' } } }, async (eks) => {
        const stacks = plans(BASE, { cluster: BASE, nodegroup: pinned });
        expect(stacks[1].changes.find((c) => c.logicalId === 'Addonmetricsserver')?.action).toBe('update');
        const { failure, warnings } = await checkAddons(context(BASE, stacks, eks));
        expect(failure).toBeUndefined();
        expect(warnings).toEqual([`add-on metrics-server: no version in the template (none pinned with addons.metricsServer.version, none verified for Kubernetes ${K8S}); `
          + `the deploy keeps the installed v0.8.0-eksbuild.2 on cluster ${CLUSTER} (EKS's default for Kubernetes ${K8S} is v0.8.1-eksbuild.1: `
          + 'set addons.metricsServer.version to move to it)']);
      });
      // Installed at EKS's default, or at a version EKS no longer offers for the Kubernetes version.
      for (const [at, said] of [['v0.8.1-eksbuild.1', `(EKS's default for Kubernetes ${K8S} too)`],
        ['v0.7.0-eksbuild.1', `, a version EKS does not offer for Kubernetes ${K8S} on cluster ${CLUSTER} (EKS's default`]]) {
        await withAws({ addonVersions: offer, installedAddons: { [CLUSTER]: { ...DEPLOYED, 'metrics-server': at } } }, async (eks) => {
          const { failure, warnings } = await checkAddons(context(BASE, plans(BASE, { cluster: BASE, nodegroup: pinned }), eks));
          expect(failure).toBeUndefined();
          expect(warnings).toEqual([expect.stringContaining(said)]);
        });
      }
    });

    test('never a downgrade refusal: no version is asked for', async () => {
      const pinned = { ...BASE, addons: { metricsServer: { version: 'v9.9.9-eksbuild.9' } } };
      await withAws({ installedAddons: { [CLUSTER]: { ...DEPLOYED, 'metrics-server': 'v9.9.9-eksbuild.9' } } }, async (eks) => {
        const { failure } = await checkAddons(context(BASE, plans(BASE, { cluster: BASE, nodegroup: pinned }), eks));
        expect(failure).toBeUndefined();
      });
    });

    test('EKS offers no version of it for the Kubernetes version: creating it is refused', async () => {
      await withAws({ addonVersions: { ...OFFERED, 'metrics-server': {} } }, async (eks) => {
        const { failure } = await checkAddons(context(BASE, plans(BASE), eks));
        expect(failure!.code).toBe(PreflightErrorCode.ADDON_VERSION_UNSUPPORTED);
        expect(failure!.message).toBe(`EKS offers no version of metrics-server for Kubernetes ${K8S}: creating it would fail. Nothing was deployed.`);
        expect(failure!.fix).toBe('Turn it off with addons.metricsServer.enabled: false, or choose a Kubernetes version EKS offers it for.');
      });
    });

    test('the default is the version whose compatibility for this Kubernetes version says so (aws-sdk-client-mock)', async () => {
      const eks = new EKSClient({ region, credentials });
      const mock = mockClient(eks);
      const compatible = (clusterVersion: string, defaultVersion: boolean) => [{ clusterVersion, defaultVersion, platformVersions: ['*'] }];
      mock.on(DescribeAddonVersionsCommand).resolves({
        addons: [{
          addonName: 'metrics-server',
          addonVersions: [
            { addonVersion: 'v0.9.0-eksbuild.1', compatibilities: compatible('1.99', true) },
            { addonVersion: 'v0.8.1-eksbuild.1', compatibilities: compatible(K8S, false) },
            { addonVersion: 'v0.8.0-eksbuild.2', compatibilities: compatible(K8S, true) },
          ],
        }],
      });
      const deployed = { ...BASE, addons: { metricsServer: { enabled: false } } };
      const stacks = plans(BASE, { cluster: BASE, nodegroup: deployed });
      mock.on(DescribeAddonCommand).rejects(Object.assign(new Error('No addon'), { name: 'ResourceNotFoundException' }));
      expect((await checkAddons(context(BASE, stacks, eks))).warnings).toEqual([installs('metricsServer', 'metrics-server', 'v0.8.0-eksbuild.2')]);
      // None marked default: said, with what EKS offers.
      mock.on(DescribeAddonVersionsCommand).resolves({
        addons: [{ addonName: 'metrics-server', addonVersions: [{ addonVersion: 'v0.8.1-eksbuild.1', compatibilities: compatible(K8S, false) }] }],
      });
      expect((await checkAddons(context(BASE, stacks, eks))).warnings).toEqual([
        `add-on metrics-server: no version in the template (none pinned with addons.metricsServer.version, none verified for Kubernetes ${K8S}); `
        + `EKS marks no default version for Kubernetes ${K8S} and will pick one of v0.8.1-eksbuild.1`,
      ]);
      mock.restore();
      eks.destroy();
    });

    test('a pinned version is checked as before, even where the table has none', async () => {
      const settings = { ...BASE, addons: { metricsServer: { version: 'v0.1.0-eksbuild.1' } } };
      await withAws({}, async (eks) => {
        const { failure } = await checkAddons(context(settings, plans(settings), eks));
        expect(failure!.code).toBe(PreflightErrorCode.ADDON_VERSION_UNSUPPORTED);
        expect(failure!.message).toBe(`EKS does not offer metrics-server v0.1.0-eksbuild.1 for Kubernetes ${K8S}; it offers ${FAKE_DEFAULT_ADDON_VERSION}. Nothing was deployed.`);
      });
    });
  });

  test('EKS calls the caller may not make are warnings, not refusals', async () => {
    const deployed = { ...BASE, addons: { ebsCsiDriver: { enabled: false } } };
    for (const denied of ['DescribeAddon', 'DescribeAddonVersions']) {
      await withAws({ deniedEksOperations: [denied] }, async (eks) => {
        const { failure, warnings } = await checkAddons(context(BASE, plans(BASE, { cluster: deployed, nodegroup: deployed }), eks));
        expect(failure).toBeUndefined();
        expect(warnings).toEqual([expect.stringMatching(new RegExp('^add-on aws-ebs-csi-driver not checked against the cluster: AccessDeniedException: '
          + `User: arn:aws:iam::${ACCOUNT}:user/alice is not authorized to perform: eks:${denied} \\(allow eks:${denied} to have it checked\\)$`))]);
      });
    }
  });

  test('any other failure of an EKS call (throttling outlasting the retries) fails the check rather than warn', async () => {
    const deployed = { ...BASE, addons: { ebsCsiDriver: { enabled: false } } };
    await withAws({}, async (eks) => {
      const throttled = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: { httpStatusCode: 429 } });
      mockClient(eks).on(DescribeAddonCommand).rejects(throttled);
      await expect(checkAddons(context(BASE, plans(BASE, { cluster: deployed, nodegroup: deployed }), eks))).rejects.toBe(throttled);
    });
  });
});

describe('FakeAws EKS add-on routes, through the real client', () => {
  test('DescribeAddon answers the installed version, or ResourceNotFoundException', async () => {
    await withAws({ installedAddons: { [CLUSTER]: { coredns: 'v1.12.1-eksbuild.2' } } }, async (eks) => {
      const { addon } = await eks.send(new DescribeAddonCommand({ clusterName: CLUSTER, addonName: 'coredns' }));
      expect(addon).toMatchObject({ addonName: 'coredns', clusterName: CLUSTER, addonVersion: 'v1.12.1-eksbuild.2', status: 'ACTIVE' });
      expect(addon!.createdAt).toEqual(new Date('2024-01-15T10:00:00Z'));
      const error = await eks.send(new DescribeAddonCommand({ clusterName: CLUSTER, addonName: 'metrics-server' })).catch((e) => e);
      expect(error).toMatchObject({ name: 'ResourceNotFoundException', message: `No addon: metrics-server found in cluster: ${CLUSTER}`, $metadata: { httpStatusCode: 404 } });
    });
  });

  test('DescribeAddonVersions answers the versions of one add-on and Kubernetes version', async () => {
    await withAws({ addonVersions: { 'metrics-server': { 1.35: ['v0.8.0-eksbuild.2', 'v0.8.0-eksbuild.1'] } } }, async (eks) => {
      const { addons } = await eks.send(new DescribeAddonVersionsCommand({ addonName: 'metrics-server', kubernetesVersion: '1.35' }));
      expect(addons!.map((a) => [a.addonName, a.addonVersions!.map((v) => [v.addonVersion, v.compatibilities![0].defaultVersion])])).toEqual([
        ['metrics-server', [['v0.8.0-eksbuild.2', true], ['v0.8.0-eksbuild.1', false]]],
      ]);
      expect((await eks.send(new DescribeAddonVersionsCommand({ addonName: 'metrics-server', kubernetesVersion: '1.34' }))).addons).toEqual([]);
    });
  });
});

test('add-on versions order by their four numbers', () => {
  expect(['v1.10.0-eksbuild.1', 'v1.9.9-eksbuild.3', 'v1.10.0-eksbuild.12', 'v1.10.0-eksbuild.2'].sort(compareVersions))
    .toEqual(['v1.9.9-eksbuild.3', 'v1.10.0-eksbuild.1', 'v1.10.0-eksbuild.2', 'v1.10.0-eksbuild.12']);
});
