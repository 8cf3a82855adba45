import type { Logger } from '../log/index.js';
import type { Releasers } from './releasers.js';

export interface ShutdownOptions {
  readonly log: Logger;
  /** What the process holds, released last-added first. */
  readonly releasers: Releasers;
  /** `config.shutdownTimeoutSeconds`: past it the process exits 1 with what was left. */
  readonly timeoutSeconds: number;
  /** How the process ends; tests pass a spy. @defaultValue `process.exit` */
  readonly exit?: (code: number) => void;
}

export interface SignalShutdownOptions extends ShutdownOptions {
  /** The line logged on the first signal. @defaultValue `shutting down` */
  readonly message?: string;
  /** @defaultValue SIGTERM and SIGINT */
  readonly signals?: readonly NodeJS.Signals[];
}

/**
 * Releases everything and ends the process; `reason` says why (a signal, `done`). Calling it
 * again returns the same promise, so a signal during a normal end changes nothing.
 */
export type Shutdown = (reason: string) => Promise<void>;

/**
 * The one way a process ends: run the releasers, then exit with `process.exitCode` (0 unless the
 * process set one), or 1 if a step failed. When the steps have not finished after
 * `timeoutSeconds` (Redis or S3 gone: a `quit()` or a last write that never resolves), one line
 * names the steps left and the process exits 1 anyway.
 */
export function createShutdown(options: ShutdownOptions): Shutdown {
  const { log, releasers } = options;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let ending: Promise<void> | undefined;
  return (reason) => {
    ending ??= new Promise<void>((resolve) => {
      let done = false;
      const finish = (code: number) => {
        if (done) return;
        done = true;
        clearTimeout(deadline);
        process.off('beforeExit', stalled);
        exit(code);
        resolve();
      };
      const giveUp = (why: string) => {
        if (done) return;
        log.error(
          { reason, timeout_seconds: options.timeoutSeconds, left: releasers.pending() },
          `shutdown ${why}; exiting with steps left`,
        );
        finish(1);
      };
      // Unref'd: a shutdown that finishes in time never waits for the deadline.
      const deadline = setTimeout(
        () => giveUp(`deadline of ${options.timeoutSeconds} s passed`),
        options.timeoutSeconds * 1000,
      );
      deadline.unref();
      // A step waiting on a promise nothing will ever settle: Node would otherwise exit 0 by itself.
      const stalled = () => giveUp('stalled');
      process.once('beforeExit', stalled);
      void releasers.releaseAll(log).then((failed) => {
        const code = typeof process.exitCode === 'number' ? process.exitCode : 0;
        finish(failed.length > 0 ? 1 : code);
      });
    });
    return ending;
  };
}

/**
 * SIGTERM/SIGINT: log `message`, then `createShutdown`: the work in flight finishes (it is the
 * last releaser added), everything is released, exit 0; past the deadline, exit 1. A second
 * signal exits 1 at once. Returns the shutdown for the process's normal end.
 */
export function onShutdownSignal(options: SignalShutdownOptions): Shutdown {
  const shutdown = createShutdown(options);
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) {
      options.log.warn({ signal, left: options.releasers.pending() }, 'second signal: exiting now');
      exit(1);
      return;
    }
    stopping = true;
    options.log.info({ signal, timeout_seconds: options.timeoutSeconds }, options.message ?? 'shutting down');
    void shutdown(signal);
  };
  for (const signal of options.signals ?? ['SIGTERM', 'SIGINT']) process.on(signal, handler);
  return shutdown;
}
