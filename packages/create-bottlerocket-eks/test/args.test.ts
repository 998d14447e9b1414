import { USAGE_ERROR_NAME, isUsageError, parseArgs } from '../src/args';
import { OPTIONS, findOption, flagOf } from '../src/options';

/** The error `parseArgs` throws for `argv`; fails the test when it throws none. */
function usageErrorOf(argv: string[]): Error {
  try {
    parseArgs(argv);
  } catch (e) {
    return e as Error;
  }
  throw new Error(`parseArgs(${JSON.stringify(argv)}) did not throw`);
}

describe('parseArgs', () => {
  test('--flag value and --flag=value forms', () => {
    const spaced = parseArgs(['--pj-prefix', 'team-a', '--region', 'us-east-1', '--capacity-type', 'ON_DEMAND']);
    const inline = parseArgs(['--pj-prefix=team-a', '--region=us-east-1', '--capacity-type=ON_DEMAND']);
    for (const parsed of [spaced, inline]) {
      expect(parsed.settings).toEqual({ pjPrefix: 'team-a', region: 'us-east-1', capacityType: 'ON_DEMAND' });
      expect(parsed.targetDir).toBeUndefined();
      expect(parsed.help).toBe(false);
      expect(parsed.version).toBe(false);
      expect(parsed.unknownFlags).toEqual([]);
    }
    // known single-value flags reach projen exactly as written
    expect(spaced.passThrough).toEqual(['--pj-prefix', 'team-a', '--region', 'us-east-1', '--capacity-type', 'ON_DEMAND']);
    expect(inline.passThrough).toEqual(['--pj-prefix=team-a', '--region=us-east-1', '--capacity-type=ON_DEMAND']);
  });

  test('every string, enum and number flag fills its setting', () => {
    const parsed = parseArgs([
      '--pj-prefix', 'p', '--region', 'eu-west-1', '--vpc-cidr', '10.1.0.0/16', '--nat-gateways', '2',
      '--cluster-name', 'c', '--kubernetes-version', '1.34', '--capacity-type', 'SPOT', '--architecture', 'arm64',
      '--node-desired-size', '3', '--node-min-size=0', '--node-max-size', '5', '--account-id', '123456789012',
    ]);
    expect(parsed.settings).toEqual({
      pjPrefix: 'p',
      region: 'eu-west-1',
      vpcCidr: '10.1.0.0/16',
      natGateways: 2,
      clusterName: 'c',
      kubernetesVersion: '1.34',
      capacityType: 'SPOT',
      architecture: 'arm64',
      nodeDesiredSize: 3,
      nodeMinSize: 0,
      nodeMaxSize: 5,
      accountId: '123456789012',
    });
  });

  test('lists: several values after the flag, up to the next flag', () => {
    const parsed = parseArgs(['--instance-types', 'm6i.xlarge', 'm5.xlarge', '--pj-prefix', 'a']);
    expect(parsed.settings.instanceTypes).toEqual(['m6i.xlarge', 'm5.xlarge']);
    expect(parsed.settings.pjPrefix).toBe('a');
    expect(parsed.targetDir).toBeUndefined();
    expect(parsed.passThrough).toEqual(['--instance-types', 'm6i.xlarge', 'm5.xlarge', '--pj-prefix', 'a']);
  });

  test('lists: comma-separated values, passed to projen as separate words', () => {
    const parsed = parseArgs(['--availability-zones', 'us-east-1a,us-east-1b', '--endpoint-public-access-cidrs=1.2.3.0/24, 5.6.7.0/24']);
    expect(parsed.settings.availabilityZones).toEqual(['us-east-1a', 'us-east-1b']);
    expect(parsed.settings.endpointPublicAccessCidrs).toEqual(['1.2.3.0/24', '5.6.7.0/24']);
    expect(parsed.passThrough).toEqual([
      '--availability-zones', 'us-east-1a', 'us-east-1b',
      '--endpoint-public-access-cidrs', '1.2.3.0/24', '5.6.7.0/24',
    ]);
  });

  test('lists: a repeated list flag adds values; every spelling reaches projen as the kebab-case flag', () => {
    const parsed = parseArgs(['--admin-principal-arns', 'arn:aws:iam::123456789012:role/a', '--adminPrincipalArns=arn:aws:iam::123456789012:role/b']);
    expect(parsed.settings.adminPrincipalArns).toEqual(['arn:aws:iam::123456789012:role/a', 'arn:aws:iam::123456789012:role/b']);
    expect(parsed.passThrough).toEqual([
      '--admin-principal-arns', 'arn:aws:iam::123456789012:role/a', '--admin-principal-arns', 'arn:aws:iam::123456789012:role/b',
    ]);
  });

  test('lists: words after the --flag=value form belong to the list too', () => {
    const parsed = parseArgs(['--instance-types=m6i.xlarge', 'm5.xlarge,m5a.xlarge', '--no-git']);
    expect(parsed.settings.instanceTypes).toEqual(['m6i.xlarge', 'm5.xlarge', 'm5a.xlarge']);
    expect(parsed.targetDir).toBeUndefined();
    expect(parsed.passThrough).toEqual(['--instance-types', 'm6i.xlarge', 'm5.xlarge', 'm5a.xlarge', '--no-git']);
  });

  test('numbers parse; anything else stays the raw string for validation to report', () => {
    const parsed = parseArgs(['--nat-gateways', 'two', '--node-min-size', '-1', '--node-max-size', '2.5', '--node-desired-size', '']);
    expect(parsed.settings.natGateways).toBe('two');
    expect(parsed.settings.nodeMinSize).toBe(-1);
    expect(parsed.settings.nodeMaxSize).toBe(2.5);
    expect(parsed.settings.nodeDesiredSize).toBe('');
    // a negative number is a value, not a flag, also when it has several digits
    expect(parseArgs(['--node-min-size', '-12']).settings.nodeMinSize).toBe(-12);
  });

  test('unknown flags pass through untouched and in order, mixed with known ones', () => {
    const parsed = parseArgs([
      '--no-post', '--pj-prefix', 'team-a', '--package-manager', 'npm', '--no-git', '--synth', '--author-name=me', '--region', 'us-east-1',
    ]);
    expect(parsed.passThrough).toEqual([
      '--no-post', '--pj-prefix', 'team-a', '--package-manager', 'npm', '--no-git', '--synth', '--author-name=me', '--region', 'us-east-1',
    ]);
    expect(parsed.settings).toEqual({ pjPrefix: 'team-a', region: 'us-east-1' });
    expect(parsed.unknownFlags).toEqual(['--no-post', '--package-manager', '--no-git', '--synth', '--author-name=me']);
    expect(parsed.targetDir).toBeUndefined();
  });

  test('single-dash words are one unknown flag each, passed through as typed', () => {
    // Node alone would split them into letters, and read the dash in `-pj-prefix` as `--`
    const parsed = parseArgs(['-pj-prefix', 'team-a', '-wx', '--region', 'us-east-1', '-no-git', 'my-dir']);
    expect(parsed.settings).toEqual({ region: 'us-east-1' });
    expect(parsed.unknownFlags).toEqual(['-pj-prefix', '-wx', '-no-git']);
    expect(parsed.passThrough).toEqual(['-pj-prefix', 'team-a', '-wx', '--region', 'us-east-1', '-no-git']);
    expect(parsed.targetDir).toBe('my-dir');
  });

  test('positional target directory, first or after a switch', () => {
    expect(parseArgs(['my-repo', '--pj-prefix', 'a']).targetDir).toBe('my-repo');
    const afterSwitch = parseArgs(['--pj-prefix', 'a', '--no-git', 'other/dir']);
    expect(afterSwitch.targetDir).toBe('other/dir');
    expect(afterSwitch.passThrough).toEqual(['--pj-prefix', 'a', '--no-git']);
    // after an unknown flag that is not a switch, the word is that flag's value
    const afterOption = parseArgs(['--pj-prefix', 'a', '--package-manager', 'npm']);
    expect(afterOption.targetDir).toBeUndefined();
    expect(afterOption.passThrough).toEqual(['--pj-prefix', 'a', '--package-manager', 'npm']);
  });

  test('--from is consumed, not passed through', () => {
    for (const argv of [['--from', 'x@1'], ['--from=x@1'], ['-f', 'x@1'], ['-f=x@1'], ['-fx@1']]) {
      const parsed = parseArgs(['--pj-prefix', 'a', ...argv, '--no-git']);
      expect(parsed.from).toBe('x@1');
      expect(parsed.passThrough).toEqual(['--pj-prefix', 'a', '--no-git']);
    }
    expect(parseArgs(['--pj-prefix', 'a']).from).toBeUndefined();
  });

  test('camelCase spelling of a known flag is still read as that setting', () => {
    const parsed = parseArgs(['--pjPrefix', 'Team_A', '--natGateways=2', '--instanceTypes', 'm6i.xlarge']);
    expect(parsed.settings).toEqual({ pjPrefix: 'Team_A', natGateways: 2, instanceTypes: ['m6i.xlarge'] });
    expect(parsed.unknownFlags).toEqual([]);
  });

  test('everything after -- goes to projen as written', () => {
    const parsed = parseArgs(['--pj-prefix', 'a', '--', '--region', 'x', '--from', 'y', '--help']);
    expect(parsed.settings).toEqual({ pjPrefix: 'a' });
    expect(parsed.from).toBeUndefined();
    expect(parsed.help).toBe(false);
    expect(parsed.passThrough).toEqual(['--pj-prefix', 'a', '--', '--region', 'x', '--from', 'y', '--help']);
  });

  test('--help, -h and --version', () => {
    expect(parseArgs(['--help']).help).toBe(true);
    expect(parseArgs(['-h']).help).toBe(true);
    expect(parseArgs(['--version']).version).toBe(true);
    expect(parseArgs(['--version']).help).toBe(false);
    // they win over a malformed command line, also where a value was expected
    expect(parseArgs(['--region', '--help']).help).toBe(true);
    expect(parseArgs(['--instance-types', '-h']).help).toBe(true);
    expect(parseArgs(['dir-a', 'dir-b', '--version']).version).toBe(true);
  });

  test.each([
    [['--region'], '--region needs a value'],
    [['--region', '--no-git'], '--region needs a value'],
    [['--instance-types', '--no-git'], '--instance-types needs at least one value'],
    [['--instance-types='], '--instance-types needs at least one value'],
    [['--from'], '--from needs a value'],
    [['--from', '--no-git'], '--from needs a value'],
    [['--region', 'a', '--region', 'b'], '--region was given more than once'],
    [['--region', 'a', '--region=b'], '--region was given more than once'],
    [['--from', 'a', '--from', 'b'], '--from was given more than once'],
    [['dir-a', 'dir-b'], 'unexpected argument "dir-b"'],
    [['--region', 'a', 'dir-a', 'dir-b'], 'unexpected argument "dir-b"'],
  ])('usage error for %j', (argv, message) => {
    const error = usageErrorOf(argv);
    expect(isUsageError(error)).toBe(true);
    expect(error.name).toBe(USAGE_ERROR_NAME);
    expect(error.message).toContain(message);
  });

  test('the first problem is the one reported', () => {
    expect(usageErrorOf(['--region', '--nat-gateways']).message).toBe('--region needs a value');
  });
});

describe('option table', () => {
  test('holds exactly the known flags, in kebab-case', () => {
    expect(OPTIONS.map(flagOf)).toEqual([
      '--pj-prefix', '--region', '--availability-zones', '--vpc-cidr', '--nat-gateways', '--cluster-name',
      '--kubernetes-version', '--endpoint-public-access-cidrs', '--admin-principal-arns', '--instance-types',
      '--capacity-type', '--architecture', '--node-desired-size', '--node-min-size', '--node-max-size', '--account-id',
    ]);
    expect(findOption('node-max-size')?.setting).toBe('nodeMaxSize');
    expect(findOption('nodeMaxSize')?.setting).toBe('nodeMaxSize');
    expect(findOption('no-git')).toBeUndefined();
  });

  test('enum choices come from the config package', () => {
    expect(findOption('capacity-type')?.choices).toEqual(['SPOT', 'ON_DEMAND']);
    expect(findOption('architecture')?.choices).toEqual(['x86_64', 'arm64']);
  });
});
