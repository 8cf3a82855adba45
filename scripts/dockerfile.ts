/**
 * A small Dockerfile reader for the checks that run without a Docker engine
 * (test/deploy-files.test.ts and scripts/rehearse-docker-build.ts). It knows what our Dockerfile
 * uses: parser directives, comments, line continuations, global ARGs, FROM ... AS, and the
 * shell and JSON (exec) forms of instructions.
 */

export interface Instruction {
  /** Upper-case keyword: `RUN`, `COPY`, `ENV`... */
  readonly keyword: string;
  /** Everything after the keyword, continuation lines joined with a space. */
  readonly args: string;
  /** 1-based line where the instruction starts. */
  readonly line: number;
}

export interface Stage {
  /** The `AS` name, or the stage index as a string. */
  readonly name: string;
  /** The base image with global ARG defaults substituted. */
  readonly from: string;
  readonly instructions: readonly Instruction[];
}

export interface Dockerfile {
  /** Global `ARG name=default` before the first FROM. */
  readonly globalArgs: Readonly<Record<string, string>>;
  readonly stages: readonly Stage[];
}

/** Splits the text into instructions, joining `\`-continued lines and dropping comments. */
export function readInstructions(text: string): Instruction[] {
  const instructions: Instruction[] = [];
  const lines = text.split(/\r?\n/);
  let current: { parts: string[]; line: number } | undefined;
  for (const [index, raw] of lines.entries()) {
    const trimmed = raw.trim();
    if (trimmed.startsWith('#')) continue;
    if (current === undefined && trimmed === '') continue;
    const continues = trimmed.endsWith('\\');
    const part = continues ? trimmed.slice(0, -1).trim() : trimmed;
    if (current === undefined) current = { parts: [], line: index + 1 };
    if (part !== '') current.parts.push(part);
    if (continues) continue;
    const joined = current.parts.join(' ');
    const match = /^(\S+)\s*(.*)$/s.exec(joined);
    if (match) {
      instructions.push({
        keyword: (match[1] as string).toUpperCase(),
        args: match[2] ?? '',
        line: current.line,
      });
    }
    current = undefined;
  }
  return instructions;
}

/** Replaces `${NAME}` and `$NAME` with values from `vars`, leaving unknown names as they are. */
export function substitute(text: string, vars: Readonly<Record<string, string>>): string {
  return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (whole, a, b) => {
    const name = (a ?? b) as string;
    return vars[name] ?? whole;
  });
}

/** `A=1 B=/x` → { A: '1', B: '/x' } (the `key=value` forms of ENV, ARG and LABEL; no quotes). */
export function parseAssignments(args: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const token of args.trim().split(/\s+/)) {
    if (token === '') continue;
    const eq = token.indexOf('=');
    if (eq <= 0) throw new Error(`expected NAME=value, got ${JSON.stringify(token)}`);
    result[token.slice(0, eq)] = token.slice(eq + 1);
  }
  return result;
}

/** The JSON (exec) form `["a", "b"]` as an array, or undefined for the shell form. */
export function execForm(args: string): string[] | undefined {
  const trimmed = args.trim();
  if (!trimmed.startsWith('[')) return undefined;
  const parsed: unknown = JSON.parse(trimmed);
  if (!Array.isArray(parsed) || !parsed.every((item) => typeof item === 'string')) {
    throw new Error(`expected a JSON array of strings, got ${trimmed}`);
  }
  return parsed as string[];
}

/** The exec form of the stage's last `keyword` instruction (for HEALTHCHECK, what follows `CMD`). */
export function lastExecForm(stage: Stage, keyword: 'ENTRYPOINT' | 'CMD' | 'HEALTHCHECK'): string[] {
  const found = stage.instructions.filter((i) => i.keyword === keyword).at(-1);
  if (found === undefined) throw new Error(`stage ${stage.name} has no ${keyword}`);
  const args = keyword === 'HEALTHCHECK' ? found.args.replace(/^.*?\bCMD\s+/s, '') : found.args;
  const form = execForm(args);
  if (form === undefined) throw new Error(`${keyword} should use the exec (JSON) form: ${found.args}`);
  return form;
}

export interface CopyArgs {
  /** `--from=stage`, when given. */
  readonly from: string | undefined;
  readonly sources: readonly string[];
  readonly destination: string;
}

/** `COPY [--from=x] [--chown=..] src... dest` (shell or JSON form). */
export function parseCopy(args: string): CopyArgs {
  const words = execForm(args) ?? args.trim().split(/\s+/);
  let from: string | undefined;
  const paths: string[] = [];
  for (const word of words) {
    if (word.startsWith('--from=')) from = word.slice('--from='.length);
    else if (!word.startsWith('--')) paths.push(word);
  }
  if (paths.length < 2) throw new Error(`COPY needs a source and a destination: ${args}`);
  return { from, sources: paths.slice(0, -1), destination: paths.at(-1) as string };
}

export function parseDockerfile(text: string): Dockerfile {
  const globalArgs: Record<string, string> = {};
  const stages: Stage[] = [];
  let stage: { name: string; from: string; instructions: Instruction[] } | undefined;
  for (const instruction of readInstructions(text)) {
    if (instruction.keyword === 'FROM') {
      const match = /^(\S+)(?:\s+AS\s+(\S+))?\s*$/i.exec(instruction.args.trim());
      if (!match) throw new Error(`line ${instruction.line}: cannot read FROM ${instruction.args}`);
      stage = {
        name: match[2] ?? String(stages.length),
        from: substitute(match[1] as string, globalArgs),
        instructions: [],
      };
      stages.push(stage);
    } else if (stage === undefined) {
      if (instruction.keyword !== 'ARG') {
        throw new Error(`line ${instruction.line}: only ARG may come before the first FROM`);
      }
      const [name, value] = instruction.args.trim().split('=', 2);
      globalArgs[name as string] = value ?? '';
    } else {
      stage.instructions.push(instruction);
    }
  }
  return { globalArgs, stages };
}
