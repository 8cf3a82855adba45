import { readFileSync } from 'node:fs';
import { NbaRequestError } from '../../src/nba/index.js';

/** A response saved under `test/fixtures/nba/`, decoded as the client would decode it. */
export function readNbaFixture(file: string): unknown {
  return JSON.parse(readFileSync(new URL(`../fixtures/nba/${file}`, import.meta.url)).toString('utf8'));
}

/** A deep copy of `body` changed by `edit`, so each case breaks one thing and the fixture stays intact. */
export function editedCopy<T>(body: unknown, edit: (copy: T) => void): unknown {
  const copy = structuredClone(body) as T;
  edit(copy);
  return copy;
}

function thrownBy(run: () => unknown): NbaRequestError | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof NbaRequestError) return error;
    throw error;
  }
  return undefined;
}

/** The `NbaRequestError` that `run` throws; any other outcome fails the test. */
export function errorOf(run: () => unknown): NbaRequestError {
  const error = thrownBy(run);
  if (error === undefined) throw new Error('expected an NbaRequestError');
  return error;
}

/** The kind of the `NbaRequestError` that `run` throws, or `'none'` when it returns. */
export function kindOf(run: () => unknown): string {
  return thrownBy(run)?.kind ?? 'none';
}
