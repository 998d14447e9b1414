import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { TEAM_TASKS } from 'bottlerocket-eks-config';
import { ProjenrcEditError } from './projenrc';

/**
 * How a command regenerates the repository after `.projenrc.ts` changed: `npx projen` (the
 * settings files, tasks, README), then the team's synth task (`cdk.out`, `templates/`), in its
 * root. Replaceable in tests.
 */
export type ProjenRunner = (root: string) => { ok: boolean; output: string };

export const runProjen: ProjenRunner = (root) => {
  let output = '';
  for (const args of [['projen'], ['projen', TEAM_TASKS.synth]]) {
    const result = spawnSync('npx', args, { cwd: root, encoding: 'utf-8', stdio: ['ignore', 'pipe', 'pipe'] });
    output += `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`;
    if (result.status !== 0) return { ok: false, output };
  }
  return { ok: true, output };
};

/** Why a rewrite did not happen, and what to do; `output` is projen's when it failed. */
export interface RewriteRefusal {
  readonly reason: string;
  readonly fix: string;
  readonly output?: string;
}

/**
 * Changes `.projenrc.ts` in `root` by `edit` and regenerates the repository. When the edit cannot
 * be made or projen fails, `.projenrc.ts` and what it generates are as they were (no half-written
 * repository) and the refusal says why; `byHand` says what the team can do instead.
 */
export function rewriteProjenrc(root: string, edit: (source: string) => string, projen: ProjenRunner, byHand: string): RewriteRefusal | undefined {
  const projenrc = path.join(root, '.projenrc.ts');
  const before = fs.existsSync(projenrc) ? fs.readFileSync(projenrc, 'utf-8') : undefined;
  if (before === undefined) return { reason: `there is no .projenrc.ts in ${root}`, fix: byHand };
  let after: string;
  try {
    after = edit(before);
  } catch (error) {
    if (error instanceof ProjenrcEditError) return { reason: `.projenrc.ts: ${error.message}`, fix: byHand };
    throw error;
  }
  fs.writeFileSync(projenrc, after);
  const result = projen(root);
  if (result.ok) return undefined;
  // Put the repository back as it was: the old .projenrc.ts, and what it generates.
  fs.writeFileSync(projenrc, before);
  projen(root);
  return {
    reason: '`npx projen` failed on the change (its output is above); .projenrc.ts and what it generates are as they were',
    fix: 'fix what it says, then apply again',
    output: result.output,
  };
}
