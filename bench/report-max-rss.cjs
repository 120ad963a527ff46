// Preloaded into the measured CLI (node -r): writes the process's peak resident memory, in KiB, where the benchmark asked.
// On Linux from /proc (VmHWM, the peak of this process's own memory): getrusage's maxRSS is kept across
// exec, so a CLI spawned by the benchmark (whose process holds the emulator) reported the benchmark's
// size at the spawn instead of its own whenever that was larger.
const { readFileSync, writeFileSync } = require('node:fs');

function peakKiB() {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]);
  } catch {
    // not Linux: getrusage below
  }
  return process.resourceUsage().maxRSS;
}

const file = process.env.MZFORM_BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(peakKiB())));
