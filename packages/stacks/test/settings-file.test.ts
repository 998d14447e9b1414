import * as fs from 'fs';
import * as path from 'path';
import { removeTempDir, tempDir } from './temp';
import { readSettingsFile, SETTINGS_FILE_NAME, Settings } from '../src';

/** A settings file holding `content`, in a folder removed after the test. */
function withSettingsFile(content: string, test: (file: string, dir: string) => void): void {
  const dir = tempDir('settings');
  try {
    const file = path.join(dir, SETTINGS_FILE_NAME);
    fs.writeFileSync(file, content);
    test(file, dir);
  } finally {
    removeTempDir(dir);
  }
}

/** The error `body` throws (failing the test if it throws none). */
function thrown(body: () => unknown): Error {
  try {
    body();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('the settings file', () => {
  test('holds the options as given and is resolved on read, projen\'s comment key ignored', () => {
    withSettingsFile(JSON.stringify({ '//': 'generated', 'pjPrefix': 'team-a', 'nodeMaxSize': 6 }), (file) => {
      const settings = readSettingsFile(file);
      expect(settings).toEqual(Settings.resolve({ pjPrefix: 'team-a', nodeMaxSize: 6 }));
      expect(settings.nodegroups[0]).toMatchObject({ name: 'bottlerocket-spot', maxSize: 6, desiredSize: 2 });
    });
  });

  test('is found in a parent folder of the working directory, as a stack app runs', () => {
    withSettingsFile(JSON.stringify({ pjPrefix: 'team-b' }), (_file, dir) => {
      const app = path.join(dir, 'packages', 'cluster');
      fs.mkdirSync(app, { recursive: true });
      const cwd = process.cwd();
      process.chdir(app);
      try {
        expect(readSettingsFile().pjPrefix).toBe('team-b');
      } finally {
        process.chdir(cwd);
      }
    });
  });

  test('a bad value fails with the message .projenrc.ts would give', () => {
    withSettingsFile(JSON.stringify({ pjPrefix: 'a', nodeMinSize: 3, nodeMaxSize: 2 }), (file) => {
      const error = thrown(() => readSettingsFile(file));
      expect(error.message).toBe('Invalid nodeMaxSize 2: expected a whole number from max(1, nodeMinSize = 3) to 1000.');
      expect(Settings.isSettingsError(error)).toBe(true);
    });
  });

  test('a file that is not JSON, or is missing, is a settings error saying what to run', () => {
    withSettingsFile('{ pjPrefix: ', (file, dir) => {
      expect(thrown(() => readSettingsFile(file)).message).toMatch(/^Settings file .* is not valid JSON .*: run `npx projen` to rewrite it\.$/);
      const missing = path.join(dir, 'nothing.json');
      const error = thrown(() => readSettingsFile(missing));
      expect([error.message, Settings.isSettingsError(error)]).toEqual([`Settings file ${missing} does not exist.`, true]);
    });
  });
});
