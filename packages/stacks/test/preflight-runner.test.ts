import { Settings } from '../src';
import {
  Check, CheckStages, DeployContext, PlanContext, PREFLIGHT_CHECKS, PreflightClients, PreflightError, PreflightErrorCode, RunContext,
  runPreflight, TargetContext,
} from '../src/preflight';
import { aliceTarget } from './support/deploy-context';

const settings = Settings.resolve({ pjPrefix: 'team-a', region: 'eu-west-1' });
const target = aliceTarget(settings);
const plan = { stacks: [], refusals: [] };
const refusal = (code: PreflightErrorCode) => new PreflightError(code, `refused: ${code}`, 'fix it');

/** Stages that record which checks ran, with the given checks in place of the product's. */
function stages(ran: string[], own: Partial<CheckStages> = {}): CheckStages {
  const named = <C extends RunContext>(name: string, check: Check<C> = async () => ({})): Check<C> => async (context) => {
    ran.push(name);
    return check(context);
  };
  return {
    local: [named('local')],
    identity: [named<RunContext>('identity', async () => ({ target }))],
    plan: [named<PlanContext>('plan', async () => ({ plan }))],
    deploy: [named<DeployContext>('deploy')],
    destroy: [named<TargetContext>('destroy')],
    ...own,
  };
}

const run = (stageList: CheckStages, options: { operation?: 'deploy' | 'destroy'; proposed?: boolean } = {}) => runPreflight({
  settings,
  operation: options.operation ?? 'deploy',
  proposed: options.proposed === false ? undefined : [],
  clients: {} as PreflightClients,
}, stageList);

describe('runPreflight', () => {
  test('runs the stages of a deploy in order, and none of a destroy', async () => {
    const ran: string[] = [];
    const result = await run(stages(ran));
    expect(ran).toEqual(['local', 'identity', 'plan', 'deploy']);
    expect(result).toEqual({ target, check: { plan, quotas: [], warnings: [], failure: undefined }, failure: undefined });
  });

  test('a destroy runs its own stage after identity; a deploy without synthesized stacks stops at identity', async () => {
    const destroyed: string[] = [];
    expect(await run(stages(destroyed), { operation: 'destroy' })).toEqual({ target, failure: undefined });
    expect(destroyed).toEqual(['local', 'identity', 'destroy']);
    const identified: string[] = [];
    expect(await run(stages(identified), { proposed: false })).toEqual({ target });
    expect(identified).toEqual(['local', 'identity']);
  });

  test('a refusal stops the stages after its own (no AWS call after a local refusal)', async () => {
    const ran: string[] = [];
    const result = await run(stages(ran, { local: [async () => ({ failure: refusal(PreflightErrorCode.REGION_MISMATCH) })] }));
    expect(ran).toEqual([]);
    expect(result.failure?.code).toBe(PreflightErrorCode.REGION_MISMATCH);
  });

  test('within a stage the checks run side by side and the first refusal in list order wins, whichever ends first', async () => {
    const slow: Check = async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return { failure: refusal(PreflightErrorCode.STACK_BUSY), warnings: ['slow'] };
    };
    const fast: Check = async () => ({ failure: refusal(PreflightErrorCode.QUOTA_EXCEEDED), warnings: ['fast'] });
    const result = await run(stages([], { deploy: [slow, fast] }));
    expect(result.failure?.code).toBe(PreflightErrorCode.STACK_BUSY);
    expect(result.check?.warnings).toEqual(['slow', 'fast']);
  });

  test('a deploy check that throws is a warning that it could not run; AWS not answering at all refuses', async () => {
    const broken: Check = async () => {
      throw Object.assign(new Error('no such thing'), { name: 'ValidationException' });
    };
    const throttled: Check = async () => {
      throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: { httpStatusCode: 400 } });
    };
    const warned = await run(stages([], { deploy: [broken] }));
    expect(warned.failure).toBeUndefined();
    expect(warned.check?.warnings).toEqual(['a check could not run: ValidationException: no such thing']);
    expect((await run(stages([], { deploy: [broken, throttled] }))).failure?.code).toBe(PreflightErrorCode.AWS_THROTTLED);
  });

  test('an error of an identity or plan check is thrown, for the command to report as one line', async () => {
    const down = new Error('connect ECONNREFUSED');
    await expect(run(stages([], { identity: [async () => { throw down; }] }))).rejects.toBe(down);
    await expect(run(stages([], { plan: [async () => { throw down; }] }))).rejects.toBe(down);
  });

  test('the product lists each check once', () => {
    const all = Object.values(PREFLIGHT_CHECKS).flat();
    expect(new Set(all).size).toBe(all.length);
  });
});
