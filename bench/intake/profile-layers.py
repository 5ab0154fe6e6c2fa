#!/usr/bin/env python3
"""profile-layers.py <print-output> <thread-regex> [from HH:MM:SS] [to]: request-thread samples attributed to the deepest layer marker
(<print-output> from `jfr print --events jdk.ExecutionSample --stack-depth 400 <file>`; DETAIL=n frames per layer)"""
import sys, re, collections
sys.argv += [None] * (5 - len(sys.argv))
path, tre, t0, t1 = sys.argv[1], re.compile(sys.argv[2]), sys.argv[3], sys.argv[4]
MARKERS = [
    ('tomcat', 'org.apache.coyote.http11.Http11Processor.service'),
    ('observation filter', 'org.springframework.web.filter.ServerHttpObservationFilter.doFilterInternal'),
    ('security chain', 'org.springframework.security.web.FilterChainProxy.doFilter'),
    ('token check', 'io.grassroots.identity.ApiTokenCheck.authenticate'),
    ('dispatcher', 'org.springframework.web.servlet.DispatcherServlet.doDispatch'),
    ('handler mapping', 'org.springframework.web.servlet.DispatcherServlet.getHandler'),
    ('interceptors pre', 'org.springframework.web.servlet.HandlerExecutionChain.applyPreHandle'),
    ('interceptors post', 'org.springframework.web.servlet.HandlerExecutionChain.applyPostHandle'),
    ('interceptors after', 'org.springframework.web.servlet.HandlerExecutionChain.triggerAfterCompletion'),
    ('adapter', 'org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter.invokeHandlerMethod'),
    ('arguments', 'org.springframework.web.method.support.InvocableHandlerMethod.getMethodArgumentValues'),
    ('body read', 'org.springframework.web.servlet.mvc.method.annotation.AbstractMessageConverterMethodArgumentResolver.readWithMessageConverters'),
    ('header arg', 'org.springframework.web.method.annotation.AbstractNamedValueMethodArgumentResolver.resolveArgument'),
    ('controller', 'io.grassroots.cases.web.CaseApi.report'),
    ('domain (CaseManagement.report)', 'io.grassroots.cases.CaseManagement.report'),
    ('answer write', 'org.springframework.web.method.support.HandlerMethodReturnValueHandlerComposite.handleReturnValue'),
    ('answer converters', 'org.springframework.web.servlet.mvc.method.annotation.AbstractMessageConverterMethodProcessor.writeWithMessageConverters'),
    # POST /api/cases as JSON since cases-33: the fast path's own layers
    ('fast path filter', 'io.grassroots.cases.web.IntakeFastPath.doFilter'),
    ('fast body read', 'io.grassroots.cases.web.IntakeJson.read'),
    ('fast body read', 'io.grassroots.cases.web.IntakeJson.readReport'),
    ('fast answer', 'io.grassroots.cases.web.IntakeJson.write'),
    ('fast answer', 'io.grassroots.cases.web.IntakeJson.summary'),
    ('token filter', 'io.grassroots.identity.ApiTokenFilter.doFilterInternal'),
    ('firewall', 'org.springframework.security.web.firewall.StrictHttpFirewall.getFirewalledRequest'),
    ('security headers', 'org.springframework.security.web.header.HeaderWriterFilter.doFilterInternal'),
    ('authorization', 'org.springframework.security.web.access.intercept.AuthorizationFilter.doFilter'),
]
samples = []; cur = None
for line in open(path, encoding='utf-8', errors='replace'):
    s = line.strip()
    if line.startswith('jdk.ExecutionSample'):
        cur = {'frames': [], 'time': None, 'thread': ''}; samples.append(cur)
    elif cur is not None:
        if s.startswith('startTime ='): cur['time'] = s.split('=')[1].strip()[:8]
        elif s.startswith('sampledThread ='): cur['thread'] = s.split('"')[1]
        elif re.match(r'^[\w$.<>/\[\]]+\(.*\)', s): cur['frames'].append(s.split('(')[0])
sel = [x for x in samples if tre.search(x['thread']) and (t0 is None or x['time'] >= t0) and (t1 is None or x['time'] <= t1)]
c = collections.Counter(); sub = collections.defaultdict(collections.Counter)
for x in sel:
    fr = x['frames']; best = None; bestpos = len(fr) + 1
    for name, m in MARKERS:
        if m in fr:
            pos = fr.index(m)
            if pos < bestpos: best, bestpos = name, pos
    best = best or 'outside (poller, keep-alive read, other)'
    c[best] += 1
    # the frame just below the marker (what the layer itself calls) for detail
    if bestpos <= len(fr) and bestpos > 0:
        for f in set(fr[:bestpos]):
            sub[best][f] += 1
n = len(sel)
import os
DETAIL = int(os.environ.get('DETAIL', '6'))
print(f'{n} samples')
for k, v in c.most_common():
    print(f'{100*v/n:6.1f}%  {k}')
    for f, w in sub[k].most_common(DETAIL):
        print(f'            {100*w/n:5.1f}%  {f}')
# FRAMES="a,b,…": also the share of samples with a frame containing each of these strings anywhere on the stack
for p in filter(None, os.environ.get('FRAMES', '').split(',')):
    k = sum(1 for x in sel if any(p in f for f in x['frames']))
    print(f'{100*k/n:6.2f}%  on the stack: {p}')
