// Preloaded into the measured CLI (node -r): writes the process's peak resident memory, in KiB, where the benchmark asked.
const { writeFileSync } = require('node:fs');

const file = process.env.MZFORM_BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
