// Samples the memory of this process and all its descendants (code-server, its extension
// hosts, Chromium) once a second, to report the peak of a harness run. Uses PSS (shared pages
// split between the processes sharing them), so Chromium's many processes are not overcounted.
import { readdirSync, readFileSync } from 'node:fs';

function processTable() {
  const table = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the parenthesised command: state ppid ... ; rss is field 24 (pages).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      table.push({ pid: Number(name), ppid: Number(fields[1]), rssPages: Number(fields[21]) });
    } catch { /* process ended */ }
  }
  return table;
}

function pssBytes(pid) {
  try {
    const match = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

export function treeMemoryBytes(rootPid = process.pid) {
  const table = processTable();
  const children = new Map();
  for (const entry of table) {
    if (!children.has(entry.ppid)) children.set(entry.ppid, []);
    children.get(entry.ppid).push(entry);
  }
  let total = 0;
  const stack = table.filter((entry) => entry.pid === rootPid);
  while (stack.length > 0) {
    const entry = stack.pop();
    total += pssBytes(entry.pid) ?? entry.rssPages * 4096;
    stack.push(...(children.get(entry.pid) ?? []));
  }
  return total;
}

export function startMemorySampler(intervalMs = 1000) {
  let peak = 0;
  const sample = () => { peak = Math.max(peak, treeMemoryBytes()); };
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    sample,
    stop() {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}
