import { cpus, totalmem } from 'node:os';

export function machineInfo(): Record<string, string | number> {
  const cores = cpus();
  return {
    cores: cores.length,
    cpu_model: cores[0]?.model ?? 'unknown',
    memory_gb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}
