import {
  BottlerocketEksSettings, fail, isSettingsError, Settings, SETTINGS_ERROR_NAME, SettingsError, settingsError,
} from '../src';

/** The error `body` throws, which must be a settings error. */
function settingsErrorOf(body: () => unknown): SettingsError {
  try {
    body();
  } catch (error) {
    if (isSettingsError(error)) return error;
    throw error;
  }
  throw new Error('expected a settings error');
}

const resolve = (settings: Partial<BottlerocketEksSettings>) => () => Settings.resolve({ pjPrefix: 'team-a', ...settings });

describe('settings errors carry the option and the value', () => {
  test('fail: the option and value as fields, the message as before', () => {
    const error = settingsErrorOf(() => fail('pjPrefix', 'Team A', 'lowercase letters'));
    expect(error).toMatchObject({ name: SETTINGS_ERROR_NAME, option: 'pjPrefix', value: 'Team A' });
    expect(error.message).toBe('Invalid pjPrefix "Team A": expected lowercase letters.');
  });

  test('an error about no one option has neither field', () => {
    const error = settingsError('Settings file x.json does not exist.');
    expect(isSettingsError(error)).toBe(true);
    expect('option' in error).toBe(false);
    expect('value' in error).toBe(false);
  });

  test('a bad top-level setting names that setting', () => {
    expect(settingsErrorOf(resolve({ natGateways: 7 }))).toMatchObject({ option: 'natGateways', value: 7 });
  });

  test('a bad value of an extra node group names its option path', () => {
    const error = settingsErrorOf(resolve({ extraNodegroups: [{ name: 'system', releaseVersion: '1.50' }] }));
    expect(error).toMatchObject({ option: 'extraNodegroups[0].releaseVersion', value: '1.50' });
  });

  test('an unknown key names the key as written', () => {
    const error = settingsErrorOf(resolve({ instanceType: ['m5.large'] } as Partial<BottlerocketEksSettings>));
    expect(error).toMatchObject({ option: 'instanceType', value: ['m5.large'] });
  });

  test('a bad value inside an environment keeps its option under the environment\'s message', () => {
    const error = settingsErrorOf(() => Settings.resolveEnvironments({ pjPrefix: 'team-a' }, [{ name: 'prd', region: 'ap-northeast-9' }]));
    expect(error.message).toMatch(/^In environment prd: Invalid region "ap-northeast-9"/);
    expect(error).toMatchObject({ option: 'region', value: 'ap-northeast-9' });
  });

  test('an error named so by another copy of this package is a settings error too', () => {
    const fromOtherCopy = Object.assign(new Error('Invalid region "x": expected a region.'), { name: SETTINGS_ERROR_NAME, option: 'region' });
    expect(isSettingsError(fromOtherCopy) && fromOtherCopy.option).toBe('region');
    expect(isSettingsError(new TypeError('x'))).toBe(false);
  });
});
