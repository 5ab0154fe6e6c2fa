#!/usr/bin/env python3
"""Model of PostgreSQL 15's heap during the lifecycle bench's cost phase (one thread, right after VACUUM + CHECKPOINT).

Pages start with the free space the phase's VACUUM recorded (a bench -Dbench.fsmDump file); each lifecycle inserts
one case row and updates it `updates` times. Rules modelled from src/backend/access/heap (PG 15):
- INSERT (RelationGetBufferForTuple): the backend's target block if its free space >= row + fillfactor reserve, else
  the free space map is told the block's real free space and searched from its next slot onward for a page whose
  recorded free space (32-byte categories) covers row + reserve; none: a new page at the end.
- before each UPDATE, the index scan's heap fetch prunes the page (heap_page_prune_opt) if it holds dead versions and
  its free space is below max(reserve, 819): all dead versions' space comes back (their line pointers stay).
- UPDATE (heap_update): the new version stays on the page if it fits in the free space (no reserve), else it goes
  where an INSERT would.
A page is logged whole at its first change after the checkpoint. Prints the pages touched (images) per lifecycle.
"""
import sys

BLCK = 8192
LP = 4


def simulate(avail, sizes, ff, lifecycles, prune_after=False, reserve_for=None):
    reserve = BLCK * (100 - ff) // 100
    minfree = max(reserve, BLCK // 10)
    pages = [{'free': a, 'dead': 0} for a in avail]   # free = PageGetHeapFreeSpace, dead = prunable bytes
    fsm = [a // 32 * 32 for a in avail]
    nxt = 0
    target = None
    touched = set()

    def place(length):
        nonlocal nxt, target
        need = length + reserve
        if target is not None:
            if pages[target]['free'] >= need:
                return target
            fsm[target] = pages[target]['free'] // 32 * 32
        n = len(pages)
        for i in range(n):
            b = (nxt + i) % n
            if fsm[b] >= need:
                nxt = b + 1
                target = b
                if pages[b]['free'] >= need:
                    return b
                fsm[b] = pages[b]['free'] // 32 * 32
        pages.append({'free': BLCK - 24 - LP, 'dead': 0})
        fsm.append(0)
        target = len(pages) - 1
        return target

    for _ in range(lifecycles):
        p = place(sizes[0])
        pages[p]['free'] -= sizes[0] + LP
        touched.add(p)
        old = sizes[0]
        for v in sizes[1:]:
            pg = pages[p]
            if pg['dead'] and pg['free'] < minfree:
                pg['free'] += pg['dead']
                pg['dead'] = 0
            if pg['free'] >= v + LP:
                pg['free'] -= v + LP
                pg['dead'] += old
            else:
                q = place(v)
                pages[q]['free'] -= v + LP
                pg['dead'] += old
                touched.add(q)
                p = q
            old = v
        if prune_after:
            pg = pages[p]
            if pg['dead'] and pg['free'] < minfree:
                pg['free'] += pg['dead']
                pg['dead'] = 0
    return len(touched) / lifecycles


if __name__ == '__main__':
    dump, database = sys.argv[1], sys.argv[2]
    avail = [int(l.split('\t')[2]) for l in open(dump) if l.split('\t')[0] == database]
    sizes = [int(x) for x in sys.argv[3].split(',')]    # MAXALIGNed tuple bytes: the insert, then each update
    for ff in [int(x) for x in sys.argv[4].split(',')]:
        print(f'{database} fillfactor {ff}: case pages touched per lifecycle {simulate(avail, sizes, ff, 300):.3f}, '
              f'with a prune after the last update {simulate(avail, sizes, ff, 300, prune_after=True):.3f}')
