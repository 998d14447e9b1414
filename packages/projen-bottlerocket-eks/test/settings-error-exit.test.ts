import { fail } from 'bottlerocket-eks-config';
import { exitOnSettingsError } from '../src/settings-error-exit';

describe('exitOnSettingsError', () => {
  afterEach(() => jest.restoreAllMocks());

  test('a settings error prints its one line and exits 1', () => {
    const exit = jest.spyOn(process, 'exit').mockImplementation((() => { throw new Error('exited'); }) as () => never);
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(() => exitOnSettingsError(() => fail('pjPrefix', 'Team A', 'lowercase letters'))).toThrow('exited');
    expect(stderr).toHaveBeenCalledWith('Invalid pjPrefix "Team A": expected lowercase letters.\n');
    expect(exit).toHaveBeenCalledWith(1);
  });

  test('any other error is thrown on, and a result is returned', () => {
    expect(() => exitOnSettingsError(() => { throw new TypeError('a bug'); })).toThrow(TypeError);
    expect(exitOnSettingsError(() => 42)).toBe(42);
  });
});
