#!/usr/bin/env python3
"""thread-cpu.py (per-thread CPU file of sample-threads): <threads file> <from epoch> <to epoch> [cases]: CPU per thread group between two instants (ticks 10 ms)"""
import sys, re, collections
path, t0, t1 = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
cases = float(sys.argv[4]) if len(sys.argv) > 4 else None
snaps = collections.OrderedDict()
for line in open(path):
    p = line.split()
    if len(p) < 5: continue
    t = round(float(p[0]), 1)
    snaps.setdefault(t, {})[p[1]] = (p[2], int(p[3]), int(p[4]))
times = list(snaps)
a = min(times, key=lambda t: abs(t - t0)); b = min(times, key=lambda t: abs(t - t1))
A, B = snaps[a], snaps[b]
groups = collections.Counter(); ut = collections.Counter(); st = collections.Counter()
for tid, (name, u, s) in B.items():
    u0, s0 = (A[tid][1], A[tid][2]) if tid in A else (0, 0)
    g = re.sub(r'\d+', 'N', name)
    groups[g] += (u - u0) + (s - s0); ut[g] += u - u0; st[g] += s - s0
tot = sum(groups.values())
print(f'window {a:.1f}..{b:.1f} ({b-a:.1f} s), total {tot*10} ms CPU' + (f', {tot*10/cases:.3f} ms/case over {cases:.0f} cases' if cases else ''))
for g, v in groups.most_common(20):
    print(f'  {g:32s} {v*10:7d} ms (user {ut[g]*10}, sys {st[g]*10})' + (f'  {v*10/cases:.3f} ms/case' if cases else ''))
