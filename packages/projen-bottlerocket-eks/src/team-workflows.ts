import { releasesCommandLine, RELEASES_FLAGS, ResolvedSettings, ResourceNames, TEMPLATES_DIR } from 'bottlerocket-eks-config';
import { Component, github, Project } from 'projen';
import { ActionRefs } from 'projen/lib/github/actions.const';
import { CiEnvironment, ciEnvironments, deployEnvironmentName, TeamCiOptions } from './ci-options';
import { DEPLOY_SESSION_SECONDS, READ_SESSION_SECONDS, readRoleArn, statusRoleArn } from './deploy-role';
import { TeamDeployment } from './environments';
import { DeploymentsView } from './readme/deployments-view';

/**
 * Every action the team workflows use, each pinned to a reviewed version (a full tag, or a
 * commit SHA): the one place to bump them. projen's own reviewed references, so an upgrade of
 * projen brings newer ones.
 */
export const PINNED_ACTIONS = {
  checkout: ActionRefs.ACTIONS_CHECKOUT,
  setupNode: ActionRefs.ACTIONS_SETUP_NODE,
  uploadArtifact: ActionRefs.ACTIONS_UPLOAD_ARTIFACT,
  downloadArtifact: ActionRefs.ACTIONS_DOWNLOAD_ARTIFACT,
  configureAwsCredentials: ActionRefs.AWS_ACTIONS_CONFIGURE_AWS_CREDENTIALS,
  createPullRequest: ActionRefs.PETER_EVANS_CREATE_PULL_REQUEST,
} as const;

/** The version of npm-check-updates the upgrade workflow runs (by `npx`, so not a dependency). */
export const NPM_CHECK_UPDATES_VERSION = '22.2.9';

/** The packages the upgrade workflow bumps together: the project type, its libraries, the CDK. */
export const UPGRADED_PACKAGES = [
  'projen-bottlerocket-eks', 'bottlerocket-eks-stacks', 'bottlerocket-eks-config', 'aws-cdk-lib', 'aws-cdk', 'constructs',
];

/**
 * The Node.js major version the workflows run on: the current LTS (Node 20 left support in
 * April 2026). The repository's `engines` still allow >= 20 (see project.ts); the README says
 * which versions are supported.
 */
export const NODE_VERSION = '24';

/** When the status workflow runs: daily at 05:17 UTC (off the hour, when GitHub's scheduler is least busy). */
export const STATUS_CRON = '17 5 * * *';

/** How long a status job may run (drift detection can take minutes per stack): within the status role's session. */
const STATUS_TIMEOUT_MINUTES = 30;

/**
 * When the releases workflow runs: daily at 04:43 UTC (off the hour, and not at the status
 * workflow's time).
 */
export const RELEASES_CRON = '43 4 * * *';

/**
 * How long a job of the releases workflow that reads one environment may run (a few EKS and SSM
 * calls): its session as the status role lasts as long, STS's shortest (15 minutes).
 */
const OBSERVE_TIMEOUT_MINUTES = 15;

/**
 * How long a job of the releases workflow that writes a promotion may run: `npx projen` and the
 * synth of every environment, then the pull request.
 */
const PROMOTE_TIMEOUT_MINUTES = 30;

/**
 * The token the workflows open pull requests with: a pull request opened with GITHUB_TOKEN starts
 * no workflow, so the secret PROJEN_GITHUB_TOKEN (a token with contents and pull-requests write)
 * is taken when set, to have it built (and diffed).
 */
export const PULL_REQUEST_TOKEN = '${{ secrets.PROJEN_GITHUB_TOKEN || secrets.GITHUB_TOKEN }}';

/**
 * Where the jobs of the releases workflow keep the readings of the environments and the pull
 * request's text: in the runner's temporary folder, outside the checkout, so that the pull
 * request's commit (every change in the checkout) never takes them in.
 */
const OBSERVATIONS_DIR = '$RUNNER_TEMP/observations';
const PULL_REQUEST_FILE = '$RUNNER_TEMP/pull-request.md';
/** The artifacts of the readings, one per environment (`observation-<name>`), downloaded together. */
const OBSERVATION_ARTIFACT = 'observation-';

/**
 * The team repository's GitHub workflows, projen-generated (read-only) like its other files:
 * - `build`: pull requests and pushes to the default branch: `npx projen build`, failing when
 *   it changed committed files (drift), with `templates/` as an artifact;
 * - `upgrade`: weekly, a pull request bumping the project type, its libraries and the CDK;
 * - `deploy` and `diff` (only with `deployRoleArn`): pushes to the default branch deploy the
 *   stacks through GitHub OIDC in the deploy environment; pull requests show `npx projen diff`
 *   as the read-only role, outside that environment;
 * - `status` (only with `deployRoleArn`): daily on the default branch, `npx projen status` as
 *   the status role beside the deploy role; the job fails when something needs attention.
 * - `releases` (only with `deployRoleArn`): daily on the default branch, the Bottlerocket release
 *   train: each environment read as its status role, the train planned without credentials, and
 *   one pull request per environment a release is due to.
 * The roles they assume are deployed from the templates `TeamCiRoles` writes.
 *
 * With environments: one deploy job per environment that has a role (its own `deployRoleArn`,
 * or the top-level one), in the order listed, each after the one before and in its own GitHub
 * environment (so production can wait for approval); one diff job, one status job and one
 * releases reading per such environment.
 * An environment without a role is left to deploy by hand.
 */
export class TeamWorkflows extends Component {
  /** The GitHub component that holds the workflows. */
  public readonly github: github.GitHub;
  /** The workflows, by name. */
  public readonly workflows: Record<string, github.GithubWorkflow> = {};
  private readonly branch: string;

  /**
   * @param settings the settings of the repository (of its first environment, with environments)
   * @param deployments the repository's deployments (`BottlerocketEksProject.deployments`); none: one, of `settings`
   */
  constructor(project: Project, settings: ResolvedSettings, options: TeamCiOptions, deployments: TeamDeployment[] = []) {
    super(project);
    this.branch = options.defaultReleaseBranch ?? 'main';
    this.github = github.GitHub.of(project) ?? new github.GitHub(project, { mergify: false, pullRequestLint: false });
    if (options.buildWorkflow ?? true) this.addBuild();
    if (options.upgradeWorkflow ?? true) this.addUpgrade();
    const environments = ciEnvironments(options, deployments);
    if (environments.length > 0) {
      const deploying = environments.filter((e) => e.roleArn);
      if (deploying.length > 0) {
        this.addEnvironmentWorkflows(deploying);
        this.addStatus(deploying.map((e) => ({ id: `status-${e.name}`, deployRoleArn: e.roleArn!, settings: e.settings, task: `status:${e.name}` })));
        const observed = deploying.map((e) => ({ environment: e.name, deployRoleArn: e.roleArn!, settings: e.settings }));
        this.addReleases(environments.map((e) => e.name), observed);
      }
    } else if (options.deployRoleArn) {
      this.addDeploy(options.deployRoleArn, settings, deployEnvironmentName(options, settings));
      this.addDiff(options.deployRoleArn, settings);
      this.addStatus([{ id: 'status', deployRoleArn: options.deployRoleArn, settings, task: 'status' }]);
      this.addReleases(undefined, [{ deployRoleArn: options.deployRoleArn, settings }]);
    }
  }

  private workflow(name: string, triggers: github.workflows.Triggers): github.GithubWorkflow {
    const workflow = new github.GithubWorkflow(this.github, name);
    workflow.on(triggers);
    this.workflows[name] = workflow;
    return workflow;
  }

  /** Checkout, Node.js and `npm ci`: the start of every job. */
  private setup(): github.workflows.JobStep[] {
    return [
      { name: 'Checkout', uses: PINNED_ACTIONS.checkout },
      { name: 'Set up Node.js', uses: PINNED_ACTIONS.setupNode, with: { 'node-version': NODE_VERSION, 'cache': 'npm' } },
      { name: 'Install dependencies', run: 'npm ci' },
    ];
  }

  private addBuild(): void {
    const workflow = this.workflow('build', {
      pullRequest: {},
      push: { branches: [this.branch] },
      workflowDispatch: {},
    });
    workflow.addJob('build', {
      name: 'Build and check for drift',
      runsOn: ['ubuntu-latest'],
      permissions: { contents: github.workflows.JobPermission.READ },
      timeoutMinutes: 30,
      steps: [
        ...this.setup(),
        { name: 'Build (regenerate, type-check, synthesize templates/)', run: 'npx projen build' },
        {
          name: 'Upload templates',
          uses: PINNED_ACTIONS.uploadArtifact,
          if: 'always()',
          with: { 'name': 'templates', 'path': `${TEMPLATES_DIR}/`, 'if-no-files-found': 'error' },
        },
        {
          name: 'Fail on drift',
          // Untracked files count too: a new template or projen file that was not committed.
          run: [
            'git add --all',
            'git diff --staged --exit-code || { echo "::error::npx projen build changed committed files: run it locally and commit the result."; exit 1; }',
          ].join('\n'),
        },
      ],
    });
  }

  private addUpgrade(): void {
    const workflow = this.workflow('upgrade', {
      schedule: [{ cron: '0 6 * * 1' }],
      workflowDispatch: {},
    });
    workflow.addJob('upgrade', {
      name: 'Upgrade projen-bottlerocket-eks and the CDK',
      runsOn: ['ubuntu-latest'],
      permissions: { contents: github.workflows.JobPermission.WRITE, pullRequests: github.workflows.JobPermission.WRITE },
      timeoutMinutes: 30,
      steps: [
        ...this.setup(),
        {
          name: 'Bump the project type, its libraries and the CDK together',
          run: `npx --yes npm-check-updates@${NPM_CHECK_UPDATES_VERSION} --upgrade --target=latest --dep=prod,dev --filter=${UPGRADED_PACKAGES.join(',')}`,
        },
        { name: 'Install', run: 'npm install' },
        { name: 'Regenerate the project files', run: 'npx projen' },
        { name: 'Build', run: 'npx projen build' },
        {
          name: 'Open a pull request',
          uses: PINNED_ACTIONS.createPullRequest,
          with: {
            'token': PULL_REQUEST_TOKEN,
            'branch': 'github-actions/upgrade-bottlerocket-eks',
            'base': this.branch,
            'commit-message': 'chore(deps): upgrade projen-bottlerocket-eks and the CDK',
            'title': 'chore(deps): upgrade projen-bottlerocket-eks and the CDK',
            'body': `Bumps ${UPGRADED_PACKAGES.join(', ')} to their latest releases, regenerated with \`npx projen\` and built.\n\nRead the template changes under \`templates/\`, and \`npx projen diff\`, before merging.`,
            'delete-branch': true,
          },
        },
      ],
    });
  }

  /** Assume a role by GitHub OIDC, in the team's region, for as long as the job may run. */
  private credentials(roleArn: string, settings: ResolvedSettings, session: string, timeoutMinutes: number): github.workflows.JobStep {
    return {
      name: 'Configure AWS credentials (GitHub OIDC)',
      uses: PINNED_ACTIONS.configureAwsCredentials,
      with: {
        'role-to-assume': roleArn,
        'aws-region': settings.region,
        'role-session-name': `${settings.pjPrefix}-${session}`,
        'role-duration-seconds': timeoutMinutes * 60,
      },
    };
  }

  private addDeploy(roleArn: string, settings: ResolvedSettings, environment: string): void {
    const workflow = this.workflow('deploy', { push: { branches: [this.branch] }, workflowDispatch: {} });
    workflow.addJob('deploy', this.deployJob(roleArn, settings, environment, 'npx projen deploy'));
  }

  private addDiff(roleArn: string, settings: ResolvedSettings): void {
    const workflow = this.workflow('diff', { pullRequest: { branches: [this.branch] } });
    workflow.addJob('diff', this.diffJob(roleArn, settings, 'npx projen diff'));
  }

  /**
   * Deploys chain in the order listed (a failed one stops those after it); diffs run side by
   * side, each as its environment's role, in its GitHub environment.
   */
  private addEnvironmentWorkflows(environments: CiEnvironment[]): void {
    const deploy = this.workflow('deploy', { push: { branches: [this.branch] }, workflowDispatch: {} });
    environments.forEach((e, i) => {
      const job = this.deployJob(e.roleArn!, e.settings, e.githubEnvironment, `npx projen deploy:${e.name}`);
      deploy.addJob(`deploy-${e.name}`, { ...job, name: `Deploy ${e.name} (${e.settings.pjPrefix})`, ...(i > 0 ? { needs: [`deploy-${environments[i - 1].name}`] } : {}) });
    });
    const diff = this.workflow('diff', { pullRequest: { branches: [this.branch] } });
    for (const e of environments) {
      const job = this.diffJob(e.roleArn!, e.settings, `npx projen diff:${e.name}`);
      diff.addJob(`diff-${e.name}`, { ...job, name: `Diff ${e.name} (${e.settings.pjPrefix})` });
    }
  }

  /**
   * `status`: daily and by hand, one job per deployment, side by side, each as the status role
   * beside its deploy role. That role trusts only runs on the default branch (the scheduled ones
   * always are), so a run started by hand on another branch is skipped. No GitHub environment:
   * a job in one would carry the environment's subject, which the status role does not trust.
   */
  private addStatus(deployments: Array<{ id: string; deployRoleArn: string; settings: ResolvedSettings; task: string }>): void {
    const workflow = this.workflow('status', { schedule: [{ cron: STATUS_CRON }], workflowDispatch: {} });
    for (const d of deployments) {
      workflow.addJob(d.id, {
        name: `Status of ${d.settings.pjPrefix}`,
        runsOn: ['ubuntu-latest'],
        if: `github.ref == 'refs/heads/${this.branch}'`,
        permissions: { idToken: github.workflows.JobPermission.WRITE, contents: github.workflows.JobPermission.READ },
        // Drift detection of the same stacks twice at once gains nothing: a second run waits.
        concurrency: { 'group': `status-${d.settings.pjPrefix}`, 'cancel-in-progress': false },
        timeoutMinutes: STATUS_TIMEOUT_MINUTES,
        steps: [
          ...this.setup(),
          this.credentials(statusRoleArn(d.deployRoleArn, d.settings), d.settings, 'status', STATUS_TIMEOUT_MINUTES),
          { name: 'Status', run: statusScript(`npx projen ${d.task}`, d.settings.pjPrefix) },
        ],
      });
    }
  }

  /**
   * `releases`: daily and by hand, the Bottlerocket release train of the repository.
   * - `observe-<name>` (`observe` with one deployment): one job per deployment CI reaches, side by
   *   side, reads what its node groups run as its status role (trusted on the default branch
   *   only, like the status jobs) and uploads the reading;
   * - `plan`: with no AWS credentials, the train from those readings into the job summary, and
   *   the promotions due now as its output (a JSON list);
   * - `promote`: one job per promotion due, with no AWS credentials: writes it into `.projenrc.ts`,
   *   regenerates and synthesizes, and opens (or updates) the pull request of its branch. It
   *   alone may write to the repository, and it holds no OIDC token.
   * @param environments the repository's environments in their order (the train's), or undefined with one deployment
   * @param deployments those CI deploys (with a role), whose readings the train is planned from
   */
  private addReleases(
    environments: string[] | undefined, deployments: Array<{ environment?: string; deployRoleArn: string; settings: ResolvedSettings }>,
  ): void {
    const workflow = this.workflow('releases', { schedule: [{ cron: RELEASES_CRON }], workflowDispatch: {} });
    const onDefaultBranch = `github.ref == 'refs/heads/${this.branch}'`;
    const train = releasesCommandLine({ environments });
    const download: github.workflows.JobStep = {
      name: 'Download the readings',
      uses: PINNED_ACTIONS.downloadArtifact,
      with: { 'pattern': `${OBSERVATION_ARTIFACT}*`, 'merge-multiple': true, 'path': '${{ runner.temp }}/observations' },
    };
    const observers: string[] = [];
    for (const d of deployments) {
      const id = d.environment ? `observe-${d.environment}` : 'observe';
      const file = `${d.environment ?? 'default'}.json`;
      const environment = d.environment ? ` --${RELEASES_FLAGS.environment} ${d.environment}` : '';
      observers.push(id);
      workflow.addJob(id, {
        name: `Read the Bottlerocket releases of ${d.settings.pjPrefix}`,
        runsOn: ['ubuntu-latest'],
        if: onDefaultBranch,
        permissions: { idToken: github.workflows.JobPermission.WRITE, contents: github.workflows.JobPermission.READ },
        concurrency: { 'group': `releases-${d.settings.pjPrefix}`, 'cancel-in-progress': false },
        timeoutMinutes: OBSERVE_TIMEOUT_MINUTES,
        steps: [
          ...this.setup(),
          this.credentials(statusRoleArn(d.deployRoleArn, d.settings), d.settings, 'releases', OBSERVE_TIMEOUT_MINUTES),
          {
            name: 'Read what the node groups run',
            run: `mkdir -p "${OBSERVATIONS_DIR}"
npx ${releasesCommandLine()}${environment} --${RELEASES_FLAGS.observe} "${OBSERVATIONS_DIR}/${file}"`,
          },
          {
            name: 'Upload the reading',
            uses: PINNED_ACTIONS.uploadArtifact,
            with: { 'name': `${OBSERVATION_ARTIFACT}${d.environment ?? 'default'}`, 'path': `\${{ runner.temp }}/observations/${file}`, 'if-no-files-found': 'error' },
          },
        ],
      });
    }
    const fromReadings = `npx ${train} --${RELEASES_FLAGS.observations} "${OBSERVATIONS_DIR}"`;
    // The command exits 1 when an environment could not be read (no reading: its observe job
    // failed, or CI does not deploy it), and still plans the train: that environment is not
    // moved and those after it wait. A failure of the command itself leaves no list of promotions.
    const unreadable = 'bottlerocket-eks releases exited 1: an environment could not be read (its observe job failed, or CI does not deploy it); '
      + 'the train waits at it (see the summary)';
    workflow.addJob('plan', {
      name: 'Plan the Bottlerocket release train',
      runsOn: ['ubuntu-latest'],
      needs: observers,
      // Also when a reading failed: the environments before it still move.
      if: `${onDefaultBranch} && !cancelled()`,
      permissions: { contents: github.workflows.JobPermission.READ },
      timeoutMinutes: OBSERVE_TIMEOUT_MINUTES,
      outputs: { due: { stepId: 'due', outputName: 'due' } },
      steps: [
        ...this.setup(),
        download,
        {
          name: 'Release train',
          run: summaryScript(fromReadings, 'Bottlerocket release train', 'bottlerocket-eks releases exited $code: the release train could not be planned (see the log)', unreadable),
        },
        {
          name: 'Promotions due',
          id: 'due',
          // One line of JSON (`[]`: none), the matrix of the promote job; exit 1 with a list is an
          // environment not read (said above), without one a failure.
          run: [
            'code=0',
            `out="$(${fromReadings} --${RELEASES_FLAGS.due} --${RELEASES_FLAGS.json})" || code=$?`,
            'if [ "$code" -gt 1 ]; then exit "$code"; fi',
            'due="$(printf \'%s\' "$out" | jq -ce arrays)" && [ -n "$due" ] || '
              + '{ echo "::error::bottlerocket-eks releases --due --json exited $code without a list of promotions: see the log"; exit 1; }',
            'echo "Promotions due: $due"',
            'echo "due=$due" >> "$GITHUB_OUTPUT"',
          ].join('\n'),
        },
      ],
    });
    workflow.addJob('promote', {
      name: 'Propose ${{ matrix.release }} (${{ matrix.branch }})',
      runsOn: ['ubuntu-latest'],
      needs: ['plan'],
      if: `${onDefaultBranch} && needs.plan.outputs.due != '[]'`,
      permissions: { contents: github.workflows.JobPermission.WRITE, pullRequests: github.workflows.JobPermission.WRITE },
      // One run at a time per pull request branch; each environment's promotion on its own.
      concurrency: { 'group': 'releases-${{ matrix.branch }}', 'cancel-in-progress': false },
      strategy: { failFast: false, matrix: { include: '${{ fromJSON(needs.plan.outputs.due) }}' as any } },
      timeoutMinutes: PROMOTE_TIMEOUT_MINUTES,
      steps: [
        ...this.setup(),
        download,
        {
          name: 'Write the promotion into .projenrc.ts, regenerate and synthesize',
          id: 'promotion',
          // Through the environment, not into the script: the matrix is data, never code.
          env: { APPLY_ARGS: '${{ matrix.applyArgs }}' },
          run: [
            `${fromReadings} $APPLY_ARGS --${RELEASES_FLAGS.pullRequest} "${PULL_REQUEST_FILE}"`,
            'delimiter="body-$(openssl rand -hex 16)"',
            '{',
            `  echo "title=$(head -n 1 "${PULL_REQUEST_FILE}")"`,
            '  echo "body<<$delimiter"',
            `  tail -n +2 "${PULL_REQUEST_FILE}"`,
            '  echo "$delimiter"',
            '} >> "$GITHUB_OUTPUT"',
          ].join('\n'),
        },
        {
          name: 'Open or update the pull request',
          uses: PINNED_ACTIONS.createPullRequest,
          with: {
            'token': PULL_REQUEST_TOKEN,
            // One branch per environment: a newer release updates its open pull request.
            'branch': '${{ matrix.branch }}',
            'base': this.branch,
            'commit-message': '${{ steps.promotion.outputs.title }}',
            'title': '${{ steps.promotion.outputs.title }}',
            'body': '${{ steps.promotion.outputs.body }}',
            'delete-branch': true,
          },
        },
      ],
    });
  }

  private deployJob(roleArn: string, settings: ResolvedSettings, environment: string, command: string): github.workflows.Job {
    const timeoutMinutes = DEPLOY_SESSION_SECONDS / 60;
    return {
      name: `Deploy ${settings.pjPrefix}`,
      runsOn: ['ubuntu-latest'],
      // A run started by hand on another branch deploys nothing: only the default branch deploys.
      if: `github.ref == 'refs/heads/${this.branch}'`,
      permissions: { idToken: github.workflows.JobPermission.WRITE, contents: github.workflows.JobPermission.READ },
      // The deploy role trusts this environment only: allow only the default branch to deploy to it.
      environment,
      // One deploy of this prefix at a time; a running deploy is never cancelled (CloudFormation
      // would roll back half-way).
      concurrency: { 'group': `deploy-${settings.pjPrefix}`, 'cancel-in-progress': false },
      timeoutMinutes,
      steps: [...this.setup(), this.credentials(roleArn, settings, 'deploy', timeoutMinutes), { name: 'Deploy', run: command }],
    };
  }

  /**
   * A pull request's diff runs as the read-only role beside the deploy role, outside the deploy
   * environment: the code of any branch runs there, so it never holds write credentials. Pull
   * requests from forks get no OIDC token, so their diff is skipped.
   */
  private diffJob(deployRoleArn: string, settings: ResolvedSettings, command: string): github.workflows.Job {
    // Well within the read-only role's session (IAM's shortest maximum, an hour).
    const timeoutMinutes = READ_SESSION_SECONDS / 120;
    return {
      name: `Diff ${settings.pjPrefix}`,
      runsOn: ['ubuntu-latest'],
      if: 'github.event.pull_request.head.repo.full_name == github.repository',
      permissions: { idToken: github.workflows.JobPermission.WRITE, contents: github.workflows.JobPermission.READ },
      concurrency: { 'group': `diff-${settings.pjPrefix}-\${{ github.ref }}`, 'cancel-in-progress': true },
      timeoutMinutes,
      steps: [...this.setup(), this.credentials(readRoleArn(deployRoleArn, settings), settings, 'diff', timeoutMinutes), { name: 'Diff', run: command }],
    };
  }
}

/**
 * A status step's script: the command's output in the log and, in a fenced block, in the job's
 * summary; its exit code is the step's (1: something needs attention, or an AWS call failed).
 * `|| code=$?` keeps bash's `-e` from ending the script before the fence is closed; `pipefail`
 * makes `code` the command's, not `tee`'s.
 */
export function statusScript(command: string, prefix: string): string {
  return summaryScript(command, prefix, `${command} exited $code: ${prefix} needs attention (or an AWS call failed: see the log)`);
}

/**
 * A step's script that writes a command's output under a heading, in a fenced block, into the
 * job's summary (and the log), and exits with the command's exit code, saying `error` (in which
 * `$code` is the exit code) as an error annotation when it is not 0. With `warning`, an exit
 * code of 1 is that warning instead, and the step passes.
 */
export function summaryScript(command: string, heading: string, error: string, warning?: string): string {
  return [
    'set -o pipefail',
    `echo "### ${heading}" >> "$GITHUB_STEP_SUMMARY"`,
    'echo \'```\' >> "$GITHUB_STEP_SUMMARY"',
    'code=0',
    `${command} | tee -a "$GITHUB_STEP_SUMMARY" || code=$?`,
    'echo \'```\' >> "$GITHUB_STEP_SUMMARY"',
    ...(warning ? [`if [ "$code" -eq 1 ]; then echo "::warning::${warning}"; exit 0; fi`] : []),
    `if [ "$code" -ne 0 ]; then echo "::error::${error}"; fi`,
    'exit "$code"',
  ].join('\n');
}

/**
 * The start of the README's CI section: the workflows, what starts each and what it does.
 * (How to set up the roles the deploys assume follows, from `TeamCiRoles`.)
 */
export function workflowsReadme(options: TeamCiOptions, view: DeploymentsView): string {
  const branch = options.defaultReleaseBranch ?? 'main';
  const workflows = [
    ...(options.buildWorkflow ?? true ? [`| \`build\` | pull requests, pushes to ${branch} | \`npx projen build\`; fails when it changed committed files (commit what it generates); uploads \`templates/\` |`] : []),
    ...(options.upgradeWorkflow ?? true ? ['| `upgrade` | Mondays, or by hand | bumps projen-bottlerocket-eks, its libraries and the CDK together, builds, and opens a pull request |'] : []),
    ...(view.hasEnvironments ? environmentDeployRows(view.environments, branch) : deployRows(options, view.shown.settings, branch)),
  ];
  return `### CI

GitHub Actions workflows, generated by projen (turn them off with \`buildWorkflow: false\`, \`upgradeWorkflow: false\`):

| workflow | runs on | what it does |
| --- | --- | --- |
${workflows.length > 0 ? workflows.join('\n') : '| - | - | (none) |'}
`;
}

/** The deploy and diff workflows of a repository of one deployment, with `deployRoleArn`. */
function deployRows(options: TeamCiOptions, settings: ResolvedSettings, branch: string): string[] {
  if (!options.deployRoleArn) return [];
  return [
    `| \`deploy\` | pushes to ${branch}, or by hand | \`npx projen deploy\` as \`${options.deployRoleArn}\`, in the \`${deployEnvironmentName(options, settings)}\` environment, one at a time |`,
    `| \`diff\` | pull requests to ${branch} (not from forks) | \`npx projen diff\` as the read-only role \`${new ResourceNames(settings.pjPrefix).githubReadRole()}\`, outside the deploy environment |`,
    `| \`status\` | daily, or by hand, on ${branch} | \`npx projen status\` as the read-only role \`${new ResourceNames(settings.pjPrefix).githubStatusRole()}\`; fails when something needs attention (see [Operating the environment](#operating-the-environment)) |`,
    `| \`releases\` | daily, or by hand, on ${branch} | reads the node groups' Bottlerocket releases as the status role, plans the release train without AWS credentials, and opens (or updates) a pull request when a release is due (see [Bottlerocket releases](#bottlerocket-releases)) |`,
  ];
}

/** The deploy and diff workflows of a repository with environments: a job per environment that has a role. */
function environmentDeployRows(environments: CiEnvironment[], branch: string): string[] {
  const deploying = environments.filter((e) => e.roleArn);
  if (deploying.length === 0) return [];
  return [
    `| \`deploy\` | pushes to ${branch}, or by hand | ${deploying.map((e) => `\`npx projen deploy:${e.name}\``).join(', then ')}: one job per environment, each after the one before (a failed one stops the rest), as its role, in its GitHub environment |`,
    `| \`diff\` | pull requests to ${branch} (not from forks) | ${deploying.map((e) => `\`npx projen diff:${e.name}\``).join(', ')}, side by side, each as the read-only role beside its environment's deploy role, outside the GitHub environments |`,
    `| \`status\` | daily, or by hand, on ${branch} | ${deploying.map((e) => `\`npx projen status:${e.name}\``).join(', ')}, side by side, each as the status role \`<prefix>-github-status\` beside its environment's deploy role; a job fails when its environment needs attention (see [Operating the environment](#operating-the-environment)) |`,
    `| \`releases\` | daily, or by hand, on ${branch} | reads the node groups' Bottlerocket releases of ${deploying.map((e) => e.name).join(', ')}, each as its status role, plans the release train without AWS credentials, and opens (or updates) one pull request per environment a release is due to (see [Bottlerocket releases](#bottlerocket-releases)) |`,
  ];
}
