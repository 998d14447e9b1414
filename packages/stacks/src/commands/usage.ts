/** The help of each `bottlerocket-eks` command (kept apart so help loads no AWS SDK). */
export const COMMAND_HELP: Record<string, string> = {
  'templates': `  templates <dir> [--check]
      Write network.yaml, cluster.yaml and nodegroup.yaml (plain CloudFormation with a
      PJPrefix parameter) into <dir>; with --check, write nothing and fail if <dir> differs.
`,
  'templates-from': `  templates-from <cdk.out> <dir>
      Write each bottlerocket-eks stack of a synthesized cloud assembly as <dir>/<kind>.yaml
      (how a team repository keeps the templates it deploys for review).
`,
  'preflight': `  preflight [--json | --brief] [--assembly <cdk.out>] [--destroy --confirm=<pjPrefix>] [--environment <name>] [--settings <file>]
      Ask STS (GetCallerIdentity) who the current credentials are and print the account,
      caller, partition, region and stacks a deploy would hit. Exit 1, saying what to do,
      when it must not go ahead: no or rejected credentials, or another account (accountId),
      region or partition than the team's settings. --destroy also needs --confirm with the
      prefix. With --assembly, also print the update plan of the synthesized stacks against
      the deployed ones (CloudFormation GetTemplate): each resource created, updated in place,
      replaced or deleted; exit 1 before anything is deployed when CloudFormation could not
      carry a change out (with the setting and the way out), when a first deploy would exceed
      a quota, or when the cluster's creator is also listed in adminPrincipalArns.
      Credentials, region and endpoints come from the AWS SDK's default chains (AWS_PROFILE,
      AWS_REGION, AWS_ENDPOINT_URL_STS, AWS_ENDPOINT_URL_CLOUDFORMATION, ...). In a repository of
      several environments, --environment (or BOTTLEROCKET_EKS_ENVIRONMENT) names the one whose
      settings (account, region, prefix) the deploy must match; without it, exit 1 with the list.
`,
  'help': `  help [<command>]
      Show this help, or the help of one command (also: <command> --help).
`,
};

const EXIT_CODES = 'Exit codes: 0 ok, 1 refused or failed, 2 wrong usage.\n';

/** The help text of the whole command. */
export const USAGE = `Usage: bottlerocket-eks <command>

Commands:
${Object.values(COMMAND_HELP).join('\n')}
${EXIT_CODES}`;

/** The help text of one command. */
export function commandUsage(command: string): string {
  return `Usage: bottlerocket-eks ${COMMAND_HELP[command].trimStart()}\n${EXIT_CODES}`;
}
