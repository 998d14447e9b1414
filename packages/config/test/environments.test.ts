import { BottlerocketEksSettings, environmentSettingsFileName, Settings } from '../src';

const TOP: BottlerocketEksSettings = { pjPrefix: 'team-a', region: 'eu-west-1', nodeMaxSize: 4 };

describe('environments', () => {
  test('each gets the top level with its own settings over it, and the prefix <pjPrefix>-<name> unless it gives one', () => {
    const [dev, prd] = Settings.resolveEnvironments(TOP, [
      { name: 'dev', accountId: '111111111111' },
      { name: 'prd', pjPrefix: 'team-a-prod', accountId: '222222222222', region: 'us-east-1', nodeMaxSize: 10 },
    ]);
    expect(dev.name).toBe('dev');
    expect(dev.options).toEqual({ pjPrefix: 'team-a-dev', region: 'eu-west-1', nodeMaxSize: 4, accountId: '111111111111' });
    expect(dev.settings).toMatchObject({ pjPrefix: 'team-a-dev', region: 'eu-west-1', accountId: '111111111111', availabilityZones: ['eu-west-1a', 'eu-west-1c'] });
    expect(prd.settings).toMatchObject({ pjPrefix: 'team-a-prod', region: 'us-east-1', accountId: '222222222222', availabilityZones: ['us-east-1a', 'us-east-1c'] });
    expect(prd.settings.nodegroups[0].maxSize).toBe(10);
  });

  test('a list or object an environment gives replaces the top level one whole', () => {
    const [prd] = Settings.resolveEnvironments({ ...TOP, labels: { team: 'a' }, adminPrincipalArns: ['arn:aws:iam::111111111111:role/a'] },
      [{ name: 'prd', labels: { tier: 'prod' }, adminPrincipalArns: [] }]);
    expect(prd.settings.nodegroups[0].labels).toEqual({ tier: 'prod' });
    expect(prd.settings.adminPrincipalArns).toEqual([]);
  });

  test('a bad value inside one environment names the environment and the option', () => {
    expect(() => Settings.resolveEnvironments(TOP, [{ name: 'dev' }, { name: 'prd', nodeMinSize: 9 }]))
      .toThrow(/^In environment prd: Invalid nodeMaxSize 4: expected a whole number from max\(1, nodeMinSize = 9\) to 1000\.$/);
    expect(() => Settings.resolveEnvironments(TOP, [{ name: 'prd', region: 'ap-northeast-9' }]))
      .toThrow(/^In environment prd: Invalid region "ap-northeast-9"/);
    // The top level is checked on its own first: its mistakes name no environment.
    expect(() => Settings.resolveEnvironments({ ...TOP, nodeMaxSize: 0 }, [{ name: 'prd' }])).toThrow(/^Invalid nodeMaxSize 0/);
  });

  test('refused: duplicate names or prefixes, bad names, unknown settings, an empty list', () => {
    expect(() => Settings.resolveEnvironments(TOP, [{ name: 'dev' }, { name: 'dev', region: 'us-east-1' }]))
      .toThrow('Invalid environments[1].name "dev": expected a name no other environment has (dev has it).');
    expect(() => Settings.resolveEnvironments(TOP, [{ name: 'dev' }, { name: 'qa', pjPrefix: 'team-a-dev' }]))
      .toThrow('Invalid environments[1].pjPrefix "team-a-dev": expected a pjPrefix no other environment has (dev has it).');
    expect(() => Settings.resolveEnvironments(TOP, [{ name: 'Prod' }])).toThrow(/^Invalid environments\[0\].name "Prod": expected lowercase letters/);
    expect(() => Settings.resolveEnvironments(TOP, [{ name: 'prd', nodeMaxSzie: 3 } as any]))
      .toThrow('Invalid environments[0].nodeMaxSzie 3: expected a known option (did you mean environments[0].nodeMaxSize?).');
    expect(() => Settings.resolveEnvironments(TOP, [])).toThrow(/^Invalid environments \[\]: expected a list of at least one environment/);
    // A derived prefix must fit too.
    expect(() => Settings.resolveEnvironments({ ...TOP, pjPrefix: 'a-rather-long-prefix' }, [{ name: 'production' }]))
      .toThrow(/^In environment production: Invalid pjPrefix "a-rather-long-prefix-production": expected 1-24 characters/);
  });

  test('each environment has a settings file of its own', () => {
    expect(environmentSettingsFileName('prd')).toBe('bottlerocket-eks.prd.settings.json');
  });
});
