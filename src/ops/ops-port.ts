/**
 * The port of this process's /healthz, /readyz and /metrics. Under discord.js's ShardingManager every
 * shard process runs `readout start` on one machine, so shard N listens on PORT + 1 + N (the manager
 * itself may hold PORT); PORT=0 (a free port) stays 0.
 */
export function opsPortFor(port: number, shards: string | undefined): number {
  if (port === 0 || shards === undefined) return port;
  const first = Number(shards.split(',')[0]);
  return Number.isInteger(first) && first >= 0 ? Math.min(65535, port + 1 + first) : port;
}
