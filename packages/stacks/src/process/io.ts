/** Where a command writes: injectable, so tests read exactly what a user would see. */
export interface CommandIo {
  readonly out: { write(text: string): unknown };
  readonly err: { write(text: string): unknown };
  readonly env: NodeJS.ProcessEnv;
}
