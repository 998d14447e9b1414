// The TypeScript parser `upgrade --apply` reads a team's .projenrc.ts with. The build bundles
// it into lib/upgrade/typescript-parser.js (as it bundles the AWS SDK), so a team repository
// installs no parser package: its own TypeScript 7 has no compiler API to read with.
/* eslint-disable import/no-extraneous-dependencies -- a build-time dependency: bundled, never installed by a team */
export { parse } from '@babel/parser';
