import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { createRedisConnection } from '@repo/shared/queue';

/**
 * A Redis server of a test's own, on a free loopback port, for what the shared test Redis must
 * not suffer: a restart (which empties it: no persistence), a crash, an outage. Stopped by pid.
 */
export class OwnRedis {
  private child: ChildProcess | undefined;

  private constructor(
    readonly port: number,
    private readonly args: readonly string[],
  ) {}

  /**
   * `args` go after the defaults, so they win (`['--appendonly', 'yes', '--dir', tmp]`: give a
   * server that persists a folder of its own, or it writes in the working directory).
   */
  static async start(args: readonly string[] = []): Promise<OwnRedis> {
    const redis = new OwnRedis(await freePort(), args);
    await redis.start();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}/0`;
  }

  /** Starts (again) on the same port, empty, and waits until it answers. */
  async start(): Promise<void> {
    this.child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', ...this.args],
      { stdio: 'ignore' },
    );
    const probe = createRedisConnection(this.url, 'own-redis-probe');
    probe.on('error', () => undefined);
    try {
      const deadline = Date.now() + 10_000;
      for (;;) {
        try {
          if ((await probe.ping()) === 'PONG') return;
        } catch (error) {
          // A server started with --requirepass answers, just not to us.
          if (error instanceof Error && error.message.startsWith('NOAUTH')) return;
          if (Date.now() > deadline) throw error;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      probe.disconnect();
    }
  }

  /** Kills the server (SIGKILL: a crash, nothing saved) and waits for it to be gone. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }
}

/** A loopback port where nothing listens now (taken, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
