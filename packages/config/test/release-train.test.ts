import {
  BottlerocketEksSettings, compareBottlerocketReleases, findBlockedRelease, KNOWN_BAD_BOTTLEROCKET_RELEASES, nodegroupRelease, ReleaseTrain, Settings,
} from '../src';

const resolve = (settings: Partial<BottlerocketEksSettings>) => Settings.resolve({ pjPrefix: 'team-a', ...settings });

describe('release train settings', () => {
  test('defaults: follow, a soak of 7 days, no release set, the product\'s blocked releases', () => {
    const s = resolve({});
    expect([s.releaseTrain, s.releaseSoakDays, s.bottlerocketRelease]).toEqual([ReleaseTrain.FOLLOW, 7, undefined]);
    expect(s.blockedBottlerocketReleases).toEqual(KNOWN_BAD_BOTTLEROCKET_RELEASES);
  });

  test('the team\'s blocked releases come first, then the product\'s', () => {
    const s = resolve({
      releaseTrain: ReleaseTrain.PINNED,
      releaseSoakDays: 14,
      bottlerocketRelease: '1.51.0-47438798',
      blockedBottlerocketReleases: [{ release: '1.52.0-aabbccdd', reason: 'our ingress breaks' }],
    });
    expect([s.releaseTrain, s.releaseSoakDays, s.bottlerocketRelease]).toEqual(['pinned', 14, '1.51.0-47438798']);
    expect(s.blockedBottlerocketReleases.map((b) => b.release)).toEqual(['1.52.0-aabbccdd', ...KNOWN_BAD_BOTTLEROCKET_RELEASES.map((b) => b.release)]);
  });

  test('every shipped entry cites its source', () => {
    for (const entry of KNOWN_BAD_BOTTLEROCKET_RELEASES) expect(entry.reason).toMatch(/https:\/\/github\.com\/bottlerocket-os\/bottlerocket\/issues\/\d+/);
  });

  test('a bad value in one line, naming the option', () => {
    expect(() => resolve({ releaseTrain: 'latest' as any })).toThrow('Invalid releaseTrain "latest": expected one of follow, pinned.');
    expect(() => resolve({ releaseSoakDays: 120 })).toThrow('Invalid releaseSoakDays 120: expected a whole number of days from 0 to 90.');
    expect(() => resolve({ bottlerocketRelease: '1.51' })).toThrow(/^Invalid bottlerocketRelease "1\.51": expected a Bottlerocket release such as/);
    expect(() => resolve({ blockedBottlerocketReleases: [{ release: 'v1.53', reason: 'x' }] }))
      .toThrow('Invalid blockedBottlerocketReleases[0].release "v1.53": expected a release such as 1.53.0 (every build) or 1.53.0-55d04a85.');
    expect(() => resolve({ blockedBottlerocketReleases: [{ release: '1.53.0', reason: ' ' }] }))
      .toThrow(/^Invalid blockedBottlerocketReleases\[0\]\.reason " ": expected why the release is blocked/);
    expect(() => resolve({ blockedBottlerocketReleases: [{ release: '1.53.0', reason: 'x', since: 'today' } as any] }))
      .toThrow(/blockedBottlerocketReleases\[0\]\.since/);
  });

  test('an environment may set its own', () => {
    const [dev, prod] = Settings.resolveEnvironments({ pjPrefix: 'team-a' }, [{ name: 'dev' }, { name: 'prod', releaseSoakDays: 14, releaseTrain: ReleaseTrain.PINNED }]);
    expect([dev.settings.releaseSoakDays, prod.settings.releaseSoakDays, prod.settings.releaseTrain]).toEqual([7, 14, 'pinned']);
  });
});

describe('releases', () => {
  test('a whole release blocks each of its builds; a build blocks itself only', () => {
    const blocked = [{ release: '1.53.0', reason: 'a' }, { release: '1.54.0-11111111', reason: 'b' }];
    expect(findBlockedRelease('1.53.0-55d04a85', blocked)?.reason).toBe('a');
    expect(findBlockedRelease('1.53.1-55d04a85', blocked)).toBeUndefined();
    expect(findBlockedRelease('1.54.0-11111111', blocked)?.reason).toBe('b');
    expect(findBlockedRelease('1.54.0-22222222', blocked)).toBeUndefined();
  });

  test('ordered by version number, not as text', () => {
    expect(compareBottlerocketReleases('1.9.0-aaaaaaaa', '1.10.0-bbbbbbbb')).toBeLessThan(0);
    expect(compareBottlerocketReleases('1.53.1-aaaaaaaa', '1.53.0-bbbbbbbb')).toBeGreaterThan(0);
    expect(compareBottlerocketReleases('1.53.0-aaaaaaaa', '1.53.0-bbbbbbbb')).toBe(0);
  });

  test('a group\'s own releaseVersion wins over the environment\'s release', () => {
    expect(nodegroupRelease({ bottlerocketRelease: '1.51.0-47438798' }, {})).toBe('1.51.0-47438798');
    expect(nodegroupRelease({ bottlerocketRelease: '1.51.0-47438798' }, { releaseVersion: '1.50.0-5c5b35b5' })).toBe('1.50.0-5c5b35b5');
  });
});
