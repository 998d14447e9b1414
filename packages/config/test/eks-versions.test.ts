import {
  ADDON_NAMES, ADDON_VERSIONS, ADDON_VERSIONS_SOURCES, DEFAULT_KUBERNETES_VERSION, KUBERNETES_VERSIONS,
  SUPPORTED_KUBERNETES_VERSIONS, kubernetesVersionInfo, nextKubernetesVersion,
} from '../src';

const ADDON_KEYS = Object.keys(ADDON_NAMES) as (keyof typeof ADDON_NAMES)[];
const minor = (version: string) => Number(version.split('.')[1]);
const day = (date: string) => new Date(`${date}T00:00:00Z`);

describe('Kubernetes versions table', () => {
  test('lists minor versions oldest first, without gaps', () => {
    for (const v of SUPPORTED_KUBERNETES_VERSIONS) expect(v).toMatch(/^1\.\d+$/);
    const minors = SUPPORTED_KUBERNETES_VERSIONS.map(minor);
    expect(minors).toEqual(minors.map((_, i) => minors[0] + i));
  });

  test('includes the versions EKS launched up to 1.37', () => {
    expect(SUPPORTED_KUBERNETES_VERSIONS).toEqual(expect.arrayContaining(['1.34', '1.35', '1.36', '1.37']));
  });

  test('new clusters get the newest version whose EKS dates are verified, never an estimated one', () => {
    const verified = KUBERNETES_VERSIONS.filter((v) => !v.estimated).map((v) => v.version);
    expect(DEFAULT_KUBERNETES_VERSION).toBe(verified[verified.length - 1]);
    expect(kubernetesVersionInfo(DEFAULT_KUBERNETES_VERSION)!.estimated).toBe(false);
    // With today's data: 1.36 and 1.37 have estimated dates, and stay selectable.
    expect(DEFAULT_KUBERNETES_VERSION).toBe('1.35');
    expect(SUPPORTED_KUBERNETES_VERSIONS).toEqual(expect.arrayContaining(['1.36', '1.37']));
  });

  test('dates are UTC days, standard support ends after release, and later for newer versions', () => {
    for (const v of KUBERNETES_VERSIONS) {
      for (const date of [v.eksRelease, v.endOfStandardSupport]) {
        expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(day(date).toISOString().slice(0, 10)).toBe(date);
      }
      expect(day(v.endOfStandardSupport).getTime()).toBeGreaterThan(day(v.eksRelease).getTime());
      expect(v.source).not.toBe('');
    }
    const ends = KUBERNETES_VERSIONS.map((v) => day(v.endOfStandardSupport).getTime());
    expect(ends).toEqual([...ends].sort((a, b) => a - b));
  });

  test('dates EKS documents are kept as documented', () => {
    expect(kubernetesVersionInfo('1.34')).toMatchObject({ eksRelease: '2025-10-02', endOfStandardSupport: '2026-12-02', estimated: false });
    expect(kubernetesVersionInfo('1.35')).toMatchObject({ endOfStandardSupport: '2027-03-27', estimated: false });
  });

  test('estimated dates say so, and follow the 14-month rule', () => {
    for (const v of KUBERNETES_VERSIONS.filter((k) => k.estimated)) {
      const release = day(v.eksRelease);
      release.setUTCMonth(release.getUTCMonth() + 14);
      expect(v.endOfStandardSupport).toBe(release.toISOString().slice(0, 10));
    }
  });

  test('the next version is the one to upgrade to', () => {
    expect(nextKubernetesVersion('1.34')).toBe('1.35');
    expect(nextKubernetesVersion(SUPPORTED_KUBERNETES_VERSIONS[SUPPORTED_KUBERNETES_VERSIONS.length - 1])).toBeUndefined();
    expect(nextKubernetesVersion('1.20')).toBeUndefined();
  });
});

describe('add-on versions table', () => {
  test.each(SUPPORTED_KUBERNETES_VERSIONS)('Kubernetes %s: every listed add-on is a known one, at a well-formed version, with its source', (kubernetesVersion) => {
    const row = ADDON_VERSIONS[kubernetesVersion];
    expect(row).toBeDefined();
    for (const key of Object.keys(row)) expect(ADDON_KEYS).toContain(key);
    for (const [key, version] of Object.entries(row)) {
      expect(version).toMatch(/^v\d+\.\d+\.\d+(-[a-z]+)?-eksbuild\.\d+$/);
      expect(ADDON_VERSIONS_SOURCES[kubernetesVersion][key as keyof typeof ADDON_NAMES]).toEqual(expect.any(String));
    }
    expect(Object.keys(ADDON_VERSIONS_SOURCES[kubernetesVersion]).sort()).toEqual(Object.keys(row).sort());
  });

  test('lists no Kubernetes version the product does not support', () => {
    expect(Object.keys(ADDON_VERSIONS).sort()).toEqual([...SUPPORTED_KUBERNETES_VERSIONS].sort());
  });

  test('kube-proxy is never newer than the cluster', () => {
    for (const kubernetesVersion of SUPPORTED_KUBERNETES_VERSIONS) {
      const version = ADDON_VERSIONS[kubernetesVersion].kubeProxy;
      if (version === undefined) continue;
      const [, proxyMinor] = /^v1\.(\d+)\./.exec(version) ?? [];
      expect(Number(proxyMinor)).toBeLessThanOrEqual(minor(kubernetesVersion));
    }
  });

  test('only verified versions: none of an unverified source, and today only the EKS User Guide\'s kube-proxy and CoreDNS tables', () => {
    for (const kubernetesVersion of SUPPORTED_KUBERNETES_VERSIONS) {
      for (const source of Object.values(ADDON_VERSIONS_SOURCES[kubernetesVersion])) {
        expect(source).not.toMatch(/unverified|estimated/i);
        expect(source).toMatch(/^(EKS User Guide|DescribeAddonVersions)/);
      }
    }
    expect(Object.fromEntries(SUPPORTED_KUBERNETES_VERSIONS.map((v) => [v, Object.keys(ADDON_VERSIONS[v]).sort()]))).toEqual({
      1.34: ['coreDns', 'kubeProxy'], 1.35: ['coreDns', 'kubeProxy'], 1.36: ['coreDns', 'kubeProxy'], 1.37: [],
    });
  });
});
