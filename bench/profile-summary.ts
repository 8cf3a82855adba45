import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Summarises V8 CPU profiles (`pnpm bench --cpu-prof`): self time by function and by package,
 * across every profile under the given folder.
 *
 *   node --import tsx bench/profile-summary.ts bench/profiles/<time>/worker [--top 25]
 */
interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}
interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

function profilesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return profilesUnder(path);
    return name.endsWith('.cpuprofile') ? [path] : [];
  });
}

/** `node_modules/.pnpm/<pkg>@<version>/...` to `<pkg>`; our files to their app or package. */
function owner(url: string): string {
  const pnpm = /node_modules\/\.pnpm\/([^/]+)\//.exec(url);
  if (pnpm?.[1]) return (pnpm[1].split('_')[0] as string).replace(/@[^@]+$/, '').replace('+', '/');
  const ours = /\/(apps|packages)\/([^/]+)\//.exec(url);
  if (ours) return `${ours[1]}/${ours[2]}`;
  if (url.startsWith('node:')) return 'node';
  return url === '' ? '(vm)' : 'other';
}

export function summarise(paths: readonly string[]) {
  const byFunction = new Map<string, number>();
  const byOwner = new Map<string, number>();
  let total = 0;
  for (const path of paths) {
    const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    profile.samples.forEach((id, i) => {
      const node = nodes.get(id);
      const micros = profile.timeDeltas[i] ?? 0;
      if (!node) return;
      const { functionName, url, lineNumber } = node.callFrame;
      if (functionName === '(idle)' || functionName === '(program)') return;
      total += micros;
      const where =
        url === '' ? '' : ` ${relative(process.cwd(), url.replace(/^file:\/\//, ''))}:${lineNumber + 1}`;
      const key = `${functionName || '(anonymous)'}${where}`;
      byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
      const who = functionName === '(garbage collector)' ? '(gc)' : owner(url);
      byOwner.set(who, (byOwner.get(who) ?? 0) + micros);
    });
  }
  const sorted = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]);
  return { totalMs: total / 1000, byFunction: sorted(byFunction), byOwner: sorted(byOwner) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const folder = process.argv[2];
  if (!folder) {
    process.stderr.write('usage: bench/profile-summary.ts <folder with .cpuprofile files> [--top N]\n');
    process.exit(2);
  }
  const topAt = process.argv.indexOf('--top');
  const top = topAt > 0 ? Number(process.argv[topAt + 1]) : 25;
  const paths = profilesUnder(folder);
  const { totalMs, byFunction, byOwner } = summarise(paths);
  const pct = (us: number) => `${((us / 1000 / totalMs) * 100).toFixed(1)} %`;
  const lines = [`${paths.length} profile(s), ${(totalMs / 1000).toFixed(1)} s of CPU (idle excluded)`, ''];
  lines.push('| by package | self | share |', '|---|---|---|');
  for (const [who, us] of byOwner.slice(0, 15))
    lines.push(`| ${who} | ${(us / 1e6).toFixed(2)} s | ${pct(us)} |`);
  lines.push('', '| by function | self | share |', '|---|---|---|');
  for (const [fn, us] of byFunction.slice(0, top))
    lines.push(`| ${fn} | ${(us / 1e6).toFixed(2)} s | ${pct(us)} |`);
  process.stdout.write(`${lines.join('\n')}\n`);
}
