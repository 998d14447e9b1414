import { FROM_ENV_VAR, PROJECT_TYPE, defaultFromSpec } from './command';
import { OPTIONS, flagOf } from './options';

/** The name users type. */
export const PROGRAM = 'create-bottlerocket-eks';

/** The `--help` text; every flag comes from the option table, so help and parsing agree. */
export function formatHelp(version: string): string {
  const rows = OPTIONS.map((o) => {
    const left = `  ${flagOf(o)} ${o.placeholder}`;
    const choices = o.choices ? ` (${o.choices.join('|')})` : '';
    const dflt = o.required ? 'required' : `default: ${o.defaultText}`;
    return { left, right: `${o.description}${choices} [${dflt}]` };
  });
  const width = Math.max(...rows.map((r) => r.left.length)) + 2;
  const table = rows.map((r) => r.left.padEnd(width) + r.right);

  return [
    `${PROGRAM} ${version}`,
    '',
    'Scaffolds a team repository for Bottlerocket nodes on Amazon EKS by running',
    `"projen new --from <spec> ${PROJECT_TYPE}" in the target directory, after validating the settings.`,
    '',
    'Usage:',
    '  npm create bottlerocket-eks -- [target-dir] --pj-prefix <prefix> [options]',
    `  npx ${PROGRAM} [target-dir] --pj-prefix <prefix> [options]`,
    '',
    'Arguments:',
    '  target-dir  Directory to create the repository in; must not exist or be empty.',
    '              Put it first: a word after a list flag or an unknown flag is read as its value.',
    '              [default: ./<pj-prefix>]',
    '',
    'Options (lists take several values, space- or comma-separated):',
    ...table,
    '',
    'Other options:',
    '  --from <spec>  npm spec of the project type module, e.g. projen-bottlerocket-eks@file:/path/x.tgz',
    `                 [default: $${FROM_ENV_VAR}, else ${defaultFromSpec(version)}]`,
    '  -h, --help     Show this help',
    '  --version      Show the version',
    '  Any other flag (e.g. --no-git, --no-post, --package-manager) is passed to projen unchanged.',
    '',
    'Example:',
    '  npm create bottlerocket-eks -- --pj-prefix team-a --region us-east-1 --availability-zones us-east-1a us-east-1c',
    '',
  ].join('\n');
}
