#!/usr/bin/env python3
"""parse-test262.py — measures the front end against test262.

Usage: tools/parse-test262.py PARSECHECK [TEST262_DIR] [--show N] [--filter SUBSTR]

Parses every test in test/language, test/built-ins and test/annexB according
to its front matter (module flag -> module goal; onlyStrict -> strict;
noStrict/raw -> sloppy; otherwise both) and reports how many negative
parse-phase tests are rejected and how many other tests are accepted.
Tests using features that are not part of ES2025 are counted separately.
"""
import os, re, subprocess, sys, collections

# Proposals test262 already covers that are not in ES2025.
NON_ES2025 = {
    'decorators', 'source-phase-imports', 'source-phase-imports-module-source',
    'import-defer', 'explicit-resource-management', 'Temporal', 'ShadowRealm',
    'json-parse-with-source', 'Atomics.pause', 'Math.sumPrecise', 'uint8array-base64',
    'upsert', 'iterator-sequencing', 'canonical-tz', 'Error.isError', 'immutable-arraybuffer',
    'nonextensible-applies-to-private', 'import-text', 'legacy-regexp',
}

def main():
    args = sys.argv[1:]
    show = 20
    filt = None
    if '--show' in args:
        i = args.index('--show'); show = int(args[i + 1]); del args[i:i + 2]
    if '--filter' in args:
        i = args.index('--filter'); filt = args[i + 1]; del args[i:i + 2]
    pc = args[0]
    root = args[1] if len(args) > 1 else '/tmp/t262/test262'
    jobs = []  # (flags, path, expect_error, skipped_feature)
    for sub in ('test/language', 'test/built-ins', 'test/annexB'):
        for dp, dn, fn in os.walk(os.path.join(root, sub)):
            for f in fn:
                if not f.endswith('.js') or '_FIXTURE' in f:
                    continue
                path = os.path.join(dp, f)
                if filt and filt not in path:
                    continue
                with open(path, encoding='utf-8', errors='surrogateescape') as fh:
                    src = fh.read()
                m = re.search(r'/\*---(.*?)---\*/', src, re.S)
                meta = m.group(1) if m else ''
                flags = re.search(r'flags:\s*\[(.*?)\]', meta)
                flags = [x.strip() for x in flags.group(1).split(',')] if flags else []
                feats = re.search(r'features:\s*\[(.*?)\]', meta, re.S)
                feats = [x.strip() for x in feats.group(1).split(',')] if feats else []
                if not feats:
                    fm = re.search(r'features:\s*\n((?:\s+-\s*.*\n)+)', meta)
                    if fm:
                        feats = [l.strip()[1:].strip() for l in fm.group(1).splitlines()]
                neg = re.search(r'negative:\s*\n\s*phase:\s*(\w+)', meta)
                expect_err = bool(neg and neg.group(1) in ('parse', 'early'))
                skip = any(x in NON_ES2025 for x in feats)
                if 'module' in flags:
                    modes = ['m']
                elif 'onlyStrict' in flags:
                    modes = ['s']
                elif 'noStrict' in flags or 'raw' in flags:
                    modes = ['-']
                else:
                    modes = ['-', 's']
                for md in modes:
                    jobs.append((md, path, expect_err, skip))
    inp = ''.join('%s %s\n' % (md, p) for md, p, _, _ in jobs)
    out = subprocess.run([pc, '--batch'], input=inp, capture_output=True, text=True,
                         errors='replace').stdout.splitlines()
    if len(out) != len(jobs):
        print('parsecheck died after %d of %d jobs (last: %s)' % (len(out), len(jobs),
              jobs[len(out)][1] if len(out) < len(jobs) else '?'))
    stats = collections.Counter()
    fails = collections.defaultdict(list)
    for (md, path, expect_err, skip), line in zip(jobs, out):
        ok = line.startswith('OK ')
        msg = line.split(' ', 3)[3] if not ok and line.count(' ') >= 3 else ''
        cat = ('skip-' if skip else '') + ('neg' if expect_err else 'pos')
        stats[cat + '-total'] += 1
        good = (not ok) if expect_err else ok
        if good:
            stats[cat + '-good'] += 1
        elif not skip:
            fails[cat].append((path.replace(root + '/', ''), md, msg))
    for cat in ('neg', 'pos', 'skip-neg', 'skip-pos'):
        t = stats[cat + '-total']
        g = stats[cat + '-good']
        if t:
            print('%-9s %6d / %6d  (%.2f%%)' % (cat, g, t, 100.0 * g / t))
    for cat in ('neg', 'pos'):
        print('--- %s failures: %d' % (cat, len(fails[cat])))
        for p, md, msg in fails[cat][:show]:
            print('  [%s] %s  %s' % (md, p, msg))

main()
