import type { CellValue, CheckOutcome, Row } from '../../dataset-schema.js';

/** How many failures a check describes; the count covers them all. */
const MAX_EXAMPLES = 3;

/** Collects failures of a check, keeping the first few descriptions. */
export class OutcomeBuilder {
  private checkedCount = 0;
  private failureCount = 0;
  private readonly examples: string[] = [];

  /** Records one examined unit; a string is its failure, undefined a pass. */
  add(failure: string | undefined): void {
    this.checkedCount++;
    if (failure === undefined) return;
    this.failureCount++;
    if (this.examples.length < MAX_EXAMPLES) this.examples.push(failure);
  }

  build(): CheckOutcome {
    return { checked: this.checkedCount, failures: this.failureCount, examples: [...this.examples] };
  }
}

/** Runs `test` on every row; it returns a failure description or undefined. */
export function everyRow(
  rows: readonly Row[],
  test: (row: Row, index: number) => string | undefined,
): CheckOutcome {
  const outcome = new OutcomeBuilder();
  rows.forEach((row, index) => {
    outcome.add(test(row, index));
  });
  return outcome.build();
}

/** A numeric cell, or undefined when it is null, missing or not a finite number. */
export function numberCell(row: Row, column: string): number | undefined {
  const value = row[column];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** `row 3 (person 1628378)`: where a failure is, for messages. */
export function rowLabel(row: Row, index: number): string {
  if (typeof row.action_id === 'number') return `row ${index} (action ${row.action_id})`;
  if (typeof row.person_id === 'number') return `row ${index} (person ${row.person_id})`;
  if (typeof row.team_id === 'number') {
    const kind = typeof row.row_kind === 'string' ? ` ${row.row_kind}` : '';
    return `row ${index} (team ${row.team_id}${kind})`;
  }
  return `row ${index}`;
}

/** Groups rows by a column's value (as a string). */
export function groupBy(rows: readonly Row[], column: string): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = String(row[column] as CellValue);
    const group = groups.get(key) ?? [];
    group.push(row);
    groups.set(key, group);
  }
  return groups;
}
