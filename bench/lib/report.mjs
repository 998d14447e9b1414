// The markdown report: the figures against their baselines and targets, then what they were
// measured on, how, and every sample. Nothing in it is typed in by hand: rerun to update.
import { median } from './measure.mjs';

export const fmt = {
  s: (v) => `${v.toFixed(v < 10 ? 2 : 1)} s`,
  kB: (v) => `${(v / 1000).toFixed(1)} kB`,
  MB: (v) => (v >= 1e6 ? `${(v / 1e6).toFixed(1)} MB` : v > 0 ? `${(v / 1000).toFixed(1)} kB` : '0 B'),
  MiB: (v) => `${v.toFixed(0)} MiB`,
  n: (v) => `${Math.round(v)}`,
  min: (v) => `${Math.floor(v / 60)} min ${String(Math.round(v % 60)).padStart(2, '0')} s`,
};

/**
 * Whether a figure meets its target. A ratio target compares the medians; an `equals` or
 * `max` target is on the product's own median (e.g. 0 Lambda functions, at most 400 MiB).
 * A figure with no product sample (not measured) is not judged: `holds` is null.
 */
export function evaluate(figure) {
  const p = median(figure.product);
  const b = median(figure.baseline);
  const ratio = b > 0 ? p / b : NaN;
  let holds = null;
  if (figure.product.length === 0) return { p, b, ratio, holds };
  if (figure.target?.maxRatio !== undefined) holds = ratio <= figure.target.maxRatio;
  if (figure.target?.equals !== undefined) holds = p === figure.target.equals;
  if (figure.target?.max !== undefined) holds = p <= figure.target.max;
  return { p, b, ratio, holds };
}

function targetText(target, unit) {
  if (!target) return '—';
  if (target.maxRatio !== undefined) return `<= ${target.maxRatio}x`;
  if (target.max !== undefined) return `<= ${unit === 'min' ? `${target.max / 60} min` : fmt[unit](target.max)}`;
  return `= ${target.equals}`;
}

/** The product cell: the median, or the one run of a figure passed in. */
function productCell(f, p) {
  if (f.product.length === 0) return 'not given (see below)';
  return f.oneRun ? `${fmt[f.unit](p)}, one run` : fmt[f.unit](p);
}

/** The results table (also what the command prints). */
export function resultsTable(figures) {
  const rows = figures.map((f) => {
    const { p, b, ratio, holds } = evaluate(f);
    const verdict = holds === null ? (f.target && f.product.length === 0 ? 'not measured' : '—') : holds ? 'holds' : '**FAILS**';
    // A count that must be zero is judged on its own, not as a ratio.
    const ratioText = Number.isNaN(ratio) || f.target?.equals !== undefined ? '—' : `${ratio.toFixed(2)}x`;
    const baselineText = f.baseline.length ? `${fmt[f.unit](b)} (${f.baselineName})` : `— (${f.baselineName})`;
    return `| ${f.name} | ${productCell(f, p)} | ${baselineText} | ${ratioText} | ${targetText(f.target, f.unit)} | ${verdict} |`;
  });
  return [
    '| figure | product (median) | baseline in the same run (median) | ratio | target | result |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

export function summaryLine(figures) {
  const judged = figures.filter((f) => f.target && f.product.length > 0);
  const unmeasured = figures.filter((f) => f.target && f.product.length === 0);
  const failing = judged.filter((f) => !evaluate(f).holds);
  const line = failing.length === 0
    ? `All ${judged.length} targets measured hold.`
    : `${judged.length - failing.length} of ${judged.length} targets measured hold. Failing: ${failing.map((f) => f.name).join('; ')}.`;
  return unmeasured.length ? `${line} Not measured in this run: ${unmeasured.map((f) => f.name).join('; ')}.` : line;
}

/** The line under the table about the figure passed in rather than measured (the product's tests). */
export function oneRunLine(figures) {
  const f = figures.find((x) => x.oneRun);
  if (!f) return '';
  if (f.oneRun.missing) {
    return 'The product\'s clean `npm ci && npm test` was not given: measure it once on a fresh clone and pass it with '
      + '`--product-test-seconds <n> --product-test-command "<command>"` or `--product-test-file <json>`.';
  }
  const { seconds, command, note } = f.oneRun;
  return `The product's tests: **one run**, measured outside this suite and passed in (not a median): ${fmt.min(seconds)} (${seconds} s) for \`${command}\`${note ? `, ${note}` : ''}.`;
}

/** The docs paragraph on the product's tests figure. */
function productTestText(figures) {
  const f = figures.find((x) => x.oneRun);
  const given = f && !f.oneRun.missing
    ? `here \`${f.oneRun.command}\`${f.oneRun.note ? `, ${f.oneRun.note}` : ''}`
    : 'not given for this report';
  return `not measured by the suite (about ten minutes, too long to repeat for a median): **one run** of the product's
  clean install and whole test suite on a fresh clone, timed outside the suite and passed in with
  \`--product-test-seconds <n> --product-test-command "<command>"\` or \`--product-test-file <json>\` (${given}).
  Reported as that one figure, never as a median, against an absolute target (no baseline).`;
}

const codeList = (commands) => commands.map((c) => `\`${c}\``).join(', ');

function table(header, rows) {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function pairRatios(f) {
  if (f.target?.equals !== undefined || f.baseline.length === 0) return '—';
  return f.product.map((p, i) => (f.baseline[i] > 0 ? `${(p / f.baseline[i]).toFixed(2)}x` : '—')).join(', ');
}

function samplesText(values, unit) {
  return values.length ? values.map((v) => fmt[unit](v)).join(', ') : '—';
}

/** The whole docs/benchmarks.md. */
export function fullReport(r) {
  const { machine: m, source } = r;
  const sourceText = source.worktree
    ? `the work tree on top of \`${source.short}\` (${source.subject})${source.dirty ? ', with uncommitted changes' : ''}`
    : `commit \`${source.short}\` (${source.subject})`;
  const versionRows = r.versionNames.map((name) => [
    `\`${name}\``, r.installed.team[name] ?? '-', r.installed.baseline[name] ?? '-', r.installed.fixture[name] ?? '-',
  ]);
  return `# Benchmarks

Generated by \`node bench/run.mjs\` (\`npm run bench\`) on ${r.date}, ${r.runs} run${r.runs > 1 ? 's' : ''} of every figure;
every figure is the **median** of its runs and every ratio is taken against a baseline measured
**in the same run**, interleaved with it. Measured: ${sourceText}. Do not edit by hand: rerun.

## Results

${summaryLine(r.figures)}

${resultsTable(r.figures)}

${oneRunLine(r.figures)}

${r.drift.length ? `**Warning:** the L2 fixture's pins differ from projenrc/versions.ts (${r.drift.join('; ')}): update bench/fixtures/l2-eks.\n\n` : ''}## Machine

| | |
| --- | --- |
| CPU | ${m.cpu} |
| cores | ${m.cores} |
| memory | ${m.memoryGiB.toFixed(1)} GiB |
| OS | ${m.os} |
| Node | ${m.node} |
| npm | ${m.npm} |
| load average (1 min) at start / end | ${m.load.map((l) => l.toFixed(2)).join(' / ')} |

Wall times suffer from other work on the machine (the load above); both sides of a ratio are
measured in alternation, so they share it, and the CPU times under Diagnostics are less affected.

## Versions

Pinned by the product (\`projenrc/versions.ts\` at the measured commit): ${Object.entries(r.pinned).map(([k, v]) => `${k} ${v}`).join(', ')}.

Installed, as resolved on each side:

${table(['package', 'team repository', 'plain awscdk-app-ts', 'L2 fixture'], versionRows)}

## What each figure measures

- **Scaffold end to end**: wall time of a node process running the e2e package's \`scaffold()\`
  (\`projen new --from projen-bottlerocket-eks@file:<tarball> bottlerocket-eks --pj-prefix bench\`
  with its npm install, the packages taken from the tarballs the measured build packed), against
  \`projen new awscdk-app-ts --no-git --cdk-version ${r.pinned.awsCdkLib} --cdk-cli-version ${r.pinned.awsCdkCli}\` with its install, by
  the same projen (${r.installed.team.projen}). Each into a new empty folder. The npm cache is **warm for both**: one untimed
  scaffold of each runs first (its repository is the one the later figures use), and both install with
  \`npm_config_prefer_offline=true\` (from that cache, without revalidating metadata). Before each timed
  scaffold, \`sync\` writes the previous one's files to the disk, so no sample pays for another's
  write-back; and no scaffold is deleted before the suite ends, so none pays for another's removal
  either (see the temporary folders below).
- **\`npx projen\`**: wall time of \`npx projen\` (re-synthesis of the project files, no change) in the team
  repository and in the plain \`awscdk-app-ts\` project; one untimed run of each first.
- **\`npx projen build\`**: wall time of \`npx projen build\`, no change since the last one, in the team repository,
  whose build runs ${codeList(r.commands.teamBuild)} (the team's tests included), against \`npx projen build\` in the plain
  \`awscdk-app-ts\` project (same aws-cdk-lib), which runs ${codeList(r.commands.plainBuild)}. One untimed build of each first.
- **Peak memory of any one process of the team's \`npx projen build\`**: the same builds run under
  \`${r.buildMemoryMethod}\`. GNU time takes the maximum resident set size from \`wait4()\`, which on Linux is the largest
  of the process's own and of every descendant reaped in its tree: the peak of the **largest single process** of the
  build, node processes and the native TypeScript 7 compiler (a Go binary) alike (not a sum). Cross-checked in the untimed
  first build, where a module preloaded through \`NODE_OPTIONS\` (\`bench/lib/maxrss-hook.cjs\`) records every node
  process's own peak: it cannot see the Go compiler, so the compiler is also measured alone (Diagnostics).
- **\`npx projen synth\` of the three stacks**: wall time of \`npx projen synth\` at the root of the team repository,
  which runs its app without the CDK CLI (\`${r.commands.teamSynth}\`: one process loads each
  \`packages/<kind>/src/main.ts\` and writes \`cdk.out\` and \`templates/\` itself), against one
  \`npx cdk --no-notices synth\` of \`bench/fixtures/l2-eks\` through the CDK CLI
  (one app with two stacks: the VPC, and the \`aws-eks\` L2 \`Cluster\` with its kubectl layer and the
  Bottlerocket Spot node group from \`addNodegroupCapacity\`). Every synth starts from an empty \`cdk.out\`;
  one untimed synth of each first. Each side as shipped: aws-cdk-lib's built-in CloudFormation validation
  runs in the fixture (aws-cdk-lib's default) and not in the team's apps (off unless
  \`BOTTLEROCKET_EKS_VALIDATE=1\`; the stacks library's tests validate every resource instead); the
  Diagnostics show the team's synth with it on, and through the CDK CLI.
- **\`nx run-many -t build\` again with no change**, in the **product monorepo**: each run copies the measured
  sources to a new folder, links the root's installed \`node_modules\` into it, builds once (cold: no \`lib/\`,
  \`dist/\`, \`.jsii\`, tsbuildinfo or nx cache, as after \`nx reset\` in a fresh clone), then builds again (the figure).
  \`NX_DAEMON=false\`, as in CI.
- **Template bytes, resources, Lambda functions, asset bytes**: read from the \`cdk.out\` folders of the
  synth figure: the bytes of every \`*.template.json\` (nested stacks' included), their \`Resources\`,
  those of type \`AWS::Lambda::Function\`, and the bytes of every \`asset.*\` file or folder.
- **Peak memory of a synth**: the maximum resident set size of the **app process**, measured with ${r.memoryMethod}.
  For the team repository, the command of its \`synth\` task run directly (the three stacks in one process, no CLI);
  for the fixture, its app (\`node --import tsx ...\`) started by \`cdk synth\` with its usual context, the CLI's own
  process not counted.
- **The product's \`npm ci && npm test\`**: ${productTestText(r.figures)}

The environment of every measured command: no AWS credentials or config (\`AWS_EC2_METADATA_DISABLED=true\`,
empty \`AWS_CONFIG_FILE\` and \`AWS_SHARED_CREDENTIALS_FILE\`), \`CDK_DISABLE_VERSION_CHECK\` and
\`CDK_DISABLE_CLI_TELEMETRY\` (no calls to hosts outside the npm registry), npm's audit and fund
requests off, \`NX_DAEMON=false\`, \`NX_NO_CLOUD=true\`. Temporary folders under the OS temp folder, removed at the end
and not before: on a file system that does not hand out an inode freed in the last minutes (ext4 without a
journal, as on the measuring machine), creating files just after deleting a repository's 15,000 to 30,000 costs
several times as much (a kernel profile of such a scaffold shows most of its system time in ext4's
\`recently_deleted\` check), so a sample taken after a deletion would be charged for it.

## Diagnostics

Not targets: where the time and memory go, measured in the same run to guide optimisation.

${table(['measurement', 'product', 'baseline', 'note'], r.diagnostics.map((d) => [d.name, d.product, d.baseline, d.note ?? '']))}

## Every sample

In run order. The ratio of each run's pair shows how steady a ratio is while the machine's load varies.

${table(['figure', 'product runs', 'baseline runs', 'ratio per run'], r.figures.map((f) => [
  f.name, samplesText(f.product, f.unit), samplesText(f.baseline, f.unit), pairRatios(f),
]))}

Untimed warm-up runs: ${r.warmups.map((w) => `${w.name} ${fmt.s(w.seconds)}`).join(', ')}. Total benchmark time: ${fmt.s(r.totalSeconds)}.
`;
}
