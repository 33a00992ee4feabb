#!/usr/bin/env python3
"""Checks the dependency rules of docs/style.md section 3 by reading the source tree.

  1. src/core never includes a feature.
  2. Domain code of a feature (its CMake DOMAIN sources, their headers, and every header-only file they
     include from the feature) includes only the standard library, core value types, core/time and
     core/auth: no HTTP, database, HTML, web, mail, jobs or i18n. Another feature's code only through a
     public header that is domain code of that feature (a pure library such as budgets' counting rules),
     and only with DEPENDS.
  3. A feature includes another feature only if its CMake DEPENDS names it, and then only that feature's
     public headers (its CMake PUBLIC list).
  4. Page code (*_pages.*, pages.*, routes.*) never includes a store (*_store.h) or core/db.
  5. SQL in a feature never names another feature's tables (tables belong to the feature whose migrations
     create them; core's tables are used only through core).
  6. The DEPENDS graph has no cycle.

Usage: check_layering.py [ROOT]   (ROOT defaults to the repository). Exits 1 and names each violation.
"""
import os
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
WP_FEATURE = re.compile(r'wp_feature\((.*?)\)\s*$', re.S | re.M)
SECTIONS = ('DOMAIN', 'SOURCES', 'TESTS', 'DEPENDS', 'LIBS', 'DOMAIN_LIBS', 'TEST_LIBS', 'PUBLIC')
FORBIDDEN_IN_DOMAIN = ('core/http/', 'core/db/', 'core/html/', 'core/web/', 'core/mail/', 'core/jobs/',
                       'core/i18n/')
CREATE_TABLE = re.compile(r'CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?([a-z_][a-z0-9_]*)', re.I)
SQL_TABLE_USE = re.compile(r'\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\s+([a-z_][a-z0-9_]*)', re.I)
STRING_LITERAL = re.compile(r'"((?:[^"\\\n]|\\.)*)"')


def read(path):
    with open(path, encoding='utf-8') as f:
        return f.read()


def includes(path):
    return INCLUDE.findall(read(path))


def is_test(name):
    return name.endswith('_test.cc') or name.endswith('_test.h') or name == 'test_users.h'


def parse_feature(root, feat):
    cm = os.path.join(root, 'src/features', feat, 'CMakeLists.txt')
    if not os.path.exists(cm):
        return None
    call = WP_FEATURE.search(read(cm))
    if not call:
        return None
    sections, current = {s: [] for s in SECTIONS}, None
    for word in call.group(1).split()[1:]:
        if word in SECTIONS:
            current = word
        elif current:
            sections[current].append(word)
    return sections


def feature_files(root, feat):
    base = os.path.join(root, 'src/features', feat)
    for dirpath, _, files in os.walk(base):
        for name in files:
            if name.endswith(('.h', '.cc')):
                full = os.path.join(dirpath, name)
                yield os.path.relpath(full, base), full


def domain_files(base, feat, spec):
    """The feature's domain files (relative to its folder): its DOMAIN sources, their headers, and every
    header of the feature they include, followed transitively."""
    domain = set()
    todo = []
    for d in spec['DOMAIN']:
        for cand in (d, d[:-3] + '.h'):
            if os.path.exists(os.path.join(base, cand)):
                todo.append(cand)
    prefix = f'features/{feat}/'
    while todo:
        f = todo.pop()
        if f in domain:
            continue
        domain.add(f)
        for inc in includes(os.path.join(base, f)):
            if inc.startswith(prefix):
                local = inc[len(prefix):]
                if local.endswith('.h') and local not in domain and os.path.exists(os.path.join(base, local)):
                    todo.append(local)
    return domain


def tables_of(root, feat_dir):
    tables = set()
    for dirpath, _, files in os.walk(feat_dir):
        for name in files:
            if name.endswith('.sql'):
                tables.update(t.lower() for t in CREATE_TABLE.findall(read(os.path.join(dirpath, name))))
    return tables


def find_cycle(graph):
    state = {}

    def visit(node, path):
        state[node] = 'open'
        for nxt in graph.get(node, ()):
            if state.get(nxt) == 'open':
                return path + [node, nxt]
            if nxt not in state:
                found = visit(nxt, path + [node])
                if found:
                    return found
        state[node] = 'done'
        return None

    for node in sorted(graph):
        if node not in state:
            cycle = visit(node, [])
            if cycle:
                return cycle[cycle.index(cycle[-1]):]
    return None


def check(root):
    errors = []
    for dirpath, _, files in os.walk(os.path.join(root, 'src/core')):
        for name in files:
            if name.endswith(('.h', '.cc')):
                p = os.path.join(dirpath, name)
                for inc in includes(p):
                    if inc.startswith('features/'):
                        errors.append(f'{os.path.relpath(p, root)}: core includes a feature ({inc})')

    features_dir = os.path.join(root, 'src/features')
    features = sorted(d for d in os.listdir(features_dir) if os.path.isdir(os.path.join(features_dir, d)))
    specs = {f: parse_feature(root, f) for f in features}
    specs = {f: s for f, s in specs.items() if s is not None}
    owner = {}
    for feat in specs:
        for t in tables_of(root, os.path.join(features_dir, feat)):
            owner[t] = feat
    for sub in ('src/core', 'src/app'):
        for t in tables_of(root, os.path.join(root, sub)):
            owner[t] = 'core'

    domains = {feat: domain_files(os.path.join(features_dir, feat), feat, s) for feat, s in specs.items()}
    for feat, s in specs.items():
        rel = lambda p: os.path.relpath(p, root)  # noqa: E731
        base = os.path.join(features_dir, feat)
        # Rule 2: domain files, following header-only includes inside the feature.
        for f in sorted(domains[feat]):
            p = os.path.join(base, f)
            for inc in includes(p):
                if inc.startswith(FORBIDDEN_IN_DOMAIN):
                    errors.append(f'{rel(p)}: domain code includes {inc}')
                m = re.match(r'features/([^/]+)/(.+)$', inc)
                if m and m.group(1) != feat:
                    other, header = m.group(1), m.group(2)
                    pure_public = (other in specs and header in specs[other]['PUBLIC'] and
                                   header in domains[other])
                    if not pure_public:
                        errors.append(f'{rel(p)}: domain code includes another feature ({inc}), which is not '
                                      f'a public domain header of {other}')
        # Rules 3, 4, 5 over every file of the feature. Test code (the TESTS sources and support files that
        # no production source list names, e.g. a test world) may use another feature's internals to set up
        # data, but still only with DEPENDS.
        depends = set(s['DEPENDS'])
        production_cc = set(s['DOMAIN']) | set(s['SOURCES'])
        for local, p in feature_files(root, feat):
            name = os.path.basename(local)
            if local.endswith('.cc'):
                test_code = local not in production_cc
            else:
                cc = local[:-2] + '.cc'
                test_code = is_test(name) or (os.path.exists(os.path.join(base, cc)) and cc not in production_cc)
            for inc in includes(p):
                m = re.match(r'features/([^/]+)/(.+)$', inc)
                if m and m.group(1) != feat:
                    other, header = m.group(1), m.group(2)
                    if other not in depends:
                        errors.append(f'{rel(p)}: includes feature {other} without DEPENDS {other}')
                    elif not test_code and other in specs and header not in specs[other]['PUBLIC']:
                        errors.append(f'{rel(p)}: includes {inc}, which is not a public header of {other} '
                                      f'(PUBLIC: {" ".join(specs[other]["PUBLIC"]) or "none"})')
                is_page = re.search(r'(^|_)pages\.(h|cc)$', name) or name in ('routes.h', 'routes.cc')
                if is_page and (inc.endswith('_store.h') or inc.startswith('core/db/')):
                    errors.append(f'{rel(p)}: page code includes {inc} (pages call commands)')
            if test_code:
                continue
            for literal in STRING_LITERAL.findall(read(p)):
                for table in SQL_TABLE_USE.findall(literal):
                    t = table.lower()
                    if t in owner and owner[t] != feat and owner[t] != 'core':
                        errors.append(f'{rel(p)}: SQL names table {t} of feature {owner[t]}')
    cycle = find_cycle({f: s['DEPENDS'] for f, s in specs.items()})
    if cycle:
        errors.append('DEPENDS cycle: ' + ' -> '.join(cycle))
    return errors, len(specs)


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
    errors, count = check(os.path.abspath(root))
    if errors:
        print(f'check_layering: {len(errors)} violation(s)')
        for e in sorted(set(errors)):
            print('  ' + e)
        return 1
    print(f'check_layering: ok ({count} features)')
    return 0


if __name__ == '__main__':
    sys.exit(main())
