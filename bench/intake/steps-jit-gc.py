#!/usr/bin/env python3
"""What the server's JIT compilers and G1 did during each fixed-rate step of an intake bench run.

Usage: bench/intake/steps-jit-gc.py <bench output> <gc.log> [<jit log>]

<bench output> is what `bench/run intake` printed (its "stalls (step from <instant>)" lines give each step's start;
a step lasts --seconds, 15 s unless given as a fourth argument); <gc.log> is bench/intake/target/gc.log of that run
(the bench starts the server with -Xlog:gc,safepoint:…:timemillis); <jit log> is the server's compilation log when
the run was started with --jvm=-Xlog:jit+compilation=debug:file=<jit log>:timemillis. Prints per step the young
pauses, G1 concurrent mark cycles and remark/cleanup pauses, and the compilations started (C2 = tier 4, C1 = tiers
1-3); then the same from the first step to the end of the run.
"""
import datetime
import re
import sys


def instants(bench_output):
    return [datetime.datetime.fromisoformat(m.replace('Z', '+00:00')).timestamp() * 1000
            for m in re.findall(r'step from ([0-9T:.\-]+Z)', open(bench_output).read())]


def gc_events(path):
    events = []
    for line in open(path):
        m = re.match(r'\[(\d+)ms\] GC\(\d+\) (.*?) (\S+)ms$', line.strip())
        if m:
            events.append((int(m.group(1)), m.group(2), float(m.group(3))))
    return events


def jit_events(path):
    events = []
    for line in open(path):
        m = re.match(r'\[(\d+)ms\]\s+\d+\s+[%sbn! ]*?\s*(\d)\s+\S+', line)
        if m and 'made not entrant' not in line:
            events.append((int(m.group(1)), int(m.group(2))))
    return events


def describe(gc, jit, start, end):
    w = [e for e in gc if start <= e[0] <= end]
    young = [e for e in w if e[1].startswith('Pause Young')]
    cycles = [e for e in w if e[1].startswith('Concurrent Mark Cycle')]
    remark = [e for e in w if e[1].startswith(('Pause Remark', 'Pause Cleanup'))]
    text = (f"young pauses {len(young)} ({sum(e[2] for e in young):.0f} ms), concurrent mark cycles {len(cycles)} "
            f"({sum(e[2] for e in cycles):.0f} ms), remark and cleanup pauses {len(remark)} "
            f"({sum(e[2] for e in remark):.0f} ms)")
    if jit is not None:
        j = [e for e in jit if start <= e[0] <= end]
        text += (f"; compilations started: C2 {sum(1 for e in j if e[1] == 4)}, "
                 f"C1 {sum(1 for e in j if e[1] in (1, 2, 3))}")
    return text


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    steps = instants(sys.argv[1])
    gc = gc_events(sys.argv[2])
    jit = jit_events(sys.argv[3]) if len(sys.argv) > 3 else None
    seconds = float(sys.argv[4]) if len(sys.argv) > 4 else 15
    for s in steps:
        print(datetime.datetime.fromtimestamp(s / 1000, datetime.timezone.utc).strftime('%H:%M:%S'),
              describe(gc, jit, s, s + seconds * 1000))
    if steps:
        print('from the first step to the end:', describe(gc, jit, steps[0], float('inf')))


main()
