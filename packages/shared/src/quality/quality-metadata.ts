import { type ObjectMetadata, objectMetadata } from '../bronze/index.js';
import type { QualityReport } from './quality-report.js';

/** S3 caps user metadata at 2 KB per object; the failed-check list gets at most this much. */
const MAX_FAILED_CHECKS_CHARS = 1024;

/**
 * The S3 object metadata of a quality report (DESIGN §4, §7): `quality-score` ("1", "0.8571")
 * and, when some failed, `quality-failed-checks` (comma-separated `<dataset>.<check>`).
 */
export function qualityMetadata(report: QualityReport): ObjectMetadata {
  return objectMetadata({
    qualityScore: String(report.score),
    qualityFailedChecks:
      report.failedChecks.length > 0
        ? report.failedChecks.join(',').slice(0, MAX_FAILED_CHECKS_CHARS)
        : undefined,
  });
}
