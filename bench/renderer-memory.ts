// Memory of the extension's renderer process, read from /proc (Linux): the
// process of the launched browser (found by its profile folder) and, among its
// descendants, the renderers started for extensions (`--extension-process`),
// which hold the background, the popup and the dashboard alike.

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

interface Proc {
  pid: number;
  ppid: number;
  cmd: string;
}

function processes(): Proc[] {
  const out: Proc[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      out.push({ pid: Number(d), ppid, cmd: readFileSync(`/proc/${d}/cmdline`, 'utf8').replace(/\0/g, ' ') });
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

const statusKb = (pid: number, field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);

/** Peak (VmHWM) and current (VmRSS) resident memory of the extension renderer, in MiB; undefined when not found. */
export function extensionRendererMemory(userDataDir: string): { peakMiB: number; rssMiB: number; pid: number } | undefined {
  const all = processes();
  const browser = all.find((p) => p.cmd.includes(`--user-data-dir=${userDataDir}`) && !p.cmd.includes('--type='));
  if (!browser) return undefined;
  const children = new Map<number, Proc[]>();
  for (const p of all) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const tree: Proc[] = [];
  const walk = (pid: number) => {
    for (const c of children.get(pid) ?? []) {
      tree.push(c);
      walk(c.pid);
    }
  };
  walk(browser.pid);
  const renderers = tree.filter((p) => p.cmd.includes('--type=renderer') && p.cmd.includes('--extension-process'));
  const measured = renderers.map((p) => ({ pid: p.pid, peakMiB: statusKb(p.pid, 'VmHWM') / 1024, rssMiB: statusKb(p.pid, 'VmRSS') / 1024 })).filter((m) => Number.isFinite(m.peakMiB));
  return measured.sort((a, b) => b.peakMiB - a.peakMiB)[0];
}

/**
 * Start the extension renderer's peak (VmHWM) again from its current resident
 * memory (Linux: 5 written to /proc/PID/clear_refs), so that what a bench did
 * before (seeding the store from one of the extension's pages) is not counted.
 * False when the process was not found.
 */
export function resetRendererPeak(userDataDir: string): boolean {
  const m = extensionRendererMemory(userDataDir);
  if (!m) return false;
  writeFileSync(`/proc/${m.pid}/clear_refs`, '5');
  return true;
}
