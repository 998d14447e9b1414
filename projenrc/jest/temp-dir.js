// Temp folders of a test file, removed after its tests (also when they fail): the one helper
// every package's tests use (`import { tempDir } from '<root>/projenrc/jest/temp-dir'`). The
// global teardown (temp-guard.js) fails the run for anything left in the temp folder. Make
// them in hooks and tests rather than while the file loads: a file that fails to load runs no
// afterAll (the global teardown then removes what it made, and names it).
const fs = require('fs');
const os = require('os');
const path = require('path');

/** What every temp folder of the tests is named by (temp-guard.js looks for it). */
const TEMP_PREFIX = 'bottlerocket-eks-test-';

// One list per test file: jest gives each file its own module registry.
const created = [];

function tempDir(name) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${TEMP_PREFIX}${name}-`));
  created.push(dir);
  return dir;
}

function removeTempDir(dir) {
  fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  if (created.includes(dir)) created.splice(created.indexOf(dir), 1);
}

// In a test file (not in the global setup, which reads TEMP_PREFIX).
if (typeof afterAll === 'function') {
  afterAll(() => {
    for (const dir of created.splice(0).reverse()) fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  });
}

module.exports = { TEMP_PREFIX, tempDir, removeTempDir };
