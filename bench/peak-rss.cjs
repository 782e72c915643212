// Preloaded (NODE_OPTIONS=--require) into every Node process of a measured
// command: npm, tsx and the process tsx starts each append their peak RSS
// (kB) to $BENCH_RSS_FILE when they exit, so the largest is the command's peak.
const { appendFileSync } = require('node:fs');
const file = process.env.BENCH_RSS_FILE;
if (file) process.on('exit', () => appendFileSync(file, `${process.pid} ${process.resourceUsage().maxRSS}\n`));
