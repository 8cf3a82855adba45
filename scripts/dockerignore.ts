/**
 * Which files `docker build .` sends as the build context: the repository's files minus the
 * `.dockerignore` patterns (Docker's rules: `*` and `?` stay within one path segment, `**` spans
 * any number of segments, a pattern that matches a folder excludes everything in it, `!` re-includes,
 * the last matching pattern wins).
 */

interface Rule {
  readonly negated: boolean;
  readonly regex: RegExp;
}

function toRegex(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    if (ch === '*' && pattern[i + 1] === '*') {
      // `**/` matches zero or more folders; a trailing `**` matches everything below.
      if (pattern[i + 2] === '/') {
        source += '(?:.*/)?';
        i += 2;
      } else {
        source += '.*';
        i += 1;
      }
    } else if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else source += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

export function parseDockerignore(text: string): Rule[] {
  const rules: Rule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const negated = line.startsWith('!');
    const pattern = (negated ? line.slice(1) : line).replace(/^\/+/, '').replace(/\/+$/, '');
    rules.push({ negated, regex: toRegex(pattern) });
  }
  return rules;
}

/** Whether `path` (relative, `/`-separated) is left out of the build context. */
export function isIgnored(rules: readonly Rule[], path: string): boolean {
  const segments = path.split('/');
  let ignored = false;
  for (const rule of rules) {
    // A rule excludes the path when it matches the path or any folder above it.
    for (let n = 1; n <= segments.length; n++) {
      if (rule.regex.test(segments.slice(0, n).join('/'))) {
        ignored = !rule.negated;
        break;
      }
    }
  }
  return ignored;
}

/** The build context: `files` (relative paths) that `.dockerignore` keeps. */
export function buildContext(files: readonly string[], dockerignore: string): string[] {
  const rules = parseDockerignore(dockerignore);
  return files.filter((file) => !isIgnored(rules, file));
}
