// Preloaded with --import into a measured process: at exit it appends "cpu_ms max_rss_kib" to $FLOWKIT_BENCH_OUT.
import { appendFileSync } from 'node:fs';

process.on('exit', () => {
  const usage = process.resourceUsage();
  appendFileSync(
    process.env.FLOWKIT_BENCH_OUT,
    `${(usage.userCPUTime + usage.systemCPUTime) / 1000} ${usage.maxRSS}\n`,
  );
});
