const MINUTES = /^(\d{1,3}):([0-5]\d)$/;
const ISO_CLOCK = /^PT(\d+)M(\d+(?:\.\d+)?)S$/;

/** Seconds of a box-score `minutes` value `M:SS` ("49:48", "6:30", "265:00"), else undefined. */
export function minutesSeconds(text: string): number | undefined {
  const match = MINUTES.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/** Seconds of a play-by-play clock `PT<m>M<s>S` ("PT11M43.00S" -> 703), else undefined. */
export function clockSeconds(text: string): number | undefined {
  const match = ISO_CLOCK.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/** Two decimal numbers equal up to float noise. */
export function nearlyEqual(a: number, b: number, tolerance = 1e-9): boolean {
  return Math.abs(a - b) <= tolerance;
}
