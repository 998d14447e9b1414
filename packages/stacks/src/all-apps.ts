#!/usr/bin/env node
// The CDK app of a whole team repository, run as `node .../all-apps.js <main.ts>...`: see
// `runAllApps`. The apps are TypeScript: they load through the library's own loader.
import { runAllApps } from './commands/all-apps';
import { registerTypeScriptLoader } from './synth/typescript-loader';

registerTypeScriptLoader();
process.exitCode = runAllApps(process.argv.slice(2), { out: process.stdout, err: process.stderr, env: process.env });
