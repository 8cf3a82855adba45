import type { Logger } from '../log/index.js';

/** Closes one resource or finishes one piece of work; may return a promise. */
export type Release = () => Promise<unknown> | unknown;

/**
 * Close functions run in reverse order of registration (last acquired, first released), one
 * after the other. A step that throws is logged and the next one still runs.
 */
export class Releasers {
  private readonly steps: { readonly name: string; readonly release: Release }[] = [];
  private running: Promise<readonly string[]> | undefined;
  private remaining: string[] = [];

  add(name: string, release: Release): void {
    if (this.running !== undefined) throw new Error(`cannot add "${name}": releasing has started`);
    this.steps.push({ name, release });
  }

  /**
   * Runs every step once and resolves with the names of those that failed. A second call (a
   * signal arriving while a command ends on its own) gets the same promise.
   */
  releaseAll(log: Logger): Promise<readonly string[]> {
    this.running ??= this.run(log);
    return this.running;
  }

  /** Steps not finished yet, in the order they run (the one running first). */
  pending(): readonly string[] {
    return this.running === undefined ? this.steps.map((s) => s.name).reverse() : [...this.remaining];
  }

  private async run(log: Logger): Promise<readonly string[]> {
    const order = [...this.steps].reverse();
    this.remaining = order.map((s) => s.name);
    const failed: string[] = [];
    for (const { name, release } of order) {
      try {
        await release();
      } catch (error) {
        failed.push(name);
        log.error({ err: error, resource: name }, 'close failed');
      }
      this.remaining.shift();
    }
    return failed;
  }
}
