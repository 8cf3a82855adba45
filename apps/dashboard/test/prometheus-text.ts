/** One sample line of the Prometheus text format. */
export interface Sample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const LABEL = `[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\\\\n]|\\\\[\\\\"n])*"`;
const SAMPLE = new RegExp(
  `^(${NAME})(?:\\{((?:${LABEL})(?:,${LABEL})*)?,?\\})? (-?(?:\\d+(?:\\.\\d+)?(?:e[+-]?\\d+)?|\\+Inf|-Inf|NaN))(?: -?\\d+)?$`,
);
const HELP = new RegExp(`^# HELP (${NAME}) (.*)$`);
const TYPE = new RegExp(`^# TYPE (${NAME}) (counter|gauge|histogram|summary|untyped)$`);

/**
 * A strict reader of the Prometheus text exposition format (0.0.4): every line must be a HELP,
 * a TYPE or a sample; every sample must belong to a declared metric family (histogram samples
 * by their _bucket/_sum/_count suffix), and histogram buckets must be cumulative within each
 * series (the same labels but `le`).
 * prom-client has no parser of its own.
 */
export function parsePrometheusText(text: string): Sample[] {
  const types = new Map<string, string>();
  const samples: Sample[] = [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  for (const [i, line] of lines.entries()) {
    if (line === '') continue;
    const help = HELP.exec(line);
    if (help) continue;
    const type = TYPE.exec(line);
    if (type?.[1] && type[2]) {
      if (types.has(type[1])) throw new Error(`line ${i + 1}: second TYPE for ${type[1]}`);
      types.set(type[1], type[2]);
      continue;
    }
    if (line.startsWith('#')) throw new Error(`line ${i + 1}: unexpected comment: ${line}`);
    const match = SAMPLE.exec(line);
    if (!match?.[1] || match[3] === undefined) throw new Error(`line ${i + 1} is not a sample: ${line}`);
    const name = match[1];
    const family = types.has(name) ? name : name.replace(/_(bucket|sum|count)$/, '');
    if (!types.has(family)) throw new Error(`line ${i + 1}: ${name} has no TYPE`);
    const labels: Record<string, string> = {};
    for (const pair of (match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
      if (pair[1])
        labels[pair[1]] = (pair[2] ?? '').replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
    }
    samples.push({ name, labels, value: Number(match[3].replace('Inf', 'Infinity')) });
  }
  for (const [family, type] of types) {
    if (type !== 'histogram') continue;
    // One series of buckets per set of other labels (one per season, say).
    const series = new Map<string, number[]>();
    for (const s of samples.filter((sample) => sample.name === `${family}_bucket`)) {
      const { le: _le, ...rest } = s.labels;
      const key = JSON.stringify(rest);
      series.set(key, [...(series.get(key) ?? []), s.value]);
    }
    for (const [labels, buckets] of series) {
      if (buckets.some((v, i) => i > 0 && v < (buckets[i - 1] ?? 0))) {
        throw new Error(`${family} ${labels}: buckets are not cumulative`);
      }
    }
  }
  return samples;
}
