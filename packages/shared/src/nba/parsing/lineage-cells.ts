import type { CellValue } from '../../bronze/index.js';
import type { ParseContext } from '../endpoint.js';

/** The two lineage columns every dataset ends with. */
export function lineageCells(endpoint: string, ctx: ParseContext): Record<string, CellValue> {
  return { _source_endpoint: endpoint, _ingested_at: ctx.ingestedAt };
}
