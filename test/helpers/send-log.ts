import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One NBA request as the process that sent it recorded it (NBA_SEND_LOG_FILE). */
export interface SentRequest {
  /** Redis clock, microseconds: when the request was written. */
  readonly sentAtUs: number;
  readonly pid: number;
  readonly path: string;
}

/** A fresh file for the send stamps of every app process of one test. */
export function newSendLogFile(label: string): string {
  return join(mkdtempSync(join(tmpdir(), `sends-${label}-`)), 'sends.jsonl');
}

/** Every request in the file, by send stamp. */
export function readSends(file: string): SentRequest[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const entry = JSON.parse(line) as { sent_at_us: number; pid: number; path: string };
      return { sentAtUs: entry.sent_at_us, pid: entry.pid, path: entry.path };
    })
    .sort((a, b) => a.sentAtUs - b.sentAtUs);
}

/** The smallest gap between two sends, in milliseconds (the promise of DESIGN §5). */
export function minSendGapMs(sends: readonly SentRequest[]): number {
  let min = Number.POSITIVE_INFINITY;
  for (let i = 1; i < sends.length; i++)
    min = Math.min(min, ((sends[i]?.sentAtUs ?? 0) - (sends[i - 1]?.sentAtUs ?? 0)) / 1000);
  return min;
}
