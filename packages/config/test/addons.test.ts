import { ADDON_NAMES, ADDON_VERSIONS, AddonKey, AddonsOptions } from '../src';
import { resolveAddons } from '../src/addons-validation';

// A Kubernetes version of this test's own, so the lookup is tested apart from the real table.
const K8S = '9.99';
const TABLE: Record<AddonKey, string> = {
  vpcCni: 'v1.20.4-eksbuild.1',
  kubeProxy: 'v1.99.0-eksbuild.2',
  podIdentityAgent: 'v1.3.8-eksbuild.2',
  coreDns: 'v1.12.1-eksbuild.2',
  ebsCsiDriver: 'v1.46.0-eksbuild.1',
  metricsServer: 'v0.8.0-eksbuild.1',
  nodeMonitoringAgent: 'v1.4.0-eksbuild.2',
};

beforeAll(() => { ADDON_VERSIONS[K8S] = TABLE; });
afterAll(() => { delete ADDON_VERSIONS[K8S]; });

const resolve = (addons?: unknown) => resolveAddons(addons as AddonsOptions, K8S);
const byKey = (addons?: unknown) => Object.fromEntries(resolve(addons).map((a) => [a.key, a]));

describe('resolveAddons defaults', () => {
  test('every add-on, in install order, at the version the table lists for the Kubernetes version', () => {
    expect(resolve().map((a) => [a.key, a.name, a.version])).toEqual(
      Object.entries(ADDON_NAMES).map(([key, name]) => [key, name, TABLE[key as AddonKey]]));
  });

  test('the EBS CSI driver gets a default StorageClass; the others no configuration values', () => {
    const addons = byKey();
    expect(JSON.parse(addons.ebsCsiDriver.configurationValues!)).toEqual({ defaultStorageClass: { enabled: true } });
    expect(Object.values(addons).filter((a) => a.key !== 'ebsCsiDriver').map((a) => a.configurationValues)).toEqual(Array(6).fill(undefined));
  });

  test('an add-on with no verified version in the table gets none: EKS installs its default', () => {
    const partial = '9.98';
    ADDON_VERSIONS[partial] = { coreDns: TABLE.coreDns };
    try {
      expect(resolveAddons({}, partial).map((a) => [a.key, a.version])).toEqual(
        Object.keys(ADDON_NAMES).map((key) => [key, key === 'coreDns' ? TABLE.coreDns : undefined]));
    } finally {
      delete ADDON_VERSIONS[partial];
    }
    expect(resolveAddons({}, '1.99').map((a) => a.version)).toEqual(Array(7).fill(undefined));
  });

  test('a version the team pins is always written, with or without one in the table', () => {
    expect(resolveAddons({ vpcCni: { version: 'v1.20.4-eksbuild.1' } }, '1.99').find((a) => a.key === 'vpcCni')!.version).toBe('v1.20.4-eksbuild.1');
  });

  test('a version set for every add-on needs no table', () => {
    const addons = Object.fromEntries(Object.keys(ADDON_NAMES).map((key) => [key, { version: 'v1.0.0-eksbuild.1' }]));
    expect(resolveAddons(addons, '1.99').map((a) => a.version)).toEqual(Array(7).fill('v1.0.0-eksbuild.1'));
  });
});

describe('resolveAddons options', () => {
  test('an add-on turned off is not listed; the others stay as they were', () => {
    const addons = resolve({ metricsServer: { enabled: false } });
    expect(addons.map((a) => a.key)).toEqual(Object.keys(ADDON_NAMES).filter((k) => k !== 'metricsServer'));
    expect(addons).toEqual(resolve().filter((a) => a.key !== 'metricsServer'));
  });

  test('the EBS CSI driver and the node monitoring agent can be turned off', () => {
    expect(resolve({ ebsCsiDriver: { enabled: false }, nodeMonitoringAgent: { enabled: false } }).map((a) => a.key))
      .toEqual(['vpcCni', 'kubeProxy', 'podIdentityAgent', 'coreDns', 'metricsServer']);
  });

  test('a version set wins over the table', () => {
    expect(byKey({ coreDns: { version: 'v1.11.4-eksbuild.14' } }).coreDns.version).toBe('v1.11.4-eksbuild.14');
  });

  test('configuration values are rendered as JSON text', () => {
    expect(byKey({ coreDns: { configurationValues: { replicaCount: 3, tolerations: [{ operator: 'Exists' }] } } }).coreDns.configurationValues)
      .toBe('{"replicaCount":3,"tolerations":[{"operator":"Exists"}]}');
  });

  test('the team\'s EBS CSI values are merged over the default StorageClass, the team\'s winning', () => {
    expect(JSON.parse(byKey({ ebsCsiDriver: { configurationValues: { controller: { replicaCount: 1 } } } }).ebsCsiDriver.configurationValues!))
      .toEqual({ defaultStorageClass: { enabled: true }, controller: { replicaCount: 1 } });
    const off = byKey({ ebsCsiDriver: { configurationValues: { defaultStorageClass: { enabled: false } } } });
    expect(JSON.parse(off.ebsCsiDriver.configurationValues!))
      .toEqual({ defaultStorageClass: { enabled: false } });
  });
});

describe('resolveAddons refuses', () => {
  test.each([
    [{ metricServer: {} }, /^Invalid addons\.metricServer \{\}: expected a known option \(did you mean addons\.metricsServer\?\)\.$/],
    [{ ebsCsiDriver: { enable: false } }, /^Invalid addons\.ebsCsiDriver\.enable false: expected a known option \(did you mean addons\.ebsCsiDriver\.enabled\?\)\.$/],
    [{ coreDns: { configurationValue: {} } }, /did you mean addons\.coreDns\.configurationValues\?/],
    [['vpcCni'], /^Invalid addons \["vpcCni"\]: expected an object of add-on options/],
    [{ kubeProxy: true }, /^Invalid addons\.kubeProxy true: expected an object with enabled, version and configurationValues\.$/],
    [{ metricsServer: { enabled: 'no' } }, /^Invalid addons\.metricsServer\.enabled "no": expected true or false\.$/],
  ])('unknown keys and wrong shapes: %j', (addons, message) => {
    expect(() => resolve(addons)).toThrow(message);
  });

  test.each(['vpcCni', 'kubeProxy', 'coreDns', 'podIdentityAgent'])('turning off the networking add-on %s, saying why', (key) => {
    expect(() => resolve({ [key]: { enabled: false } })).toThrow(
      new RegExp(`^Invalid addons\\.${key}\\.enabled false: expected true: the cluster needs ${ADDON_NAMES[key as AddonKey]} .*cannot be turned off\\.$`));
  });

  test.each(['1.20.4', 'v1.20.4', 'v1.20-eksbuild.1', 'v1.20.4-eksbuild', 'latest'])('the version %s', (version) => {
    expect(() => resolve({ vpcCni: { version } })).toThrow(
      `Invalid addons.vpcCni.version ${JSON.stringify(version)}: expected an EKS add-on version such as v1.20.4-eksbuild.1.`);
  });

  test.each([
    ['an array', [1, 2]],
    ['a string', '{"replicaCount":2}'],
    ['null', null],
    ['a function', () => 1],
    ['a class instance', new Date(0)],
    ['an undefined value', { replicaCount: undefined }],
    ['a NaN', { replicaCount: NaN }],
    ['an Infinity inside', { resources: { limits: { cpu: Infinity } } }],
    ['a function inside', { hook: () => 1 }],
    ['a BigInt inside', { size: BigInt(1) }],
  ])('configuration values that are %s', (_what, configurationValues) => {
    expect(() => resolve({ metricsServer: { configurationValues } })).toThrow(
      /^Invalid addons\.metricsServer\.configurationValues .*: expected a JSON object of the add-on's configuration values/);
  });

  test('errors are one line', () => {
    for (const addons of [{ metricServer: {} }, { vpcCni: { enabled: false } }, { coreDns: { configurationValues: [1] } }]) {
      expect(() => resolve(addons)).toThrow(expect.objectContaining({ name: 'BottlerocketEksSettingsError', message: expect.not.stringContaining('\n') }));
    }
  });
});
