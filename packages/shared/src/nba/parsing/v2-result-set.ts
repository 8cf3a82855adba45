import { NbaRequestError } from '../errors.js';
import { describeValue, isRecord } from './json-shape.js';

/** One rowSet entry keyed by header name. */
export type V2Record = Readonly<Record<string, unknown>>;

function parseError(message: string): NbaRequestError {
  return new NbaRequestError('parse', message);
}

function findResultSet(body: unknown, name: string, endpoint: string): Record<string, unknown> {
  if (!isRecord(body)) throw parseError(`${endpoint}: expected a JSON object, got ${describeValue(body)}`);
  const sets = body.resultSets;
  // Dead V2 endpoints answer 200 with a body that has no resultSets at all (REFERENCE §2.3).
  if (!Array.isArray(sets)) throw parseError(`${endpoint}: body has no resultSets list`);
  const set = sets.find((candidate) => isRecord(candidate) && candidate.name === name);
  if (!isRecord(set)) throw parseError(`${endpoint}: resultSets has no set named ${name}`);
  return set;
}

/**
 * The rows of a V2 result set as objects keyed by header name. Columns are found by name,
 * never by position, because real header orders differ between endpoints and from nba_api's
 * lists. Throws `parse` when the set, a needed header, or a well-formed rowSet is missing.
 */
export function readV2ResultSet(
  body: unknown,
  name: string,
  neededHeaders: readonly string[],
  endpoint: string,
): V2Record[] {
  const set = findResultSet(body, name, endpoint);
  const headers = set.headers;
  if (!Array.isArray(headers) || !headers.every((header) => typeof header === 'string')) {
    throw parseError(`${endpoint}: ${name}.headers is not a list of strings`);
  }
  const missing = neededHeaders.filter((header) => !headers.includes(header));
  if (missing.length > 0) throw parseError(`${endpoint}: ${name} lacks headers ${missing.join(', ')}`);
  const rowSet = set.rowSet;
  if (!Array.isArray(rowSet)) throw parseError(`${endpoint}: ${name}.rowSet is not a list`);
  return rowSet.map((row: unknown, index) => {
    if (!Array.isArray(row) || row.length !== headers.length) {
      throw parseError(`${endpoint}: ${name}.rowSet[${index}] is not a list of ${headers.length} values`);
    }
    return Object.fromEntries(headers.map((header, column) => [header, row[column]]));
  });
}
