/** A refused change said in the team's terms: the setting behind it and the way out. */
export interface Explanation {
  /** The setting whose change led here, when it can be told. */
  readonly setting?: string;
  /** What to do instead, with commands. */
  readonly wayOut: string;
}
