#!/usr/bin/env node
import { main } from './cli';

export * from './options';
export * from './args';
export * from './command';
export * from './help';
export * from './cli';

// Only as the bin: importing this module (tests, other tools) must not run the command.
if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (error) => {
      // Not a user error: a bug, so the stack trace helps.
      console.error(error);
      process.exitCode = 1;
    },
  );
}
