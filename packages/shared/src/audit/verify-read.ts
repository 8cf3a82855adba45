import { type BronzeStore, DATASET_SCHEMAS, type QualityContext, type Row } from '../bronze/index.js';
import { errorMessage } from '../log/index.js';
import { checkFileColumns, implausibleRowCount, scoreDataset } from '../quality/index.js';
import { readParquetBack } from './parquet-read-back.js';
import type { ExpectedFile, ProblemKind, VerifyProblem } from './verify-plan.js';

/**
 * Downloads and decodes one file, counting it in its group. Its rows when it reads back with
 * exactly its schema's columns, else undefined with the problem recorded.
 */
export async function readExpectedFile(
  store: Pick<BronzeStore, 'get'>,
  file: ExpectedFile,
  problems: VerifyProblem[],
): Promise<readonly Row[] | undefined> {
  const fail = (kind: ProblemKind, message: string) => {
    problems.push({ kind, key: file.key, message });
    file.group.problems++;
    return undefined;
  };
  const bytes = await store.get(file.key);
  if (bytes === undefined) return fail('missing', 'listed, but gone when read');
  file.group.found++;
  let back: Awaited<ReturnType<typeof readParquetBack>>;
  try {
    back = await readParquetBack(bytes);
  } catch (error) {
    const reason = errorMessage(error);
    return fail('unreadable', `not a readable Parquet file (${bytes.length} bytes): ${reason}`);
  }
  file.group.rows += back.rows.length;
  const columns = checkFileColumns(back.columns, DATASET_SCHEMAS[file.dataset]);
  if (columns.length > 0) return fail('schema', columns.join('; '));
  if (back.declaredRows !== back.rows.length)
    return fail('rows', `footer declares ${back.declaredRows} rows, ${back.rows.length} read`);
  return back.rows;
}

/** Row-count plausibility and quality of one file that read back with its schema. */
export function judgeFile(
  file: ExpectedFile,
  rows: readonly Row[],
  context: QualityContext,
  minQuality: number,
  problems: VerifyProblem[],
): void {
  const implausible = implausibleRowCount(file.dataset, rows.length, file.expectedRows);
  if (implausible !== undefined) {
    problems.push({ kind: 'rows', key: file.key, message: implausible });
    file.group.problems++;
  }
  const report = scoreDataset(file.dataset, rows, context);
  file.group.minQuality = Math.min(file.group.minQuality ?? 1, report.score);
  if (report.score >= minQuality) return;
  const failed = report.checks
    .filter((check) => !check.passed)
    .map(
      (check) =>
        `${check.dataset}.${check.name} (${check.failures}/${check.checked}: ${check.detail.slice(0, 160)})`,
    );
  problems.push({
    kind: 'quality',
    key: file.key,
    message: `quality ${report.score} < ${minQuality}: ${failed.join('; ')}`,
  });
  file.group.problems++;
}
