#!/usr/bin/env node
// The CDK app of a whole team repository: `node --import tsx .../all-apps.js <main.ts>...`
// loads every stack app's src/main.ts into one App (see `synthApps`).
import { synthApps } from './app';

synthApps(process.argv.slice(2));
