/**
 * The calls of a function still running. BullMQ says `drained` when a worker finds no job to
 * take, which is while its last jobs are still being processed; a drain checkpoint waits for
 * them here, so that it records the season's last items too.
 */
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();

  /** `fn`, with each call counted until it settles. */
  track<A extends unknown[], R>(fn: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
    return (...args: A) => {
      const call = fn(...args);
      this.running.add(call);
      const forget = () => this.running.delete(call);
      call.then(forget, forget);
      return call;
    };
  }

  get size(): number {
    return this.running.size;
  }

  /** Resolves once no call is running, calls started meanwhile included. Never rejects. */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}
