import { checkEnum, checkInteger, checkKnownKeys, checkString } from './checks';
import { ReleaseTrain } from './enums';
import { fail } from './errors';
import { checkReleaseVersion } from './node-access';
import type { BottlerocketEksSettings } from './options';
import type { ResolvedSettings } from './resolved';

/** A Bottlerocket release that must not run, and why. */
export interface BlockedBottlerocketRelease {
  /**
   * The release: a whole release such as `1.53.0` (every build of it), or one build such as
   * `1.53.0-55d04a85`.
   */
  readonly release: string;
  /** Why it is blocked, with a link where there is one: the release train and the update plan show it. */
  readonly reason: string;
}

/** Days a release soaks in one environment before it is proposed to the next, unless set. */
export const DEFAULT_RELEASE_SOAK_DAYS = 7;

/**
 * Bottlerocket releases with a documented regression on EKS, each with its source. Only releases
 * a public report ties to a regression are listed; nothing is listed on suspicion.
 */
export const KNOWN_BAD_BOTTLEROCKET_RELEASES: readonly BlockedBottlerocketRelease[] = [
  {
    release: '1.53.0',
    reason: 'the EKS node monitoring agent reports kernel monitor errors on it, gone after rolling back to 1.52.0 '
      + '(https://github.com/bottlerocket-os/bottlerocket/issues/4746, January 2026)',
  },
];

/** The release train's settings, validated, with the product's blocked releases after the team's. */
export type ResolvedReleaseTrain = Pick<ResolvedSettings, 'bottlerocketRelease' | 'releaseTrain' | 'releaseSoakDays' | 'blockedBottlerocketReleases'>;

const BLOCKED_RELEASE_PATTERN = /^\d+\.\d+\.\d+(-[0-9a-f]{8})?$/;

export function resolveReleaseTrain(settings: BottlerocketEksSettings): ResolvedReleaseTrain {
  const blocked = settings.blockedBottlerocketReleases ?? [];
  if (!Array.isArray(blocked)) fail('blockedBottlerocketReleases', blocked, 'a list of { release, reason }');
  const own = blocked.map((entry: unknown, i) => {
    const at = `blockedBottlerocketReleases[${i}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) fail(at, entry, 'an object { release, reason }');
    checkKnownKeys(`${at}.`, entry, ['release', 'reason']);
    const { release, reason } = entry as BlockedBottlerocketRelease;
    return {
      release: checkString(`${at}.release`, release, (r) => BLOCKED_RELEASE_PATTERN.test(r), 'a release such as 1.53.0 (every build) or 1.53.0-55d04a85'),
      reason: checkString(`${at}.reason`, reason, (r) => r.trim().length > 0, 'why the release is blocked, in words (a link helps)'),
    };
  });
  return {
    bottlerocketRelease: checkReleaseVersion('bottlerocketRelease', settings.bottlerocketRelease),
    releaseTrain: checkEnum('releaseTrain', settings.releaseTrain ?? ReleaseTrain.FOLLOW, Object.values(ReleaseTrain)),
    releaseSoakDays: checkInteger('releaseSoakDays', settings.releaseSoakDays ?? DEFAULT_RELEASE_SOAK_DAYS, 0, 90, 'a whole number of days from 0 to 90'),
    blockedBottlerocketReleases: [...own, ...KNOWN_BAD_BOTTLEROCKET_RELEASES],
  };
}

/** The entry that blocks `release` (`1.53.0-55d04a85` is blocked by `1.53.0` and by itself), if any. */
export function findBlockedRelease(release: string, blocked: readonly BlockedBottlerocketRelease[]): BlockedBottlerocketRelease | undefined {
  return blocked.find((b) => b.release === release || (!b.release.includes('-') && release.startsWith(`${b.release}-`)));
}

/** Orders two releases (`1.51.0-47438798`) by their version number: negative when `a` is older. Builds of one version are equal. */
export function compareBottlerocketReleases(a: string, b: string): number {
  const parts = (release: string) => release.split('-')[0].split('.').map(Number);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

/** The release a node group is set to: its own `releaseVersion` (pinned), else the environment's `bottlerocketRelease`. */
export function nodegroupRelease(settings: Pick<ResolvedSettings, 'bottlerocketRelease'>, group: { readonly releaseVersion?: string }): string | undefined {
  return group.releaseVersion ?? settings.bottlerocketRelease;
}
