/**
 * The real API prints some numbers as floats even when whole (`"plusMinusPoints":-6.0`,
 * `"FT_PCT":1.0`). JSON.stringify cannot, so these writers format the named keys or columns.
 */
export function formatFloat(value: number | null): string {
  if (value === null) return 'null';
  return Number.isInteger(value) ? value.toFixed(1) : String(value);
}

type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };

/** Compact JSON in insertion order; numbers under a key in `floatKeys` are written as floats. */
export function stringifyWithFloats(value: unknown, floatKeys: ReadonlySet<string>): string {
  const write = (v: unknown, key: string | undefined): string => {
    if (typeof v === 'number' && key !== undefined && floatKeys.has(key)) return formatFloat(v);
    if (Array.isArray(v)) return `[${v.map((item) => write(item, undefined)).join(',')}]`;
    if (v !== null && typeof v === 'object') {
      const parts: string[] = [];
      for (const [k, item] of Object.entries(v))
        if (item !== undefined) parts.push(`${JSON.stringify(k)}:${write(item, k)}`);
      return `{${parts.join(',')}}`;
    }
    return JSON.stringify(v as Json);
  };
  return write(value, undefined);
}

export interface ResultSet {
  readonly name: string;
  readonly headers: readonly string[];
  readonly rowSet: readonly (readonly (string | number | null)[])[];
  /** Headers whose values are floats (`FG_PCT`, ...). */
  readonly floatHeaders?: ReadonlySet<string>;
}

/** V2 envelope `{resource, parameters, resultSets}` (REFERENCE §2.1). */
export function v2Body(
  resource: string,
  parameters: Record<string, string | number | null>,
  sets: readonly ResultSet[],
): string {
  const setJson = sets.map((set) => {
    const floats = set.headers.map((h) => set.floatHeaders?.has(h) === true);
    const rows = set.rowSet.map(
      (row) =>
        `[${row.map((v, i) => (floats[i] && typeof v === 'number' ? formatFloat(v) : JSON.stringify(v))).join(',')}]`,
    );
    return `{"name":${JSON.stringify(set.name)},"headers":${JSON.stringify(set.headers)},"rowSet":[${rows.join(',')}]}`;
  });
  return `{"resource":${JSON.stringify(resource)},"parameters":${JSON.stringify(parameters)},"resultSets":[${setJson.join(',')}]}`;
}
