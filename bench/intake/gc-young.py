#!/usr/bin/env python3
"""What each G1 pause of an intake bench's fixed-rate steps copied, and where its time went.

Usage: bench/intake/gc-young.py <bench output> <gc log> [step seconds, 60] [-v]

Run the bench with the detailed GC log on the server, e.g.
  bench/run intake --existing-cases=100000 --fixed-rate=1650 --fixed-seconds=60 \
    '--jvm=-Xlog:gc*,gc+age=trace,gc+phases=debug:file=/tmp/gc.log:time,uptime,level,tags'
Per step (from its "step from <instant>" line, lasting the given seconds): the pauses, their wall-clock times
(median, p90, max), the GC workers' CPU in pauses (User+Sys of gc+cpu: exact to 10 ms per pause, and summed over the
step it is the GC threads' CPU the /proc ticks show), pauses and GC CPU per intake (the step's achieved rate x its
seconds), the bytes copied per pause (survivors plus promoted, "Copied Bytes"), the survivors by age after the pause,
the old regions gained, and the per-worker averages of the evacuation's parts (Object Copy, Scan Heap Roots = cards of
old regions pointing into the young, Ext Root Scanning = thread stacks and VM roots, Code Root Scan). With -v one line
per pause.
"""
import datetime
import re
import statistics
import sys

LINE = re.compile(r'^\[([^\]]+)\]\[[\d.]+s\]\[\w+\s*\]\[[\w,]+\s*\] GC\((\d+)\) (.*)$')
PARTS = ('Ext Root Scanning', 'Scan Heap Roots', 'Code Root Scan', 'Object Copy', 'Termination')


def pauses(path):
    found = {}
    for line in open(path):
        m = LINE.match(line.rstrip())
        if not m:
            continue
        stamp, number, text = m.groups()
        d = found.setdefault(int(number), {
            't': datetime.datetime.strptime(stamp, '%Y-%m-%dT%H:%M:%S.%f%z').timestamp(), 'ages': {}, 'copied': 0})
        r = re.match(r'Pause (\S+(?: \([^)]*\))*) (\d+)M->(\d+)M\((\d+)M\) ([\d.]+)ms', text)
        if r:
            d['kind'], d['ms'] = r.group(1), float(r.group(5))
        r = re.match(r'User=([\d.]+)s Sys=([\d.]+)s Real=([\d.]+)s', text)
        if r:
            d['cpu'] = float(r.group(1)) + float(r.group(2))
        r = re.match(r'(Eden|Survivor|Old) regions: (\d+)->(\d+)', text)
        if r:
            d[r.group(1)] = (int(r.group(2)), int(r.group(3)))
        r = re.match(r'- age\s+(\d+):\s+(\d+) bytes', text)
        if r:
            d['ages'][int(r.group(1))] = int(r.group(2))
        r = re.match(r'\s*Copied Bytes\s+Min: \d+, Avg:\s*[\d.]+, Max: \d+, Diff: \d+, Sum: (\d+)', text)
        if r:
            d['copied'] += int(r.group(1))
        r = re.match(r'\s*(' + '|'.join(PARTS) + r') \(ms\):\s+Min:\s+[\d.]+, Avg:\s+([\d.]+)', text)
        if r:
            d[r.group(1)] = float(r.group(2))
    return [d for _, d in sorted(found.items()) if 'ms' in d]


def main():
    args = [a for a in sys.argv[1:] if a != '-v']
    verbose = '-v' in sys.argv
    text = open(args[0]).read()
    seconds = float(args[2]) if len(args) > 2 else 60
    starts = [datetime.datetime.fromisoformat(s.replace('Z', '+00:00')).timestamp()
              for s in re.findall(r'step from ([0-9T:.\-]+Z)', text)]
    rates = [float(r) for r in re.findall(r'\): achieved ([\d.]+)/s', text)]
    every = pauses(args[1])
    mib = 1048576
    for n, (t0, rate) in enumerate(zip(starts, rates), 1):
        step = [d for d in every if t0 <= d['t'] <= t0 + seconds]
        young = [d for d in step if d['kind'].startswith('Young')]
        intakes = rate * seconds
        if not young:
            print(f'step {n}: no young pause')
            continue
        ms = sorted(d['ms'] for d in young)
        cpu = sum(d.get('cpu', 0) for d in step)
        mean = lambda key: statistics.mean(d.get(key, 0) for d in young)
        print(f'step {n} ({rate:.0f}/s, {intakes:.0f} intakes): {len(young)} young pause(s)'
              + (f' and {len(step) - len(young)} other ({", ".join(sorted({d["kind"] for d in step} - {d["kind"] for d in young}))})'
                 if len(step) > len(young) else '')
              + f'; young pause median {statistics.median(ms):.1f} ms, p90 {ms[int(0.9 * (len(ms) - 1))]:.1f}, max {ms[-1]:.1f};'
              f' {len(young) / intakes * 1e4:.2f} young pauses per 10,000 intakes; GC CPU in pauses {cpu * 1000:.0f} ms'
              f' = {cpu * 1e6 / intakes:.1f} us per intake')
        print(f'  per young pause (means): copied {mean("copied") / mib:.1f} MiB'
              f' ({mean("copied") / (intakes / len(young)):.0f} B per intake of the cycle),'
              f' survivors after {statistics.mean(sum(d["ages"].values()) for d in young) / mib:.1f} MiB'
              f' (age 1 {statistics.mean(d["ages"].get(1, 0) for d in young) / mib:.1f}),'
              f' old regions +{statistics.mean(d.get("Old", (0, 0))[1] - d.get("Old", (0, 0))[0] for d in young):.1f},'
              f' eden {statistics.mean(d.get("Eden", (0, 0))[0] for d in young):.0f} regions;'
              f' worker CPU {mean("cpu") * 1000:.0f} ms; per worker ' + ', '.join(f'{p} {mean(p):.1f} ms' for p in PARTS))
        if verbose:
            for d in step:
                ages = ' '.join(f'{a}:{b / mib:.1f}' for a, b in sorted(d['ages'].items()))
                print(f'    +{d["t"] - t0:5.1f} s {d["kind"]:38s} {d["ms"]:6.1f} ms cpu {d.get("cpu", 0) * 1000:3.0f} ms'
                      f' copied {d["copied"] / mib:5.1f} MiB eden {d.get("Eden")} survivor {d.get("Survivor")}'
                      f' old {d.get("Old")} ages(MiB) {ages} | '
                      + ' '.join(f'{p.replace(" ", "")} {d.get(p, 0):.1f}' for p in PARTS))


if __name__ == '__main__':
    main()
