import { KNOWN_BAD_BOTTLEROCKET_RELEASES, ReleaseTrain } from 'bottlerocket-eks-config';
import { duePromotions, EnvironmentObservation, formatReleaseTrain, GroupObservation, planReleaseTrain, pullRequestText, TrainEnvironmentInput } from '../src/releases';

// The promotion rules of the Bottlerocket release train, environment by environment.
const NOW = new Date('2026-12-04T08:00:00Z');
const VARIANT = 'aws-k8s-1.35/x86_64';
const R52 = '1.52.0-0b1c2d3e';
const R54 = '1.54.0-1a2b3c4d';
const R55 = '1.55.0-2b3c4d5e';
const R53 = '1.53.0-55d04a85';
const PUBLISHED = [
  { release: R55, publishedAt: '2026-12-01T10:00:00.000Z' },
  { release: R54, publishedAt: '2026-11-10T10:00:00.000Z' },
  { release: R53, publishedAt: '2026-01-20T10:00:00.000Z' },
  { release: R52, publishedAt: '2025-12-12T10:00:00.000Z' },
];

function group(release: string | undefined, since?: string, extra: Partial<GroupObservation> = {}): GroupObservation {
  return { name: 'spot', exists: release !== undefined, variant: VARIANT, release, since, ...extra };
}

function env(name: string, groups: GroupObservation[], settings: Partial<TrainEnvironmentInput['settings']> = {},
  published: EnvironmentObservation['published'] = { [VARIANT]: PUBLISHED }): TrainEnvironmentInput {
  return {
    environment: name,
    settings: {
      pjPrefix: `team-a-${name}`,
      releaseTrain: ReleaseTrain.FOLLOW,
      releaseSoakDays: 7,
      bottlerocketRelease: undefined,
      blockedBottlerocketReleases: [...KNOWN_BAD_BOTTLEROCKET_RELEASES],
      ...settings,
    },
    observation: { format: 1, environment: name, pjPrefix: `team-a-${name}`, observedAt: NOW.toISOString(), groups, published, notes: [] },
  };
}

const plan = (...environments: TrainEnvironmentInput[]) => planReleaseTrain(environments, NOW).environments;

describe('the first environment', () => {
  test('takes the newest published release as soon as it is published', () => {
    const [dev] = plan(env('dev', [group(R54, '2026-11-11T00:00:00Z')], { bottlerocketRelease: R54 }));
    expect(dev.promotion).toEqual({
      release: R55,
      eligibleAt: '2026-12-01T10:00:00.000Z',
      due: true,
      because: 'published 2026-12-01; the first environment takes a release when it is published',
    });
  });

  test('on the newest already: nothing proposed', () => {
    const [dev] = plan(env('dev', [group(R55, '2026-12-02T00:00:00Z')], { bottlerocketRelease: R55 }));
    expect([dev.promotion, dev.waiting]).toEqual([undefined, `on the newest release published for ${VARIANT}`]);
  });

  test('the newest release blocked: the newest one not blocked instead, and the blocked one said with why', () => {
    const [dev] = plan(env('dev', [group(R52, '2025-12-13T00:00:00Z')], {
      blockedBottlerocketReleases: [{ release: '1.55.0', reason: 'our CNI crashes' }, ...KNOWN_BAD_BOTTLEROCKET_RELEASES],
    }));
    expect(dev.promotion?.release).toBe(R54);
    expect(dev.blocked).toEqual([
      { release: R55, reason: 'our CNI crashes' },
      { release: R53, reason: KNOWN_BAD_BOTTLEROCKET_RELEASES[0].reason },
    ]);
  });

  test('a group with its own releaseVersion is left alone; with every group pinned nothing is proposed', () => {
    const pinned = group(R52, '2025-12-13T00:00:00Z', { pinned: R52 });
    const [dev] = plan(env('dev', [group(R54, '2026-11-11T00:00:00Z'), { ...pinned, name: 'gpu' }]));
    expect(dev.promotion?.release).toBe(R55);
    expect(dev.runs).toBe(R54);
    const [all] = plan(env('dev', [pinned]));
    expect([all.promotion, all.waiting]).toEqual([undefined, 'every node group is pinned by its own releaseVersion']);
  });

  test('a pinned environment gets nothing', () => {
    const [dev] = plan(env('dev', [group(R52, '2025-12-13T00:00:00Z')], { releaseTrain: ReleaseTrain.PINNED }));
    expect([dev.promotion, dev.waiting]).toEqual([undefined, 'pinned (releaseTrain: pinned): nothing is proposed']);
  });

  test('only releases published for every variant of its groups', () => {
    const arm = 'aws-k8s-1.35/arm64';
    const [dev] = plan(env('dev', [group(R52, '2025-12-13T00:00:00Z'), group(R52, '2025-12-13T00:00:00Z', { name: 'arm', variant: arm })], {},
      { [VARIANT]: PUBLISHED, [arm]: PUBLISHED.filter((p) => p.release !== R55) }));
    expect(dev.promotion?.release).toBe(R54);
  });

  test('the published releases unknown (the credentials may not list them): nothing proposed, and why', () => {
    const [dev] = plan(env('dev', [group(R52, '2025-12-13T00:00:00Z')], {}, {}));
    expect(dev.waiting).toBe(`the published releases of ${VARIANT} could not be read`);
  });
});

describe('the next environments', () => {
  test('soak not yet passed: proposed from when the release has run there for the soak period', () => {
    const [, prod] = plan(
      env('dev', [group(R55, '2026-12-01T12:00:00.000Z')], { bottlerocketRelease: R55 }),
      env('prod', [group(R54, '2026-11-20T00:00:00Z')], { bottlerocketRelease: R54 }),
    );
    expect(prod.promotion).toEqual({
      release: R55, eligibleAt: '2026-12-08T12:00:00.000Z', due: false, because: 'it has run in dev since 2026-12-01; the soak here is 7 day(s)',
    });
  });

  test('soak passed: due; the soak is the receiving environment\'s, from when the last group got the release', () => {
    const [, prod] = plan(
      env('dev', [group(R55, '2026-11-20T00:00:00.000Z'), group(R55, '2026-11-24T00:00:00.000Z', { name: 'system' })]),
      env('prod', [group(R54, '2026-11-20T00:00:00Z')], { releaseSoakDays: 10 }),
    );
    expect(prod.promotion).toMatchObject({ release: R55, eligibleAt: '2026-12-04T00:00:00.000Z', due: true });
  });

  test('never a step back, never what it runs already', () => {
    const [, prod] = plan(env('dev', [group(R54, '2026-11-01T00:00:00Z')]), env('prod', [group(R55, '2026-12-02T00:00:00Z')]));
    expect([prod.promotion, prod.waiting]).toEqual([undefined, `up to date with dev (${R54})`]);
  });

  test('a release the previous environment runs but this one blocks is not proposed', () => {
    const [, prod] = plan(
      env('dev', [group(R55, '2026-11-20T00:00:00Z')]),
      env('prod', [group(R54, '2026-11-20T00:00:00Z')], { blockedBottlerocketReleases: [{ release: R55, reason: 'fails our conformance suite' }] }),
    );
    expect([prod.promotion, prod.waiting]).toEqual([undefined, `dev runs ${R55}, which is blocked here: fails our conformance suite`]);
  });

  test('a release that disappeared (no longer published for the variant) is not proposed; a release set but gone is noted', () => {
    const gone = { [VARIANT]: PUBLISHED.filter((p) => p.release !== R55) };
    const [, prod] = plan(
      env('dev', [group(R55, '2026-11-20T00:00:00Z')]),
      env('prod', [group(R54, '2026-11-20T00:00:00Z')], { bottlerocketRelease: R54 }, gone),
    );
    expect(prod.waiting).toBe(`dev runs ${R55}, which is not published for ${VARIANT}`);
    const [dev] = plan(env('dev', [group(R55, '2026-11-20T00:00:00Z')], { bottlerocketRelease: R55 }, gone));
    expect(dev.notes).toEqual([`${R55} is not published (any more) for ${VARIANT}: its groups cannot be created or replaced on it`]);
  });

  test('an environment added in the middle takes the release after its soak; the one after it waits for it to run one', () => {
    const [, staging, prod] = plan(
      env('dev', [group(R55, '2026-11-20T00:00:00.000Z')]),
      env('staging', [group(undefined)]),
      env('prod', [group(R54, '2026-11-12T00:00:00Z')]),
    );
    expect(staging.promotion).toMatchObject({ release: R55, due: true });
    expect([prod.promotion, prod.waiting]).toEqual([undefined, 'waits for staging, which runs no release yet (not deployed)']);
  });

  test('the previous environment unreadable, or on several releases: waits, and says why', () => {
    const dev = env('dev', [group(R55, '2026-11-20T00:00:00Z')]);
    const [, prod] = plan({ ...dev, observation: undefined, unreadable: 'AWS_ACCESS_DENIED' }, env('prod', [group(R54, '2026-11-12T00:00:00Z')]));
    expect(prod.waiting).toBe('waits for dev, which could not be read');
    const [, prod2] = plan(
      env('dev', [group(R55, '2026-11-20T00:00:00Z'), group(R54, '2026-11-20T00:00:00Z', { name: 'system' })]),
      env('prod', [group(R54, '2026-11-12T00:00:00Z')]),
    );
    expect(prod2.waiting).toBe(`waits for dev to settle on one release (its groups run ${R55}, ${R54})`);
  });

  test('since when unknown: not promoted before it is known', () => {
    const [, prod] = plan(env('dev', [group(R55, undefined)]), env('prod', [group(R54, '2026-11-12T00:00:00Z')]));
    expect(prod.waiting).toBe(`dev runs ${R55}, but since when is unknown: not promoted before that is known`);
  });

  test('a release set but not deployed yet is noted, and the next environment goes by what runs', () => {
    const [dev, prod] = plan(
      env('dev', [group(R54, '2026-11-11T00:00:00Z')], { bottlerocketRelease: R55 }),
      env('prod', [group(R52, '2026-01-01T00:00:00Z')]),
    );
    expect(dev.notes).toEqual([`set to ${R55}, but its nodes run ${R54}: deploy it`]);
    expect(dev.promotion).toBeUndefined();
    expect(prod.promotion).toMatchObject({ release: R54, due: true });
  });
});

describe('what the train shows', () => {
  const environments = [
    env('dev', [group(R55, '2026-12-01T12:00:00.000Z')], { bottlerocketRelease: R55 }),
    env('staging', [group(R54, '2026-11-12T00:00:00.000Z')], { bottlerocketRelease: R54 }),
    env('prod', [group(R52, '2025-12-13T00:00:00.000Z')], { bottlerocketRelease: R52, releaseSoakDays: 14 }),
  ];
  const train = planReleaseTrain(environments, NOW);

  test('the table, each environment\'s next step, and the commands that take the due ones', () => {
    expect(formatReleaseTrain(train)).toBe([
      'Bottlerocket release train, at 2026-12-04 08:00 UTC',
      '',
      '  environment  train   soak  runs             since       set to           newest           next',
      `  dev          follow  -     ${R55}  2026-12-01  ${R55}  ${R55}  -`,
      `  staging      follow  7d    ${R54}  2026-11-12  ${R54}  ${R55}  ${R55} from 2026-12-08 (in 5 days)`,
      `  prod         follow  14d   ${R52}  2025-12-13  ${R52}  ${R55}  ${R54} due now`,
      '',
      `dev: on the newest release published for ${VARIANT}.`,
      `staging: ${R55} may go from 2026-12-08 12:00 UTC: it has run in dev since 2026-12-01; the soak here is 7 day(s).`,
      `prod: ${R54} is due now: it has run in staging since 2026-11-12; the soak here is 14 day(s).`,
      `  blocked: ${R53}: ${KNOWN_BAD_BOTTLEROCKET_RELEASES[0].reason}`,
      '',
      `Due now: ${R54} to prod. The scheduled releases workflow opens a pull request for each; by hand:`,
      '  npx projen releases -- --apply --environment prod',
      '',
    ].join('\n'));
  });

  test('the due promotions, as the workflow\'s matrix takes them', () => {
    expect(duePromotions(train)).toEqual([{ environment: 'prod', release: R54, branch: 'bottlerocket-eks/release-prod', applyArgs: '--apply --environment prod' }]);
  });

  test('the pull request says what changes, where, why now, and what a deploy does', () => {
    const { title, body } = pullRequestText(train.environments[2], train);
    expect(title).toBe(`Bottlerocket ${R54} for prod`);
    expect(body).toContain(`Moves **prod** to Bottlerocket **${R54}** from ${R52}: \`bottlerocketRelease\` in \`.projenrc.ts\``);
    expect(body).toContain('**Why now:** it has run in staging since 2026-11-12; the soak here is 14 day(s).');
    expect(body).toContain(`the nodes of \`spot\` roll in place onto ${R54}, a few at a time by each group's update config (\`npx projen deploy:prod\``);
    expect(body).toContain(`- staging: runs ${R54}; next ${R55} from 2026-12-08`);
  });
});
