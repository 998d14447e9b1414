#!/usr/bin/env node
// The CDK app of a whole team repository, run as `node --import tsx .../all-apps.js`:
// see `runAllApps`.
import { runAllApps } from './team-synth';

process.exitCode = runAllApps(process.argv.slice(2), { out: process.stdout, err: process.stderr, env: process.env });
