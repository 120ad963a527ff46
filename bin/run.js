#!/usr/bin/env node
// `mzform --version` answers in oclif's words (name/version platform-arch node-version) without
// loading oclif, which takes most of the time of a start; everything else goes to oclif.
if (process.argv[2] === '--version') {
  const { readFileSync } = await import('node:fs');
  const { arch, platform, release } = await import('node:os');
  const { name, version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  // oclif reports Windows Subsystem for Linux as its own platform.
  const os = platform() === 'linux' && release().toLowerCase().includes('microsoft') ? 'wsl' : platform();
  process.stdout.write(`${name}/${version} ${os}-${arch() === 'ia32' ? 'x86' : arch()} node-${process.version}\n`);
} else {
  const { execute } = await import('@oclif/core');
  await execute({ dir: import.meta.url });
}
