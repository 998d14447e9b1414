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
      Every AWS call has limits (seconds; flag, else environment variable, else default):
      --connect-timeout (BOTTLEROCKET_EKS_CONNECT_TIMEOUT, 5) to connect, --request-timeout
      (BOTTLEROCKET_EKS_REQUEST_TIMEOUT, 20) per attempt, --max-attempts (BOTTLEROCKET_EKS_MAX_ATTEMPTS,
      3) with the SDK's standard retries, --deadline (BOTTLEROCKET_EKS_DEADLINE, 90) for the whole
      command. A failed call is one line, Preflight failed (CODE): AWS_TIMEOUT, AWS_THROTTLED,
      AWS_BAD_ANSWER, AWS_ACCESS_DENIED, CREDENTIALS_EXPIRED, AWS_UNREACHABLE, AWS_ERROR.
`,
  'status': `  status [--json] [--assembly <cdk.out>] [--no-drift] [--support-days <n>] [--environment <name>] [--settings <file>]
      Show a deployed environment on one screen (read-only): each stack's status, last change,
      pending changes (with --assembly: the update plan in brief) and drift (CloudFormation drift
      detection, each drifted property expected against actual; --no-drift skips it); the
      cluster's Kubernetes and platform version, status, health, days of standard support left
      (EKS DescribeClusterVersions, else the product's table) and EKS upgrade insights; each
      add-on's version against the settings and EKS's default; each node group's status, sizes
      and Bottlerocket release against the newest (public SSM parameter). Exit 1 when anything
      needs attention: drift, a failed or degraded resource, an insight in ERROR, a version that
      leaves standard support within --support-days (default 30). Takes the AWS limits of
      preflight (deadline 300 s by default, for drift detection).
`,
  'upgrade': `  upgrade [--apply | --rollback] [--json] [--environment <name>] [--settings <file>]
      Plan the next Kubernetes minor of a deployed environment, one at a time: the new
      kubernetesVersion, the add-on versions it brings, the order and what to check. Refused
      while an EKS upgrade insight for the target is in ERROR, a stack is not stable, drift is
      found, or a node group is not on the cluster's version. --apply writes the version into
      .projenrc.ts, runs npx projen and records the step (the next deploy carries it out);
      --rollback plans the way back of the recorded step while EKS allows it (7 days).
`,
  'releases': `  releases [--json] [--environments <a,b>] [--observations <dir>] [--due | --apply [--environment <name>] [--pull-request <file>]]
      The Bottlerocket release train (read-only unless --apply): for each environment in the
      order of --environments, the release its node groups run (EKS DescribeNodegroup) and
      since when, the newest published for their variants (public SSM parameters), the release
      due next and from when (the first environment when a release is published, each next one
      after it ran releaseSoakDays in the one before), and the releases blocked, with why.
      --observe <file> [--environment <name>] writes one environment's reading to a file;
      --observations <dir> reads those files instead of AWS. --due prints the promotions due now
      (--json: the workflow's matrix); --apply writes the due one into .projenrc.ts
      (bottlerocketRelease), runs npx projen and the synth, and --pull-request <file> writes the
      pull request's title and body. Exit 1 when an environment could not be read.
`,
  'cost': `  cost [--json] [--live] [--environments <a,b>]
      What each environment costs a month, line by line, from its settings: the EKS control plane
      (and its tier), NAT gateways and their public IPv4 addresses, each node group's nodes at
      desired and at maximum size (on demand by instance type; Spot as the range of its zones) and
      their data volumes; what depends on use (NAT data processed, control plane logs) said as such.
      Prices come from the product's table (AWS Price List offer files, with their dates) and AWS's
      pages; --live asks the Price List Query API and EC2's Spot price history instead. A price
      neither has is unknown, never guessed. Also: the end of standard support and what follows.
`,
  'unprotect': `  unprotect --confirm=<pjPrefix> [--environment <name>] [--settings <file>]
      The first step of a confirmed destroy: after the preflight's checks of a destroy (the
      confirmation, region, account), turn the cluster's EKS deletion protection off
      (UpdateClusterConfig) and wait for EKS's update, so the stack delete can delete the
      cluster. A cluster that does not exist or is not protected is left alone. Takes the AWS
      limits of preflight.
`,
  'help': `  help [<command>]
      Show this help, or the help of one command (also: <command> --help).
      Any command takes --debug (or BOTTLEROCKET_EKS_DEBUG=1): the details and stack trace of an error.
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
