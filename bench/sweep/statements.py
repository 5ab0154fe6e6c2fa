#!/usr/bin/env python3
# Sums PostgreSQL's logged statement durations (log_min_duration_statement = 0) of database bench_sweep per statement
# kind, between two marks of bench/run sweep --statements, e.g.
# bench/sweep/statements.py /var/log/postgresql/postgresql-15-main.log 'ours: the changes at once begin' 'ours: the changes at once end'
# An optional fourth argument names another database (bench/run sweep --database …). Every run between the marks in
# the log is summed: give it a slice of the log holding one run to see that run alone.
import re, sys, collections
log, start, end = sys.argv[1], sys.argv[2], sys.argv[3]
database = sys.argv[4] if len(sys.argv) > 4 else 'bench_sweep'
head = re.compile(r'^\d{4}-\d\d-\d\d [\d:.]+ UTC \[(\d+)\] (\S*)@(\S*) LOG:  duration: ([\d.]+) ms  (parse|bind|execute) ([^:]*): (.*)$')
inside = False
tot = collections.defaultdict(lambda: [0.0, 0, 0.0, 0.0, 0.0])  # total, executions, parse, bind, execute
def kind(sql):
    s = ' '.join(sql.split()).lower()
    if s.startswith('insert into supervision_reminder'): return 'insert supervision_reminder'
    if s.startswith('insert into audit_entry'): return 'insert audit_entry'
    if s.startswith('insert into notification_notice'): return 'insert notification_notice'
    if 'from audit_entry' in s: return 'select chain heads (audit_entry)'
    if 'from cases_case' in s and "'yellow' as turns" in s: return 'select lightChanges (cases_case)'
    if s.startswith('update cases_case'): return 'update cases_case'
    return s[:60]
lines = open(log, errors='replace').read().split('\n')
for i, line in enumerate(lines):
    if ('mark: ' + start) in line: inside = True
    if ('mark: ' + end) in line: inside = False
    if not inside: continue
    m = head.match(line)
    if not m or m.group(3) != database: continue
    sql = m.group(7)
    j = i + 1
    while j < len(lines) and not re.match(r'^\d{4}-\d\d-\d\d ', lines[j]) and j < i + 3:
        sql += ' ' + lines[j]; j += 1
    k = kind(sql)
    ms = float(m.group(4)); phase = m.group(5)
    t = tot[k]; t[0] += ms
    t[{'parse': 2, 'bind': 3, 'execute': 4}[phase]] += ms
    if phase == 'execute': t[1] += 1
print(f"{'statement':44s} {'total ms':>9s} {'execs':>6s} {'parse':>8s} {'bind':>8s} {'execute':>9s}")
for k, t in sorted(tot.items(), key=lambda kv: -kv[1][0]):
    print(f"{k[:44]:44s} {t[0]:9.1f} {t[1]:6d} {t[2]:8.1f} {t[3]:8.1f} {t[4]:9.1f}")
print(f"{'all':44s} {sum(t[0] for t in tot.values()):9.1f}")
