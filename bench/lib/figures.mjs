// From raw samples to the report's rows: the figures with their targets (issue 7), and the
// diagnostics that say where the time and memory go.
import { median, pluck } from './measure.mjs';
import { fmt } from './report.mjs';

const med = (samples, key) => median(pluck(samples, key));

/** The synth figure's target, also quoted by the what-if diagnostics. */
const SYNTH_TARGET = { maxRatio: 0.25 };

/** The figures, each with its baseline from the same run and its target. */
export function figures({ builds, scaffolds, projen, teamBuild, synth, memory, productTest }) {
  const fromSynth = (key) => ({ product: pluck(synth.product, key), baseline: pluck(synth.baseline, key) });
  return [
    {
      name: 'scaffold end to end (`projen new --from` with install)',
      baselineName: '`projen new awscdk-app-ts` with install',
      unit: 's',
      product: pluck(scaffolds.product, 'seconds'),
      baseline: pluck(scaffolds.baseline, 'seconds'),
      target: { maxRatio: 0.5 },
    },
    {
      name: '`npx projen` in the team repository',
      baselineName: '`npx projen` in a plain awscdk-app-ts',
      unit: 's',
      product: pluck(projen.product, 'seconds'),
      baseline: pluck(projen.baseline, 'seconds'),
      target: { maxRatio: 1.3 },
    },
    {
      name: '`npx projen build` in the team repository (its tests included)',
      baselineName: '`npx projen build` in a plain awscdk-app-ts',
      unit: 's',
      product: pluck(teamBuild.product, 'seconds'),
      baseline: pluck(teamBuild.baseline, 'seconds'),
      target: { maxRatio: 0.25 },
    },
    {
      name: 'peak memory of any one process of the team\'s `npx projen build`',
      baselineName: 'the same in the plain awscdk-app-ts',
      unit: 'MiB',
      product: pluck(teamBuild.product, 'rssMiB'),
      baseline: pluck(teamBuild.baseline, 'rssMiB'),
      target: { max: 400 },
    },
    {
      name: '`npx projen synth` of the three stacks (no CDK CLI)',
      baselineName: 'L2 `aws-eks` fixture via the CDK CLI',
      unit: 's',
      ...fromSynth('seconds'),
      target: SYNTH_TARGET,
    },
    {
      name: '`nx run-many -t build` again with no change (product monorepo)',
      baselineName: 'the cold first build',
      unit: 's',
      product: builds.map((b) => b.warm.seconds),
      baseline: builds.map((b) => b.cold.seconds),
      target: { maxRatio: 0.2 },
    },
    {
      name: 'template bytes (nested stacks included)',
      baselineName: 'L2 fixture',
      unit: 'kB',
      ...fromSynth('templateBytes'),
      target: { maxRatio: 0.5 },
    },
    { name: 'resources (nested stacks included)', baselineName: 'L2 fixture', unit: 'n', ...fromSynth('resources') },
    { name: 'Lambda functions', baselineName: 'L2 fixture', unit: 'n', ...fromSynth('lambdas'), target: { equals: 0 } },
    { name: 'asset bytes', baselineName: 'L2 fixture', unit: 'MB', ...fromSynth('assetBytes'), target: { equals: 0 } },
    {
      name: 'peak memory of a synth (app process)',
      baselineName: 'L2 fixture',
      unit: 'MiB',
      product: pluck(memory.product, 'rssMiB'),
      baseline: pluck(memory.baseline, 'rssMiB'),
      target: { maxRatio: 1.0 },
    },
    productTestFigure(productTest),
  ];
}

/**
 * The product's own clean `npm ci && npm test`: too long to repeat inside the suite, so one
 * run measured outside it and passed in; reported as that one run, never as a median.
 */
function productTestFigure(productTest) {
  return {
    name: 'product `npm ci && npm test` on a clean clone (**one run**, passed in)',
    baselineName: 'no baseline: an absolute target',
    unit: 'min',
    product: productTest ? [productTest.seconds] : [],
    baseline: [],
    target: { max: 8 * 60 },
    oneRun: productTest ?? { missing: true },
  };
}

/** Rows of the Diagnostics table: { name, product, baseline, note }. */
export function diagnostics({ builds, scaffolds, projen, projenrc, teamBuild, synth, memory, validated, whatIf, nxSynth, footprint }) {
  const cpuRow = (name, productCpu, baselineCpu) => {
    const [p, b] = [median(productCpu), median(baselineCpu)];
    return { name: `CPU time (user + sys), ${name}`, product: fmt.s(p), baseline: fmt.s(b), note: `ratio ${(p / b).toFixed(2)}x` };
  };
  const whatIfRow = (name, key) => {
    if (whatIf.error) return { name, product: 'not measured', baseline: '—', note: whatIf.error };
    const [p, b] = [med(whatIf.product, key), med(whatIf.baseline, 'l2')];
    return { name, product: fmt.s(p), baseline: `${fmt.s(b)} (L2 synth, same rounds)`, note: `ratio ${(p / b).toFixed(2)}x (the synth figure's target: <= ${SYNTH_TARGET.maxRatio}x)` };
  };
  const footprintText = (f) => `${f.packages} / ${fmt.MB(f.nodeModulesBytes)}`;
  return [
    cpuRow('scaffold', pluck(scaffolds.product, 'cpu'), pluck(scaffolds.baseline, 'cpu')),
    cpuRow('`npx projen`', pluck(projen.product, 'cpu'), pluck(projen.baseline, 'cpu')),
    cpuRow('`npx projen build`', pluck(teamBuild.product, 'cpu'), pluck(teamBuild.baseline, 'cpu')),
    largestNodeRow(teamBuild.breakdown),
    nativeTscRow(teamBuild.breakdown.nativeTsc),
    cpuRow('synth (`npx projen synth` / the fixture\'s `cdk synth`)', pluck(synth.product, 'cpu'), pluck(synth.baseline, 'cpu')),
    cpuRow('build again / cold build', builds.map((x) => x.warm.cpu), builds.map((x) => x.cold.cpu)),
    {
      name: 'app process alone (wall)',
      product: fmt.s(med(memory.product, 'appSeconds')),
      baseline: fmt.s(med(memory.baseline, 'appSeconds')),
      note: 'the rest of a synth is npx and projen (team) or the CDK CLI (fixture)',
    },
    {
      name: 'app process with `BOTTLEROCKET_EKS_VALIDATE=1`: wall / peak memory',
      product: `${fmt.s(med(validated.product, 'appSeconds'))} / ${fmt.MiB(med(validated.product, 'rssMiB'))}`,
      baseline: `${fmt.s(med(validated.baseline, 'appSeconds'))} / ${fmt.MiB(med(validated.baseline, 'rssMiB'))}`,
      note: 'aws-cdk-lib\'s built-in CloudFormation validation, off in team synths by default',
    },
    whatIfRow('the three stack apps one by one through the CDK CLI (three CLI runs)', 'threeApps'),
    whatIfRow('the root app through the CDK CLI (`cdk synth --app "node .../all-apps.js <main.ts>..."`)', 'rootViaCli'),
    whatIfRow('`npx projen synth` with `BOTTLEROCKET_EKS_VALIDATE=1`', 'rootValidated'),
    {
      name: 'templates / nested stacks',
      product: `${med(synth.product, 'templates')} / ${med(synth.product, 'nestedStacks')}`,
      baseline: `${med(synth.baseline, 'templates')} / ${med(synth.baseline, 'nestedStacks')}`,
    },
    { name: 'asset entries in cdk.out', product: fmt.n(med(synth.product, 'assets')), baseline: fmt.n(med(synth.baseline, 'assets')) },
    {
      name: '`.projenrc.ts` evaluated alone (the default task\'s step)',
      product: fmt.s(median(projenrc.product)),
      baseline: fmt.s(median(projenrc.baseline)),
      note: '`npx projen` minus this is npx and the projen CLI starting',
    },
    {
      name: 'installed packages / node_modules size',
      product: footprintText(footprint.team),
      baseline: footprintText(footprint.plain),
      note: 'what each scaffold installs',
    },
    {
      name: 'team repo `nx run-many -t synth`: no cache / cache hit',
      product: `${fmt.s(median(pluck(nxSynth, 'cold')))} / ${fmt.s(median(pluck(nxSynth, 'hit')))}`,
      baseline: '—',
      note: 'nx runs the three apps in parallel on the cores there are',
    },
  ];
}

/** The largest node process of each side's first (untimed) build, from the preload hook. */
function largestNodeRow(breakdown) {
  const text = (list) => (list?.length ? `${fmt.MiB(list[0].rssMiB)} (\`${list[0].command.slice(0, 60)}\`)` : 'not measured');
  return {
    name: 'largest node process of `npx projen build`',
    product: text(breakdown.product),
    baseline: text(breakdown.baseline),
    note: `node processes only (preload hook, the untimed first build): ${breakdown.product?.length ?? 0} in the team's build, ${breakdown.baseline?.length ?? 0} in the plain one`,
  };
}

/** The team's type-check by the TypeScript 7 compiler's own binary, without npx or projen around it. */
function nativeTscRow(nativeTsc) {
  return {
    name: 'TypeScript 7 compiler alone (`tsc --noEmit -p tsconfig.json`): wall / peak memory',
    product: nativeTsc ? `${fmt.s(nativeTsc.seconds)} / ${fmt.MiB(nativeTsc.rssMiB)}` : 'no native tsc installed',
    baseline: '—',
    note: 'a Go binary: in the build\'s peak (GNU time), not in the node processes\' list; one run',
  };
}
