// The tests' temp folders: the helper every package shares.
export { removeTempDir, tempDir, TEMP_PREFIX } from '../../../projenrc/jest/temp-dir';
