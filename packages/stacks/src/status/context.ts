import type { StatusNote, StatusSectionName } from './model';
import { classifyAwsError, isAccessDenied } from '../preflight/aws-errors';
import type { TargetContext } from '../preflight/check';

/** How `status` looks. */
export interface StatusOptions {
  /** Run CloudFormation drift detection on each stack (it starts an operation and can take minutes). */
  readonly drift: boolean;
  /** Days before the end of standard support from which the version needs attention. */
  readonly supportDays: number;
  /** Seconds to wait for a stack's drift detection before its drift is reported unknown. */
  readonly driftTimeout: number;
  /** Milliseconds between two polls of a drift detection. */
  readonly driftPollMs: number;
}

/** Defaults for a person at a terminal and for the scheduled workflow. */
export const DEFAULT_STATUS_OPTIONS: StatusOptions = { drift: true, supportDays: 30, driftTimeout: 60, driftPollMs: 2000 };

/**
 * What every part of a status reads from: who and where (the preflight's identity stage), the
 * settings, the synthesized stacks when given (for pending changes), the clients, and `now`.
 */
export interface StatusContext extends TargetContext {
  readonly options: StatusOptions;
  /** Aborted when the command ends or passes its deadline: stops the waits between polls. */
  readonly signal?: AbortSignal;
}

/**
 * Runs one read of a part of the status. When the credentials may not make its call, the part
 * goes on without it: the note (one line, naming the IAM action) goes to `notes` and the result
 * is undefined. Any other failure (AWS not answering, throttling, a bad answer) ends the command.
 */
export async function readOrNote<T>(notes: StatusNote[], section: StatusSectionName, what: string, read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if (!isAccessDenied(error)) throw error;
    notes.push({ section, text: `could not read ${what}: ${classifyAwsError(error)?.message ?? (error as Error).message}` });
    return undefined;
  }
}
