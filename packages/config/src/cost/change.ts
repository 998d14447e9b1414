import { EnvironmentCost, roundCents, UsdRange } from './estimate';

/** What a change does to one line of the estimate: its month before and after (undefined: none, or not known). */
export interface CostLineChange {
  readonly item: string;
  readonly before?: UsdRange;
  readonly after?: UsdRange;
  /** The difference, when both ends are known (a line that comes or goes counts as zero at the other end). */
  readonly change?: UsdRange;
}

/** What a change does to the monthly estimate of an environment, at desired size. */
export interface CostChange {
  readonly before: UsdRange;
  readonly after: UsdRange;
  /** The lines whose month changes, or whose price is not known on one side. */
  readonly lines: CostLineChange[];
}

/** The lines of two estimates of one environment that differ, and their totals. */
export function costChange(before: EnvironmentCost, after: EnvironmentCost): CostChange {
  const items = [...new Set([...before.lines, ...after.lines].map((l) => l.item))];
  const lines = items.flatMap((item): CostLineChange[] => {
    const [b, a] = [before.lines.find((l) => l.item === item), after.lines.find((l) => l.item === item)];
    if (b?.usageBased || a?.usageBased) return [];
    const [from, to] = [b?.monthly, a?.monthly];
    if (from && to && from.low === to.low && from.high === to.high) return [];
    if (b && a && !from && !to && b.detail === a.detail) return [];
    const known = (b === undefined || from !== undefined) && (a === undefined || to !== undefined);
    const zero = { low: 0, high: 0 };
    return [{
      item,
      before: from,
      after: to,
      change: known
        ? { low: roundCents((to ?? zero).low - (from ?? zero).low), high: roundCents((to ?? zero).high - (from ?? zero).high) }
        : undefined,
    }];
  });
  return { before: before.total, after: after.total, lines };
}

/** A range as a person reads it: `$73.00`, `$52.56-61.32`. */
export function usd(range: UsdRange): string {
  return range.low === range.high ? `$${range.low.toFixed(2)}` : `$${range.low.toFixed(2)}-${range.high.toFixed(2)}`;
}

/** `+$35.04`, `-$3.65`, `+$10.00..+$12.00`. */
export function signedUsd(range: UsdRange): string {
  const one = (n: number) => `${n < 0 ? '-' : '+'}$${Math.abs(n).toFixed(2)}`;
  return range.low === range.high ? one(range.low) : `${one(range.low)}..${one(range.high)}`;
}
