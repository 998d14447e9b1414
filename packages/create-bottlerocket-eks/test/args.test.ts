import { OPTIONS, UsageError, findOption, flagOf, kebabCase, parseArgs } from '../src/args';

describe('parseArgs', () => {
  test('--flag value and --flag=value forms', () => {
    const spaced = parseArgs(['--pj-prefix', 'team-a', '--region', 'us-east-1', '--capacity-type', 'ON_DEMAND']);
    const inline = parseArgs(['--pj-prefix=team-a', '--region=us-east-1', '--capacity-type=ON_DEMAND']);
    for (const parsed of [spaced, inline]) {
      expect(parsed.settings).toEqual({ pjPrefix: 'team-a', region: 'us-east-1', capacityType: 'ON_DEMAND' });
      expect(parsed.targetDir).toBeUndefined();
      expect(parsed.help).toBe(false);
      expect(parsed.version).toBe(false);
    }
    // known flags reach projen exactly as written
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
      pjPrefix: 'p', region: 'eu-west-1', vpcCidr: '10.1.0.0/16', natGateways: 2, clusterName: 'c',
      kubernetesVersion: '1.34', capacityType: 'SPOT', architecture: 'arm64', nodeDesiredSize: 3,
      nodeMinSize: 0, nodeMaxSize: 5, accountId: '123456789012',
    });
  });

  test('arrays: several values after the flag, up to the next flag', () => {
    const parsed = parseArgs(['--instance-types', 'm6i.xlarge', 'm5.xlarge', '--pj-prefix', 'a']);
    expect(parsed.settings.instanceTypes).toEqual(['m6i.xlarge', 'm5.xlarge']);
    expect(parsed.settings.pjPrefix).toBe('a');
    expect(parsed.passThrough).toEqual(['--instance-types', 'm6i.xlarge', 'm5.xlarge', '--pj-prefix', 'a']);
  });

  test('arrays: comma-separated values, passed to projen as separate words', () => {
    const parsed = parseArgs(['--availability-zones', 'us-east-1a,us-east-1b', '--endpoint-public-access-cidrs=1.2.3.0/24, 5.6.7.0/24']);
    expect(parsed.settings.availabilityZones).toEqual(['us-east-1a', 'us-east-1b']);
    expect(parsed.settings.endpointPublicAccessCidrs).toEqual(['1.2.3.0/24', '5.6.7.0/24']);
    expect(parsed.passThrough).toEqual([
      '--availability-zones', 'us-east-1a', 'us-east-1b',
      '--endpoint-public-access-cidrs', '1.2.3.0/24', '5.6.7.0/24',
    ]);
  });

  test('arrays: a repeated list flag adds values', () => {
    const parsed = parseArgs(['--admin-principal-arns', 'arn:aws:iam::123456789012:role/a', '--admin-principal-arns=arn:aws:iam::123456789012:role/b']);
    expect(parsed.settings.adminPrincipalArns).toEqual(['arn:aws:iam::123456789012:role/a', 'arn:aws:iam::123456789012:role/b']);
  });

  test('numbers parse; anything else stays the raw string for validation to report', () => {
    const parsed = parseArgs(['--nat-gateways', 'two', '--node-min-size', '-1', '--node-max-size', '2.5', '--node-desired-size', '']);
    expect(parsed.settings.natGateways).toBe('two');
    expect(parsed.settings.nodeMinSize).toBe(-1);
    expect(parsed.settings.nodeMaxSize).toBe(2.5);
    expect(parsed.settings.nodeDesiredSize).toBe('');
  });

  test('unknown flags pass through untouched and in order, mixed with known ones', () => {
    const parsed = parseArgs([
      '--no-post', '--pj-prefix', 'team-a', '--package-manager', 'npm', '--no-git', '--synth', '--author-name=me', '--region', 'us-east-1',
    ]);
    expect(parsed.passThrough).toEqual([
      '--no-post', '--pj-prefix', 'team-a', '--package-manager', 'npm', '--no-git', '--synth', '--author-name=me', '--region', 'us-east-1',
    ]);
    expect(parsed.settings).toEqual({ pjPrefix: 'team-a', region: 'us-east-1' });
    expect(parsed.targetDir).toBeUndefined();
  });

  test('positional target directory, first or after a switch', () => {
    expect(parseArgs(['my-repo', '--pj-prefix', 'a']).targetDir).toBe('my-repo');
    const afterSwitch = parseArgs(['--pj-prefix', 'a', '--no-git', 'other/dir']);
    expect(afterSwitch.targetDir).toBe('other/dir');
    expect(afterSwitch.passThrough).toEqual(['--pj-prefix', 'a', '--no-git']);
  });

  test('--from is consumed, not passed through', () => {
    for (const argv of [['--from', 'x@1'], ['--from=x@1'], ['-f', 'x@1']]) {
      const parsed = parseArgs(['--pj-prefix', 'a', ...argv, '--no-git']);
      expect(parsed.from).toBe('x@1');
      expect(parsed.passThrough).toEqual(['--pj-prefix', 'a', '--no-git']);
    }
    expect(parseArgs(['--pj-prefix', 'a']).from).toBeUndefined();
  });

  test('camelCase spelling of a known flag is still validated', () => {
    expect(parseArgs(['--pjPrefix', 'Team_A']).settings.pjPrefix).toBe('Team_A');
  });

  test('everything after -- goes to projen as written', () => {
    const parsed = parseArgs(['--pj-prefix', 'a', '--', '--region', 'x']);
    expect(parsed.settings).toEqual({ pjPrefix: 'a' });
    expect(parsed.passThrough).toEqual(['--pj-prefix', 'a', '--', '--region', 'x']);
  });

  test('--help, -h and --version', () => {
    expect(parseArgs(['--help']).help).toBe(true);
    expect(parseArgs(['-h']).help).toBe(true);
    expect(parseArgs(['--version']).version).toBe(true);
    // help wins over a malformed command line
    expect(parseArgs(['--region', '--help']).help).toBe(true);
  });

  test.each([
    [['--region'], '--region needs a value'],
    [['--region', '--no-git'], '--region needs a value'],
    [['--instance-types', '--no-git'], '--instance-types needs at least one value'],
    [['--from'], '--from needs a value'],
    [['--region', 'a', '--region', 'b'], '--region was given more than once'],
    [['--from', 'a', '--from', 'b'], '--from was given more than once'],
    [['dir-a', 'dir-b'], 'unexpected argument "dir-b"'],
  ])('usage error for %j', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
    expect(() => parseArgs(argv)).toThrow(message);
  });
});

describe('option table', () => {
  test('holds exactly the known flags, in kebab-case', () => {
    expect(OPTIONS.map(flagOf)).toEqual([
      '--pj-prefix', '--region', '--availability-zones', '--vpc-cidr', '--nat-gateways', '--cluster-name',
      '--kubernetes-version', '--endpoint-public-access-cidrs', '--admin-principal-arns', '--instance-types',
      '--capacity-type', '--architecture', '--node-desired-size', '--node-min-size', '--node-max-size', '--account-id',
    ]);
    expect(kebabCase('endpointPublicAccessCidrs')).toBe('endpoint-public-access-cidrs');
    expect(findOption('node-max-size')?.setting).toBe('nodeMaxSize');
    expect(findOption('nodeMaxSize')?.setting).toBe('nodeMaxSize');
    expect(findOption('no-git')).toBeUndefined();
  });

  test('enum choices come from the config package', () => {
    expect(findOption('capacity-type')?.choices).toEqual(['SPOT', 'ON_DEMAND']);
    expect(findOption('architecture')?.choices).toEqual(['x86_64', 'arm64']);
  });
});
