import type { Progress } from '@repo/shared/state';

/** What the run is doing, in one word: the page's status pill and banner. */
export type RunStatus = 'paused' | 'idle' | 'running' | 'done' | 'done-with-failures';

export function runStatus(progress: Progress): RunStatus {
  if (progress.queue.paused) return 'paused';
  const { planned, pending, failed } = progress.overall;
  if (planned === 0) return 'idle';
  if (pending > 0) return 'running';
  return failed > 0 ? 'done-with-failures' : 'done';
}

export const RUN_STATUS_LABEL: Readonly<Record<RunStatus, string>> = {
  paused: 'Paused',
  idle: 'Nothing planned',
  running: 'Running',
  done: 'Complete',
  'done-with-failures': 'Done, with failures',
};
