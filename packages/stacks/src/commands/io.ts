/** Where a command writes: injectable, so tests read exactly what a user would see. */
export interface CommandIo {
  readonly out: { write(text: string): unknown };
  readonly err: { write(text: string): unknown };
  readonly env: NodeJS.ProcessEnv;
}

/** A wrong flag or argument: printed with the usage, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
