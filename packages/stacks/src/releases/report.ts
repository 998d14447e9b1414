import { teamTaskCommand } from 'bottlerocket-eks-config';
import type { EnvironmentTrain, ReleaseTrainPlan } from './model';
import { table } from '../process/table';

/** A promotion due now, as the scheduled workflow's matrix takes it. */
export interface DuePromotion {
  /** The repository's environment; absent in a repository of one deployment. */
  readonly environment?: string;
  readonly release: string;
  /** The branch of its pull request: one per environment, so a newer release updates the open pull request. */
  readonly branch: string;
  /** The flags that write it: `--apply [--environment <name>]`. */
  readonly applyArgs: string;
}

/** The branch prefix of the release train's pull requests. */
export const RELEASE_BRANCH_PREFIX = 'bottlerocket-eks/release';

/** The promotions due now, first environment first. */
export function duePromotions(plan: ReleaseTrainPlan): DuePromotion[] {
  return plan.environments.filter((e) => e.promotion?.due).map((e) => ({
    environment: e.environment,
    release: e.promotion!.release,
    branch: `${RELEASE_BRANCH_PREFIX}-${e.environment ?? e.pjPrefix}`,
    applyArgs: `--apply${e.environment ? ` --environment ${e.environment}` : ''}`,
  }));
}

/** The train for a person: one line per environment, then what is due, waiting, blocked, and notes. */
export function formatReleaseTrain(plan: ReleaseTrainPlan): string {
  const rows = plan.environments.map((e) => [
    name(e), e.train, e.soakDays === 0 || e === plan.environments[0] ? '-' : `${e.soakDays}d`, e.runs ?? '-', e.runsSince?.slice(0, 10) ?? '-',
    e.setRelease ?? '-', e.newest ?? '-', next(e, new Date(plan.checkedAt)),
  ]);
  const header = ['environment', 'train', 'soak', 'runs', 'since', 'set to', 'newest', 'next'];
  const out = [`Bottlerocket release train, at ${plan.checkedAt.slice(0, 16).replace('T', ' ')} UTC`, '', ...table([header, ...rows]), ''];
  for (const e of plan.environments) {
    if (e.promotion) out.push(`${name(e)}: ${e.promotion.release} ${e.promotion.due ? 'is due now' : `may go from ${e.promotion.eligibleAt.slice(0, 16).replace('T', ' ')} UTC`}: ${e.promotion.because}.`);
    else if (e.waiting) out.push(`${name(e)}: ${e.waiting}.`);
    for (const b of e.blocked) out.push(`  blocked: ${b.release}: ${b.reason}`);
    for (const n of e.notes) out.push(`  note: ${n}`);
  }
  const due = duePromotions(plan);
  out.push('');
  if (due.length === 0) {out.push('Nothing is due.');} else {
    out.push(`Due now: ${due.map((d) => `${d.release} to ${d.environment ?? plan.environments[0].pjPrefix}`).join(', ')}. `
      + 'The scheduled releases workflow opens a pull request for each; by hand:');
    for (const d of due) out.push(`  ${teamTaskCommand('releases', undefined, d.applyArgs)}`);
  }
  return `${out.join('\n')}\n`;
}

/** The title and body of a promotion's pull request: what changes, where, and why now. */
export function pullRequestText(train: EnvironmentTrain, plan: ReleaseTrainPlan): { title: string; body: string } {
  const promotion = train.promotion!;
  const where = name(train);
  const from = train.setRelease ?? train.runs;
  const groups = train.groups.filter((g) => g.pinned === undefined).map((g) => `\`${g.name}\``);
  const pinned = train.groups.filter((g) => g.pinned !== undefined).map((g) => `\`${g.name}\` (${g.pinned})`);
  const deploy = teamTaskCommand('deploy', train.environment);
  const body = [
    `Moves **${where}** to Bottlerocket **${promotion.release}**${from ? ` from ${from}` : ''}: \`bottlerocketRelease\` in \`.projenrc.ts\`, and what \`npx projen\` and the synth regenerate from it.`,
    '',
    `**Why now:** ${promotion.because}.`,
    '',
    `**What a deploy does:** the nodes of ${groups.join(', ')} roll in place onto ${promotion.release}, a few at a time by each group's update config `
      + `(\`${deploy}\` shows the update plan first and names the groups that roll).${pinned.length > 0 ? ` Pinned by their own \`releaseVersion\`, unchanged: ${pinned.join(', ')}.` : ''}`,
    '',
    '**The train:**',
    '',
    ...plan.environments.map((e) => `- ${name(e)}: runs ${e.runs ?? 'nothing yet'}${e.promotion ? `; next ${e.promotion.release}${e.promotion.due ? ' (due)' : ` from ${e.promotion.eligibleAt.slice(0, 10)}`}` : ''}`),
    '',
    `Opened by the scheduled \`releases\` workflow (\`${teamTaskCommand('releases')}\`). A newer release updates this pull request; a release found bad goes into \`blockedBottlerocketReleases\` with why.`,
  ];
  return { title: `Bottlerocket ${promotion.release} for ${where}`, body: `${body.join('\n')}\n` };
}

function name(e: EnvironmentTrain): string {
  return e.environment ?? e.pjPrefix;
}

function next(e: EnvironmentTrain, now: Date): string {
  if (!e.promotion) return '-';
  if (e.promotion.due) return `${e.promotion.release} due now`;
  const days = Math.ceil((Date.parse(e.promotion.eligibleAt) - now.getTime()) / 86_400_000);
  return `${e.promotion.release} from ${e.promotion.eligibleAt.slice(0, 10)} (in ${days} day${days === 1 ? '' : 's'})`;
}
