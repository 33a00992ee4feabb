#!/usr/bin/env bash
# Checks the dependency rules of docs/architecture.md by reading #includes:
#  1. src/core never includes a feature.
#  2. Domain files (the DOMAIN list of a feature's CMakeLists.txt) include
#     only the standard library, core value types, core/auth and their own
#     feature's domain headers: no HTTP, database, HTML, web, mail or i18n.
#  3. A feature includes another feature only if it DEPENDS on it.
# Exits non-zero and names each violation.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 - <<'PY'
import os, re, sys
errors = []
inc = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)

def includes(path):
    with open(path, encoding='utf-8') as f:
        return inc.findall(f.read())

for root, _, files in os.walk('src/core'):
    for name in files:
        if name.endswith(('.h', '.cc')):
            p = os.path.join(root, name)
            for i in includes(p):
                if i.startswith('features/'):
                    errors.append(f'{p}: core includes a feature ({i})')

forbidden_in_domain = ('core/http/', 'core/db/', 'core/html/', 'core/web/', 'core/mail/', 'core/i18n/')
features = sorted(d for d in os.listdir('src/features') if os.path.isdir(os.path.join('src/features', d)))
for feat in features:
    cm = os.path.join('src/features', feat, 'CMakeLists.txt')
    if not os.path.exists(cm):
        continue
    text = open(cm, encoding='utf-8').read()
    call = re.search(r'wp_feature\((.*?)\)\s*$', text, re.S | re.M)
    if not call:
        continue
    words = call.group(1).split()
    sections, current = {}, None
    for w in words[1:]:
        if w in ('DOMAIN', 'SOURCES', 'TESTS', 'DEPENDS', 'LIBS', 'DOMAIN_LIBS', 'TEST_LIBS'):
            current = w
            sections.setdefault(w, [])
        elif current:
            sections[current].append(w)
    depends = set(sections.get('DEPENDS', []))
    domain = sections.get('DOMAIN', [])
    domain_headers = {f'features/{feat}/' + d[:-3] + '.h' for d in domain}
    for d in domain:
        for path in (os.path.join('src/features', feat, d), os.path.join('src/features', feat, d[:-3] + '.h')):
            if not os.path.exists(path):
                continue
            for i in includes(path):
                if i.startswith(forbidden_in_domain):
                    errors.append(f'{path}: domain code includes {i}')
                if i.startswith('features/') and not i.startswith(f'features/{feat}/'):
                    errors.append(f'{path}: domain code includes another feature ({i})')
    for root, _, files in os.walk(os.path.join('src/features', feat)):
        for name in files:
            if not name.endswith(('.h', '.cc')):
                continue
            p = os.path.join(root, name)
            for i in includes(p):
                m = re.match(r'features/([^/]+)/', i)
                if m and m.group(1) != feat and m.group(1) not in depends:
                    errors.append(f'{p}: includes feature {m.group(1)} without DEPENDS {m.group(1)}')

if errors:
    print('check_layering: %d violation(s)' % len(errors))
    for e in errors:
        print('  ' + e)
    sys.exit(1)
print('check_layering: ok (%d features)' % len(features))
PY
