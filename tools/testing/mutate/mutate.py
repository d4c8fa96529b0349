#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Mutation testing of driver/common against the unit tests.

Each mutant is one small change to one driver/common file that the unit
tests compile (tools/testing/unit/Makefile, *_SRCS).  A mutant the tests
do not notice ("survived") marks behaviour no test pins down.

Nothing in the real tree is edited: the tree is copied into
build/mutate/tree (one copy per worker), a mutant is written into the
copy, and restored after.  The objects of the unmutated sources are built
once; a mutant costs one compile and a link per test that compiles the
file, not the unit Makefile's full rebuild of every test (about 3 s instead
of 20 s per vtnic_iov.c mutant here).

Mutant ids are FILE:LINE:KIND:N, N counting that kind on that line in
text order: the same tree always gives the same sorted list.
"""

import argparse
import concurrent.futures
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time

TOP = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', '..'))
HERE = os.path.join(TOP, 'tools', 'testing', 'mutate')
COMMON = 'driver/common'

# ---------------------------------------------------------------- lexing

# Comments, strings and preprocessor lines are tokens of their own so that
# they can be skipped as a whole; a directive runs to the end of its line
# and over its backslash continuations.
TOKEN_RE = re.compile(r'''
    (?P<comment>/\*.*?\*/|//[^\n]*)
  | (?P<string>"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*')
  | (?P<pp>^[ \t]*\#(?:\\\n|[^\n])*)
  | (?P<num>\b(?:0[xX][0-9a-fA-F]+|[0-9]+)[uUlL]*\b)
  | (?P<ident>[A-Za-z_]\w*)
  | (?P<op><<=|>>=|->|\+\+|--|<<|>>|<=|>=|==|!=|&&|\|\||[-+*/%&|^]=
           |[-+*/%&|^!~<>=?:;,.(){}\[\]])
  | (?P<ws>[ \t\r\f\v]+|\n)
''', re.S | re.M | re.X)

# Arguments of these are compile-time checks, not behaviour
ASSERTS = {'static_assert', '_Static_assert', 'BUILD_BUG_ON',
           'BUILD_BUG_ON_MSG', 'BUILD_BUG_ON_ZERO'}


class Tok:
    __slots__ = ('kind', 'text', 'start', 'end', 'line')

    def __init__(self, kind, text, start, end, line):
        self.kind, self.text, self.start, self.end, self.line = \
            kind, text, start, end, line


def lex(src):
    """The code tokens of @src: no comments, strings, directives, blanks."""
    toks = []
    line = 1
    pos = 0
    while pos < len(src):
        m = TOKEN_RE.match(src, pos)
        if not m:
            raise SystemExit('mutate: cannot lex %r at line %d' %
                             (src[pos:pos + 20], line))
        kind = m.lastgroup
        if kind in ('num', 'ident', 'op'):
            toks.append(Tok(kind, m.group(), m.start(), m.end(), line))
        line += m.group().count('\n')
        pos = m.end()
    # Drop what static_assert() and friends enclose
    out = []
    i = 0
    while i < len(toks):
        if (toks[i].text in ASSERTS and i + 1 < len(toks) and
                toks[i + 1].text == '('):
            depth = 0
            for j in range(i + 1, len(toks)):
                depth += {'(': 1, ')': -1}.get(toks[j].text, 0)
                if depth == 0:
                    break
            i = j + 1
            continue
        out.append(toks[i])
        i += 1
    return out


def match_brackets(toks):
    """Index of the partner of every (, ), [, ], { and }."""
    pair = {}
    stack = []
    for i, t in enumerate(toks):
        if t.text in '([{' and t.kind == 'op':
            stack.append(i)
        elif t.text in ')]}' and t.kind == 'op' and stack:
            j = stack.pop()
            pair[i], pair[j] = j, i
    return pair

# ------------------------------------------------------------- mutators

FLIP = {'<': '<=', '<=': '<', '>': '>=', '>=': '>', '==': '!=', '!=': '=='}
CAPS_RE = re.compile(r'^[A-Z][A-Z0-9_]*$')
# Register writers: the accessor, the MAC hooks reached through ops, and
# the helpers that program one table or filter
WRITE_RE = re.compile(r'^(vtnic_hw_wr32|vtnic_hw_table_bit|_*vtnic_\w*write\w*'
                      r'|vtnic_\w*_clear_causes)$')
OPS_WRITE_RE = re.compile(r'^(set_\w+|clear_\w+|enable|disable|pf_reset_done)$')
# Locks, and the mailbox buffer's own lock and release
LOCK_RE = re.compile(r'^(?!lockdep)\w*?(^|_)(un)?lock(_irq|_irqsave|_irqrestore|_bh)?$'
                     r'|^vtnic_mbx_\w*_release$')
# The mailbox budget of vtnic_iov.c: calls whose statements are dropped,
# calls replaced by "there is budget", and the credit fields charged
BUDGET_DROP = {'vtnic_vf_mbx_charge', 'vtnic_vf_mbx_refill',
               'vtnic_iov_wait_refill'}
BUDGET_ALWAYS = {'vtnic_vf_mbx_take': '1 || ', 'vtnic_vf_mbx_wait': '0 && '}
BUDGET_FIELDS = {'credit', 'wait_credit_us'}
BOUND_FUNCS = {'min', 'max', 'min_t', 'max_t', 'clamp', 'clamp_t'}
MASK_FUNCS = {'BIT', 'BIT_ULL'}
GENMASK_FUNCS = {'GENMASK', 'GENMASK_ULL'}
FIELD_FUNCS = {'FIELD_GET', 'FIELD_PREP'}


class Mutant:
    def __init__(self, path, line, kind, start, end, repl):
        self.path = path            # driver/common/x.c
        self.file = os.path.basename(path)
        self.line, self.kind = line, kind
        self.start, self.end, self.repl = start, end, repl
        self.n = 0
        self.id = None

    def apply(self, src):
        return src[:self.start] + self.repl + src[self.end:]

    def mutated_line(self, src):
        """The first line the mutant changes, as it reads mutated."""
        new = self.apply(src)
        lines = new.split('\n')
        return lines[self.line - 1].strip() if self.line <= len(lines) else ''


def operand_end(toks, pair, i):
    """Last token of the constant operand starting at @i, or None."""
    t = toks[i]
    if t.kind == 'num':
        return i
    if t.kind == 'ident' and CAPS_RE.match(t.text) and t.text != 'NULL':
        if i + 1 < len(toks) and toks[i + 1].text == '(':
            return pair.get(i + 1)
        return i
    return None


def operand_start(toks, pair, i):
    """First token of the constant operand ending at @i, or None."""
    t = toks[i]
    if t.text == ')' and i in pair and pair[i] > 0:
        j = pair[i] - 1
        if toks[j].kind == 'ident' and CAPS_RE.match(toks[j].text):
            return j
        return None
    if t.kind == 'num':
        return i
    if t.kind == 'ident' and CAPS_RE.match(t.text) and t.text != 'NULL':
        return i
    return None


def off_by_one(src, toks, a, b):
    """Replacements of the constant toks[a..b]: one more and one less."""
    text = src[toks[a].start:toks[b].end]
    if a == b and toks[a].kind == 'num':
        m = re.match(r'^(0[xX][0-9a-fA-F]+|[0-9]+)([uUlL]*)$', text)
        digits, suffix = m.groups()
        v = int(digits, 16) if digits[:2] in ('0x', '0X') else int(digits, 10)
        fmt = (lambda x: '%#x' % x) if digits[:2] in ('0x', '0X') else str
        out = [fmt(v + 1) + suffix]
        if v > 0:
            out.append(fmt(v - 1) + suffix)
        return out
    return ['(%s + 1)' % text, '(%s - 1)' % text]


def stmt_start(toks, pair, i):
    """Does the expression starting at token @i start a statement?"""
    if i == 0:
        return False
    p = toks[i - 1]
    if p.text in (';', '{', '}', 'else'):
        return True
    if p.text == ')' and (i - 1) in pair:
        o = pair[i - 1]
        return o > 0 and toks[o - 1].text in ('if', 'for', 'while')
    return False


def chain_start(toks, i):
    """Start of the a->b.c chain whose last identifier is toks[i]."""
    while i >= 2 and toks[i - 1].text in ('->', '.') and toks[i - 2].kind == 'ident':
        i -= 2
    return i


def stmt_end(toks, pair, i):
    """The ; ending the statement that starts at @i, at bracket depth 0."""
    j = i
    while j < len(toks):
        t = toks[j].text
        if t in ('(', '[', '{') and j in pair:
            j = pair[j] + 1
            continue
        if t == ';':
            return j
        if t == '}':
            return None
        j += 1
    return None


def drop(path, src, toks, kind, a, semi):
    # if (0) keeps every use of the statement's variables and functions,
    # so -Werror does not make the mutant stillborn over an unused one;
    # the braces keep an else after it with its own if.
    text = src[toks[a].start:toks[semi].end]
    return Mutant(path, toks[a].line, kind, toks[a].start, toks[semi].end,
                  '{ if (0) %s }' % text)


def wrap_call(path, src, toks, pair, kind, i, prefix):
    """Call at toks[i] replaced by (prefix call): not evaluated at all."""
    close = pair.get(i + 1)
    text = src[toks[i].start:toks[close].end]
    return Mutant(path, toks[i].line, kind, toks[i].start, toks[close].end,
                  '(%s%s)' % (prefix, text))


def mutants_of(path, src):
    toks = lex(src)
    pair = match_brackets(toks)
    out = []
    n = len(toks)

    # Only function bodies: declarations look like calls, and tables of
    # constants are not code the tests run
    body = [False] * n
    i = 0
    while i < n:
        if toks[i].text == '{' and i > 0 and toks[i - 1].text == ')' and i in pair:
            for j in range(i + 1, pair[i]):
                body[j] = True
            i = pair[i]
        i += 1

    for i, t in enumerate(toks):
        if not body[i]:
            continue
        nxt = toks[i + 1] if i + 1 < n else None
        prv = toks[i - 1] if i > 0 else None

        # relop: the boundary and the sense of every comparison
        if t.kind == 'op' and t.text in FLIP:
            out.append(Mutant(path, t.line, 'relop', t.start, t.end, FLIP[t.text]))
            # const: the constant it compares against, one off
            if nxt:
                e = operand_end(toks, pair, i + 1)
                if e is not None:
                    for r in off_by_one(src, toks, i + 1, e):
                        out.append(Mutant(path, toks[i + 1].line, 'const',
                                          toks[i + 1].start, toks[e].end, r))
            if prv:
                s = operand_start(toks, pair, i - 1)
                if s is not None and (s == 0 or toks[s - 1].text not in
                                      ('->', '.', '*', '/', '%', '<<', '>>')):
                    for r in off_by_one(src, toks, s, i - 1):
                        out.append(Mutant(path, toks[s].line, 'const',
                                          toks[s].start, toks[i - 1].end, r))

        if t.kind != 'ident':
            # mask: narrow a mask that is ANDed or ORed in by its lowest bit
            if (t.text in ('&', '|', '&=', '|=') and prv and nxt and
                    (t.text.endswith('=') or prv.kind in ('ident', 'num') or
                     prv.text in (')', ']'))):
                e = operand_end(toks, pair, i + 1)
                # BIT(), GENMASK() and FIELD_*() have mutations of their own
                if e is not None and toks[i + 1].text not in (
                        MASK_FUNCS | GENMASK_FUNCS | FIELD_FUNCS) and \
                        (toks[i + 1].kind != 'num' or
                         toks[i + 1].text[:2] in ('0x', '0X')):
                    x = src[toks[i + 1].start:toks[e].end]
                    out.append(Mutant(path, toks[i + 1].line, 'mask',
                                      toks[i + 1].start, toks[e].end,
                                      '((%s) & ((%s) - 1))' % (x, x)))
            continue

        call = nxt is not None and nxt.text == '(' and (i + 1) in pair
        if call:
            close = pair[i + 1]
            args = split_args(toks, pair, i + 2, close)
        # const: the bounds of min(), max() and clamp()
        if call and t.text in BOUND_FUNCS:
            for a, b in args:
                if a == b or operand_end(toks, pair, a) == b:
                    if operand_end(toks, pair, a) is not None:
                        for r in off_by_one(src, toks, a, b):
                            out.append(Mutant(path, toks[a].line, 'const',
                                              toks[a].start, toks[b].end, r))

        # mask: a bit moved, a field narrowed at either end
        if call and t.text in MASK_FUNCS and len(args) == 1:
            a, b = args[0]
            x = src[toks[a].start:toks[b].end]
            out.append(Mutant(path, t.line, 'mask', toks[a].start, toks[b].end,
                              '(%s) + 1' % x))
        if call and t.text in GENMASK_FUNCS and len(args) == 2:
            (ha, hb), (la, lb) = args
            h = src[toks[ha].start:toks[hb].end]
            lo = src[toks[la].start:toks[lb].end]
            if h != lo:
                out.append(Mutant(path, t.line, 'mask', toks[ha].start,
                                  toks[hb].end, '(%s) - 1' % h))
                out.append(Mutant(path, t.line, 'mask', toks[la].start,
                                  toks[lb].end, '(%s) + 1' % lo))
        if call and t.text in FIELD_FUNCS and len(args) == 2:
            a, b = args[0]
            if operand_end(toks, pair, a) == b:
                x = src[toks[a].start:toks[b].end]
                out.append(Mutant(path, t.line, 'mask', toks[a].start,
                                  toks[b].end, '((%s) & ((%s) - 1))' % (x, x)))

        # bool: a boolean return, and every if's condition, inverted
        if (t.text == 'return' and nxt and nxt.text in ('true', 'false') and
                i + 2 < n and toks[i + 2].text == ';'):
            out.append(Mutant(path, nxt.line, 'bool', nxt.start, nxt.end,
                              'false' if nxt.text == 'true' else 'true'))
        if t.text == 'if' and call:
            # From the source between the parentheses, not from tokens:
            # a condition may end in a character literal, which lex() drops
            a, b = toks[i + 1].end, toks[close].start
            out.append(Mutant(path, t.line, 'bool', a, b, '!(%s)' % src[a:b]))

        if not call:
            # budget: a charge to the credit fields, dropped
            if (t.text in BUDGET_FIELDS and nxt and nxt.text == '-=' and
                    prv and prv.text in ('->', '.')):
                a = chain_start(toks, i)
                semi = stmt_end(toks, pair, a)
                if stmt_start(toks, pair, a) and semi is not None:
                    out.append(drop(path, src, toks, 'budget', a, semi))
            continue

        a = chain_start(toks, i)
        whole = stmt_start(toks, pair, a) and close + 1 < n and \
            toks[close + 1].text == ';'
        is_ops = a < i and any(x.text == 'ops' for x in toks[a:i])
        # wr32: a register write that never happens
        if whole and ((a == i and WRITE_RE.match(t.text)) or
                      (is_ops and OPS_WRITE_RE.match(t.text))):
            out.append(drop(path, src, toks, 'wr32', a, close + 1))
        # lock: a lock or unlock that never happens; a lock whose result
        # is used (err = ..._lock()) reports success without locking
        if a == i and LOCK_RE.match(t.text):
            if whole:
                out.append(drop(path, src, toks, 'lock', a, close + 1))
            elif prv and prv.text == '=':
                out.append(wrap_call(path, src, toks, pair, 'lock', i, '0 && '))
        # budget: a charge or refill dropped, a check that always passes
        if a == i and t.text in BUDGET_DROP and whole:
            out.append(drop(path, src, toks, 'budget', a, close + 1))
        if a == i and t.text in BUDGET_ALWAYS and not whole:
            out.append(wrap_call(path, src, toks, pair, 'budget', i,
                                 BUDGET_ALWAYS[t.text]))

    # Stable ids: text order within (line, kind)
    out.sort(key=lambda m: (m.line, m.kind, m.start, m.end, m.repl))
    seen = {}
    for m in out:
        key = (m.line, m.kind)
        m.n = seen.get(key, 0)
        seen[key] = m.n + 1
        m.id = '%s:%d:%s:%d' % (m.file, m.line, m.kind, m.n)
    return out


def split_args(toks, pair, a, close):
    """(first, last) token of each argument between a and close."""
    args = []
    s = a
    j = a
    while j < close:
        t = toks[j].text
        if t in ('(', '[', '{') and j in pair:
            j = pair[j] + 1
            continue
        if t == ',':
            if j > s:
                args.append((s, j - 1))
            s = j + 1
        j += 1
    if close > s:
        args.append((s, close - 1))
    return args

# ------------------------------------------------------------ building


def make_vars(dirname, target):
    """The variables vars.mk prints, read from the Makefile in @dirname."""
    res = subprocess.run(['make', '-s', '-C', dirname, '-f', 'Makefile', '-f',
                          os.path.join(HERE, 'vars.mk'), target],
                         capture_output=True, text=True, check=True)
    return [line.split() for line in res.stdout.splitlines() if line.strip()]


def run(cmd, cwd, timeout=None, env=None):
    """(returncode, output); returncode None after a timeout."""
    # A session of its own: a timeout kills the test and all it started
    p = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, start_new_session=True,
                         env=env)
    try:
        out, _ = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        p.communicate()
        return None, ''
    return p.returncode, out.decode(errors='replace')


def obj_name(src):
    return os.path.normpath(src).replace('../', '').replace('/', '_') + '.o'


class Builder:
    """The unit tests from objects: base objects shared, one mutated."""

    def __init__(self, out, tests, cc, cflags, ldlibs):
        self.out, self.tests = out, tests
        self.cc, self.cflags, self.ldlibs = cc, cflags, ldlibs
        self.base = os.path.join(out, 'unit', 'base')
        self.test_time = {}

    def unit_dir(self, tree):
        return os.path.join(tree, 'tools', 'testing', 'unit')

    def compile(self, tree, src, obj):
        return run([self.cc] + self.cflags + ['-c', src, '-o', obj],
                   self.unit_dir(tree))

    def link(self, tree, test, objs, binary):
        return run([self.cc] + self.cflags + ['-o', binary] + objs +
                   self.ldlibs, self.unit_dir(tree))

    def objs(self, test, mutated=None, obj=None):
        return [obj if s == mutated else
                os.path.join(self.base, obj_name(s)) for s in self.tests[test]]

    def build_base(self, tree, jobs):
        os.makedirs(self.base, exist_ok=True)
        srcs = sorted({s for ss in self.tests.values() for s in ss})
        with concurrent.futures.ThreadPoolExecutor(jobs) as ex:
            res = list(ex.map(lambda s: (s, self.compile(
                tree, s, os.path.join(self.base, obj_name(s)))), srcs))
        for s, (rc, out) in res:
            if rc != 0:
                raise SystemExit('mutate: %s does not build unmutated:\n%s' %
                                 (s, out))
        for t in self.tests:
            b = os.path.join(self.base, t)
            rc, out = self.link(tree, t, self.objs(t), b)
            if rc != 0:
                raise SystemExit('mutate: %s does not link:\n%s' % (t, out))
            t0 = time.monotonic()
            rc, out = run([b], self.unit_dir(tree), timeout=300)
            self.test_time[t] = time.monotonic() - t0
            # Every mutant would be "killed" by a test that fails anyway
            if rc != 0:
                raise SystemExit('mutate: %s fails unmutated:\n%s' % (t, out))

    def tests_of(self, src):
        """The tests that compile @src, the quickest first: they kill sooner."""
        return sorted((t for t, ss in self.tests.items() if src in ss),
                      key=lambda t: (self.test_time.get(t, 0), t))

# ------------------------------------------------------------- running


class Worker:
    """One private copy of the tree, and the objects built from it."""

    def __init__(self, idx, args, builder, fuzz_srcs):
        self.args, self.builder, self.fuzz_srcs = args, builder, fuzz_srcs
        name = 'tree' if idx == 0 else 'tree.%d' % idx
        self.tree = os.path.join(args.out, name)
        self.dir = os.path.join(args.out, 'unit', 'w%d' % idx)
        self.fuzz_out = os.path.join(args.out, 'fuzz', 'w%d' % idx)
        os.makedirs(self.dir, exist_ok=True)

    def test(self, m, src):
        """Classify @m: (status, detail)."""
        path = os.path.join(self.tree, m.path)
        with open(path, 'w') as f:
            f.write(m.apply(src))
        try:
            return self._test(m)
        finally:
            with open(path, 'w') as f:
                f.write(src)

    def _test(self, m):
        b = self.builder
        rel = os.path.join('..', '..', '..', m.path)
        obj = os.path.join(self.dir, obj_name(rel))
        rc, out = b.compile(self.tree, rel, obj)
        if rc != 0:
            err = next((ln for ln in out.splitlines() if 'error' in ln), '')
            return 'stillborn', err.strip()
        for t in b.tests_of(rel):
            binary = os.path.join(self.dir, t)
            rc, out = b.link(self.tree, t, b.objs(t, rel, obj), binary)
            if rc != 0:
                return 'stillborn', 'link %s' % t
            timeout = max(self.args.timeout, 10 * b.test_time.get(t, 1))
            rc, out = run([binary], b.unit_dir(self.tree), timeout=timeout)
            if rc is None:
                return 'timeout', t
            if rc != 0:
                return 'killed', t
        if self.args.fuzz and rel in self.fuzz_srcs:
            return self._fuzz()
        return 'survived', ''

    def _fuzz(self):
        fdir = os.path.join(self.tree, 'tools', 'testing', 'fuzz')
        make = ['make', '-s', '-C', fdir, 'OUT=' + self.fuzz_out]
        rc, out = run(make + ['all'], fdir)
        if rc != 0:
            # clang warns where gcc did not: still a mutant the tests missed
            return 'survived', 'fuzz target does not build'
        rc, out = run(make + ['check', 'CHECK_TIME=%d' % self.args.fuzz],
                      fdir, timeout=self.args.fuzz + 120)
        if rc is None:
            return 'timeout', 'fuzz'
        if rc != 0:
            return 'killed', 'fuzz'
        return 'survived', ''


def copy_tree(dst):
    shutil.rmtree(dst, ignore_errors=True)
    shutil.copytree(TOP, dst, symlinks=True,
                    ignore=lambda d, names: [n for n in names if
                                             d == TOP and n in ('build', '.git')])


def read_equivalent(path):
    eq = {}
    if not os.path.exists(path):
        return eq
    with open(path) as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith('#'):
                continue
            mid, _, reason = line.partition(' ')
            eq[mid] = reason.strip()
    return eq


def sample(muts, n):
    """n mutants spread evenly over the sorted list: always the same ones."""
    if not n or n >= len(muts):
        return muts
    return [muts[i * len(muts) // n] for i in range(n)]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--files', default=os.environ.get('MUTATE_FILES', ''),
                    help='driver/common files to mutate (default: all the unit tests compile)')
    ap.add_argument('--sample', type=int,
                    default=int(os.environ.get('MUTATE_SAMPLE') or 0),
                    help='run N mutants spread evenly over the list')
    ap.add_argument('-j', '--jobs', type=int, default=1)
    ap.add_argument('--fuzz', type=int, default=0, metavar='SECONDS',
                    help='fuzz each unit-test survivor from the seed corpus')
    ap.add_argument('--timeout', type=float, default=20,
                    help='seconds a test may run at least (else 10x its normal time)')
    ap.add_argument('--ids', nargs='*', default=[],
                    help='run only these mutants: ids, or FILE:KIND:TEXT for '
                    'the one of KIND on the line holding TEXT')
    ap.add_argument('--list', action='store_true',
                    help='print the mutants and exit')
    ap.add_argument('--check', action='store_true',
                    help='fail if a mutant not listed as equivalent survives')
    ap.add_argument('--expect-killed', nargs='*', default=[], metavar='ID',
                    help='fail unless these ids are killed (tests the tool)')
    ap.add_argument('--expect-survived', nargs='*', default=[], metavar='ID',
                    help='fail unless these ids survive (tests the tool)')
    ap.add_argument('--equivalent', default=os.path.join(HERE, 'equivalent.txt'))
    ap.add_argument('--out', default=os.path.join(TOP, 'build', 'mutate'))
    ap.add_argument('--report', default=None,
                    help='default: OUT/report.txt')
    args = ap.parse_args()
    args.out = os.path.abspath(args.out)
    report_path = args.report or os.path.join(args.out, 'report.txt')

    unit = make_vars(os.path.join(TOP, 'tools', 'testing', 'unit'), 'mutate-vars')
    cc = next(v[1:] for v in unit if v[0] == 'cc')
    cflags = next(v[1:] for v in unit if v[0] == 'cflags')
    ldlibs = next(v[1:] for v in unit if v[0] == 'ldlibs')
    tests = {v[1]: v[2:] for v in unit if v[0] == 'test'}
    fuzz = make_vars(os.path.join(TOP, 'tools', 'testing', 'fuzz'), 'mutate-fuzz-vars')
    fuzz_srcs = set(fuzz[0][1:]) if fuzz else set()

    prefix = os.path.join('..', '..', '..', COMMON) + '/'
    srcs = sorted({s[len(prefix):] for ss in tests.values() for s in ss
                   if s.startswith(prefix)})
    if args.files:
        want = [os.path.basename(f) for f in args.files.replace(',', ' ').split()]
        bad = [f for f in want if f not in srcs]
        if bad:
            raise SystemExit('mutate: no unit test compiles %s (they compile: %s)'
                             % (' '.join(bad), ' '.join(srcs)))
        srcs = [s for s in srcs if s in want]

    text = {}
    muts = []
    for s in srcs:
        path = os.path.join(COMMON, s)
        with open(os.path.join(TOP, path)) as f:
            text[path] = f.read()
        muts += mutants_of(path, text[path])
    muts.sort(key=lambda m: (m.file, m.line, m.kind, m.n))
    total = len(muts)
    byid = {m.id: m for m in muts}

    eq = read_equivalent(args.equivalent)

    def resolve(sel):
        # FILE:KIND:TEXT names the one mutant of that kind on the line that
        # holds TEXT: unlike FILE:LINE:KIND:N it survives edits above it
        if sel in byid:
            return sel
        f, _, rest = sel.partition(':')
        kind, _, needle = rest.partition(':')
        hits = [m.id for m in byid.values() if m.file == f and m.kind == kind
                and needle and needle in
                text[m.path].split('\n')[m.line - 1]]
        if len(hits) != 1:
            raise SystemExit('mutate: %s names %s' % (
                sel, 'no mutant' if not hits else ' '.join(hits)))
        return hits[0]

    args.ids = [resolve(i) for i in args.ids]
    args.expect_killed = [resolve(i) for i in args.expect_killed]
    args.expect_survived = [resolve(i) for i in args.expect_survived]
    if args.ids:
        muts = [byid[i] for i in args.ids]
    else:
        muts = sample(muts, args.sample)
    # The canaries run in any case, after the sample
    muts += [byid[i] for i in args.expect_killed + args.expect_survived
             if byid[i] not in muts]

    if args.list:
        for m in muts:
            print('%s\t%s' % (m.id, m.mutated_line(text[m.path])))
        return 0

    os.makedirs(args.out, exist_ok=True)
    t0 = time.monotonic()
    jobs = max(1, args.jobs)
    builder = Builder(args.out, tests, cc[0], cflags, ldlibs)
    workers = []
    for w in range(jobs):
        workers.append(Worker(w, args, builder, fuzz_srcs))
        copy_tree(workers[-1].tree)
    print('mutate: %d mutants of %d in %s; building the unmutated tests'
          % (len(muts), total, ' '.join(srcs)), flush=True)
    builder.build_base(workers[0].tree, jobs)
    if args.fuzz:
        # A fuzz target that fails unmutated would "kill" every mutant
        status, _ = workers[0]._fuzz()
        if status != 'survived':
            raise SystemExit('mutate: the fuzz target fails unmutated: %s'
                             % workers[0].fuzz_out)

    results = {}
    lock = threading.Lock()
    free = list(workers)
    done = [0]

    def one(m):
        with lock:
            w = free.pop()
        try:
            status, detail = w.test(m, text[m.path])
        finally:
            with lock:
                free.append(w)
        with lock:
            results[m.id] = (status, detail)
            done[0] += 1
            print('[%d/%d] %s %s%s' % (done[0], len(muts), m.id, status,
                                       ' (%s)' % detail if detail else ''),
                  flush=True)

    with concurrent.futures.ThreadPoolExecutor(jobs) as ex:
        for f in [ex.submit(one, m) for m in muts]:
            f.result()
    elapsed = time.monotonic() - t0

    rc = report(args, muts, results, text, eq, total, srcs, elapsed,
                report_path)
    for i in args.expect_killed:
        if results[i][0] not in ('killed', 'timeout'):
            print('mutate: %s: expected killed, %s' % (i, results[i][0]))
            rc = 1
    for i in args.expect_survived:
        if results[i][0] != 'survived':
            print('mutate: %s: expected to survive, %s' % (i, results[i][0]))
            rc = 1
    return rc


def report(args, muts, results, text, eq, total, srcs, elapsed, path):
    canary = set(args.expect_killed + args.expect_survived) - set(args.ids)
    counted = [m for m in muts if m.id not in canary]
    count = {k: 0 for k in ('killed', 'timeout', 'survived', 'stillborn',
                            'equivalent')}
    survivors, wrong_eq = [], []
    per_file = {}
    for m in counted:
        status = results[m.id][0]
        if m.id in eq:
            if status == 'survived':
                status = 'equivalent'
            elif status in ('killed', 'timeout'):
                wrong_eq.append(m)
        count[status] += 1
        pf = per_file.setdefault(m.file, {'killed': 0, 'survived': 0, 'all': 0})
        pf['all'] += 1
        if status in ('killed', 'timeout'):
            pf['killed'] += 1
        elif status == 'survived':
            pf['survived'] += 1
            survivors.append(m)
    killed = count['killed'] + count['timeout']
    live = killed + count['survived']
    rate = 100.0 * killed / live if live else 100.0
    lines = [
        'vtnic mutation testing: driver/common against the unit tests%s'
        % (' and %d s of fuzzing' % args.fuzz if args.fuzz else ''),
        'files: %s' % ' '.join(srcs),
        'mutants: %d generated, %d run%s' %
        (total, len(counted), ' (sample of %d)' % args.sample
         if args.sample and not args.ids else ''),
        'killed %d (timeouts %d%s), survived %d, stillborn %d, equivalent %d'
        % (killed, count['timeout'],
           ', by the fuzz target %d' % sum(results[m.id][1] == 'fuzz'
                                           for m in counted)
           if args.fuzz else '',
           count['survived'], count['stillborn'], count['equivalent']),
        'kill rate: %d/%d = %.1f%% (stillborn and equivalent left out)'
        % (killed, live, rate),
        'time: %.0f s, -j %d' % (elapsed, args.jobs),
        '',
        'per file (killed/killed+survived):',
    ]
    for f in sorted(per_file):
        pf = per_file[f]
        lv = pf['killed'] + pf['survived']
        lines.append('  %-22s %4d/%-4d %5.1f%%  (%d run)' %
                     (f, pf['killed'], lv, 100.0 * pf['killed'] / lv if lv
                      else 100.0, pf['all']))
    lines += ['', 'survivors (%d):' % len(survivors)]
    for m in survivors:
        lines.append('%s:%d: %s: %s  [%s]' % (m.path, m.line, m.kind,
                                            m.mutated_line(text[m.path]), m.id))
    if wrong_eq:
        lines += ['', 'listed as equivalent but killed (fix equivalent.txt):']
        lines += ['  %s (%s)' % (m.id, results[m.id][1]) for m in wrong_eq]
    stale = sorted(set(eq) - {m.id for m in muts})
    if stale and not args.sample and not args.ids and not args.files:
        lines += ['', 'equivalent.txt ids that name no mutant (stale):']
        lines += ['  ' + i for i in stale]
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w') as f:
        f.write('\n'.join(lines) + '\n')
    print('\n'.join(lines))
    print('report: %s' % path)
    if args.check and (survivors or wrong_eq):
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
