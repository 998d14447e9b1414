import * as fs from 'fs';
import * as path from 'path';

/**
 * Makes `to` a second working copy of the repository at `from`: every file, and the one
 * install linked rather than copied (the commands the tests run only read node_modules). Lets
 * commands that edit a repository's files run side by side, each in a copy of its own.
 */
export function copyRepository(from: string, to: string): void {
  const install = path.join(from, 'node_modules');
  fs.cpSync(from, to, { recursive: true, filter: (source) => source !== install });
  fs.symlinkSync(install, path.join(to, 'node_modules'), 'dir');
}
