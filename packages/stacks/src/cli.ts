#!/usr/bin/env node
// The `bottlerocket-eks` command (the package's bin): see `main`.
import { main, nodeVersionNotice } from './commands/main';

export { main, nodeVersionNotice };

if (require.main === module) {
  const notice = nodeVersionNotice();
  if (notice) process.stderr.write(notice);
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
    // Nothing is left to do: a connection or timer some library keeps must not hold the exit.
    setTimeout(() => process.exit(code), 1000).unref();
  });
}
