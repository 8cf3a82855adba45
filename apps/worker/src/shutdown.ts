import type { Logger } from '@repo/shared/log';

/** Close functions run in reverse order of registration (last acquired, first released). */
export class Releasers {
  private readonly releasers: { name: string; release: () => Promise<unknown> | unknown }[] = [];

  add(name: string, release: () => Promise<unknown> | unknown): void {
    this.releasers.push({ name, release });
  }

  async releaseAll(log: Logger): Promise<void> {
    for (const { name, release } of this.releasers.reverse()) {
      try {
        await release();
      } catch (error) {
        log.error(
          { err: error instanceof Error ? error.message : String(error), resource: name },
          'close failed',
        );
      }
    }
    this.releasers.length = 0;
  }
}

/**
 * SIGTERM/SIGINT: stop taking jobs, let the one in flight finish, release everything, exit 0.
 * A second signal exits at once (the stalled job then runs again on another worker).
 */
export function onShutdownSignal(log: Logger, shutdown: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    log.info({ signal }, 'shutting down: finishing the job in flight');
    shutdown().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error instanceof Error ? error.message : String(error) }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
}
