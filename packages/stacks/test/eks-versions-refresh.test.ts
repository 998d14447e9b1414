import { DescribeAddonVersionsCommand, DescribeClusterVersionsCommand, EKSClient } from '@aws-sdk/client-eks';
import { mockClient } from 'aws-sdk-client-mock';
import { ADDON_NAMES } from 'bottlerocket-eks-config';
import { compareAddonVersions, pickAddonVersion, readEksVersions, renderEksVersionsData } from '../src/maintenance/eks-versions';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const eks = mockClient(EKSClient);
const compatible = (clusterVersion: string, defaultVersion = false) => [{ clusterVersion, defaultVersion, platformVersions: ['*'] }];

/** Answers like EKS: 1.36 and 1.37 in standard support, 1.35 in extended support. */
function answerLikeEks() {
  eks.reset();
  eks.on(DescribeClusterVersionsCommand).resolves({
    clusterVersions: [
      { clusterVersion: '1.37', versionStatus: 'STANDARD_SUPPORT', releaseDate: new Date('2026-09-30T17:00:00-07:00'), endOfStandardSupportDate: new Date('2027-11-30T16:00:00-08:00') },
      { clusterVersion: '1.36', versionStatus: 'STANDARD_SUPPORT', releaseDate: new Date('2026-06-02T00:00:00Z'), endOfStandardSupportDate: new Date('2027-08-02T00:00:00Z') },
    ],
  });
  eks.on(DescribeAddonVersionsCommand).callsFake((input: { addonName: string; kubernetesVersion: string }) => ({
    addons: [{
      addonName: input.addonName,
      addonVersions: [
        { addonVersion: 'v1.9.0-eksbuild.1', compatibilities: compatible(input.kubernetesVersion) },
        { addonVersion: 'v1.10.0-eksbuild.2', compatibilities: compatible(input.kubernetesVersion, input.addonName !== 'coredns') },
        { addonVersion: 'v1.10.0-eksbuild.10', compatibilities: compatible(input.kubernetesVersion) },
      ],
    }],
  }));
}

beforeEach(answerLikeEks);
afterAll(() => eks.restore());

test('asks EKS for the versions in standard support, then every add-on of each', async () => {
  const snapshot = await readEksVersions(new EKSClient({ region: 'eu-west-1' }), 'eu-west-1', new Date('2026-11-25T10:00:00Z'));
  expect(eks.commandCalls(DescribeClusterVersionsCommand)[0].args[0].input).toMatchObject({ versionStatus: 'STANDARD_SUPPORT' });
  const asked = eks.commandCalls(DescribeAddonVersionsCommand).map((c) => `${c.args[0].input.kubernetesVersion} ${c.args[0].input.addonName}`);
  expect(asked.sort()).toEqual(['1.36', '1.37'].flatMap((v) => Object.values(ADDON_NAMES).map((n) => `${v} ${n}`)).sort());
  expect(snapshot.date).toBe('2026-11-25');
});

test('renders the data file: UTC days, the default add-on version else the newest, where it came from', async () => {
  const snapshot = await readEksVersions(new EKSClient({ region: 'eu-west-1' }), 'eu-west-1', new Date('2026-11-25T10:00:00Z'));
  const text = renderEksVersionsData(snapshot);
  expect(text).toContain('Written by `npx projen refresh-eks-versions` on 2026-11-25 from the EKS API in eu-west-1');
  const rows = JSON.parse(/KUBERNETES_VERSION_ROWS: KubernetesVersionRow\[\] = ([\s\S]*?);\n/.exec(text)![1]);
  expect(rows).toEqual([
    { version: '1.36', eksRelease: '2026-06-02', endOfStandardSupport: '2027-08-02', estimated: false, source: 'DescribeClusterVersions, EKS API in eu-west-1 on 2026-11-25' },
    { version: '1.37', eksRelease: '2026-10-01', endOfStandardSupport: '2027-12-01', estimated: false, source: 'DescribeClusterVersions, EKS API in eu-west-1 on 2026-11-25' },
  ]);
  const addons = JSON.parse(/ADDON_VERSION_ROWS: [^=]+= ([\s\S]*?);\n/.exec(text)![1]);
  const from = 'DescribeAddonVersions, EKS API in eu-west-1 on 2026-11-25';
  for (const version of ['1.36', '1.37']) {
    expect(Object.keys(addons[version]).sort()).toEqual(Object.keys(ADDON_NAMES).sort());
    expect(addons[version].vpcCni).toEqual({ version: 'v1.10.0-eksbuild.2', source: `${from} (default for ${version})` });
    expect(addons[version].coreDns).toEqual({ version: 'v1.10.0-eksbuild.10', source: `${from} (newest for ${version}, no default marked)` });
  }
  // The format the config package reads: one version and its source per add-on, no separate sources table.
  expect(text).toContain('export interface AddonVersionRow {');
  expect(text).not.toContain('ADDON_VERSION_SOURCES');
});

test('an add-on EKS offers no version of is left out of its row (the stacks then leave it to EKS)', async () => {
  eks.on(DescribeAddonVersionsCommand, { addonName: 'metrics-server', kubernetesVersion: '1.37' }).resolves({ addons: [] });
  const snapshot = await readEksVersions(new EKSClient({ region: 'eu-west-1' }), 'eu-west-1');
  const addons = JSON.parse(/ADDON_VERSION_ROWS: [^=]+= ([\s\S]*?);\n/.exec(renderEksVersionsData(snapshot))![1]);
  expect(addons['1.37'].metricsServer).toBeUndefined();
  expect(Object.keys(addons['1.37']).sort()).toEqual(Object.keys(ADDON_NAMES).filter((k) => k !== 'metricsServer').sort());
  expect(addons['1.36'].metricsServer).toBeDefined();
});

test('the written file is one the config package compiles and reads', async () => {
  const snapshot = await readEksVersions(new EKSClient({ region: 'eu-west-1' }), 'eu-west-1', new Date('2026-11-25T10:00:00Z'));
  const ts = await import('typescript');
  const js = ts.transpileModule(renderEksVersionsData(snapshot), { compilerOptions: { module: ts.ModuleKind.CommonJS } }).outputText;
  const data: Record<string, any> = {};
  new Function('exports', js)(data);
  expect(data.KUBERNETES_VERSION_ROWS.map((r: { estimated: boolean }) => r.estimated)).toEqual([false, false]);
  expect(data.ADDON_VERSION_ROWS['1.37'].kubeProxy).toEqual({ version: expect.stringMatching(/^v/), source: expect.stringMatching(/^DescribeAddonVersions, /) });
});

test('ignores versions for other Kubernetes versions, and orders builds by number', () => {
  expect(pickAddonVersion([{ addonName: 'vpc-cni', addonVersions: [{ addonVersion: 'v2.0.0-eksbuild.1', compatibilities: compatible('1.30', true) }] }], 'vpc-cni', '1.37')).toBeUndefined();
  expect(pickAddonVersion([{ addonName: 'vpc-cni', addonVersions: [{ addonVersion: 'v2.0.0-eksbuild.1', compatibilities: compatible('1.37', true) }] }], 'vpc-cni', '1.37'))
    .toEqual({ version: 'v2.0.0-eksbuild.1', how: 'default for 1.37' });
  expect(['v1.10.0-eksbuild.2', 'v1.9.9-eksbuild.9', 'v1.10.0-eksbuild.10'].sort(compareAddonVersions)).toEqual(['v1.9.9-eksbuild.9', 'v1.10.0-eksbuild.2', 'v1.10.0-eksbuild.10']);
});
