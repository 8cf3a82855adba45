/** One benchmark scenario: what it measures, its goal, and the numbers it produced. */
export interface ScenarioResult {
  readonly name: string;
  readonly description: string;
  /** Measured figures, flat, with units in the key names (`wall_seconds`, `rss_mb`...). */
  readonly metrics: Readonly<Record<string, number | string>>;
  /** The goals, as text, and whether each held. */
  readonly goals: readonly { readonly goal: string; readonly met: boolean }[];
}

export interface Scenario {
  readonly name: string;
  run(): Promise<ScenarioResult>;
}
