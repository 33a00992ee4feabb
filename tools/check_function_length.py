#!/usr/bin/env python3
"""Fails when a function in the C++ sources (tests excluded) is longer than the limit.

House rule (docs/style.md): no function over ~80 lines outside tests; split long
ones into named steps. This reads src/**/*.cc as text: a function is a top-level
definition (a line at column 0 that opens a body) up to its matching brace, with
string and character literals and comments ignored when braces are counted.
Lambdas count towards the function that holds them.

Usage: check_function_length.py [--root DIR] [--max N] [--list K]
"""
import argparse
import os
import re
import sys

LITERAL = re.compile(r'"(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])*\'')
NOT_A_FUNCTION = re.compile(r'^(namespace|struct|class|enum|union|extern|template\s*<[^>]*>\s*(struct|class))\b')


def code_of(line):
    """The line without literals and // comments (raw strings are rare in our sources)."""
    line = LITERAL.sub('""', line)
    cut = line.find('//')
    return line if cut < 0 else line[:cut]


CONTAINER = re.compile(r'^\s*(namespace|(template\s*<.*>\s*)?(struct|class|union))\b')


def functions(text):
    """Yields (first line number, line count, signature) of each function body.

    Namespace, class and struct bodies are transparent: functions defined in
    them (also inline member functions of a local class) are found. Other
    blocks at that level (initialisers, enums) are skipped."""
    lines = [code_of(l) for l in strip_block_comments(text).split('\n')]
    header, header_start = '', None
    i = 0
    while i < len(lines):
        code = lines[i].strip()
        if header_start is None and code:
            header_start = i
        if code.startswith('#') or code.startswith('}'):
            header, header_start = '', None
            i += 1
            continue
        header += ' ' + code
        if code.endswith(';') or code.endswith('}'):  # a declaration, or a body on one line
            header, header_start = '', None
        elif code.endswith('{'):
            is_function = '(' in header and not CONTAINER.match(header) and \
                '=' not in header.split('(')[0] and not re.search(r'\benum\b', header)
            if CONTAINER.match(header) or 'extern "C"' in header:
                pass  # transparent: look inside
            else:
                end = matching_brace(lines, i)
                if is_function:
                    yield header_start + 1, end - header_start + 1, header.strip()
                i = end
            header, header_start = '', None
        i += 1


def strip_block_comments(text):
    """Replaces /* ... */ comments by blank lines, keeping line numbers."""
    return re.sub(r'/\*.*?\*/', lambda m: '\n' * m.group(0).count('\n'), text, flags=re.S)


def matching_brace(lines, start):
    """The line of the brace that closes the block opened at the end of lines[start]."""
    depth = 0
    for j in range(start, len(lines)):
        depth += lines[j].count('{') - lines[j].count('}')
        if depth <= 0:
            return j
    return len(lines) - 1


def scan(root):
    found = []
    for folder, _, files in os.walk(os.path.join(root, 'src')):
        for name in files:
            if not name.endswith('.cc') or name.endswith('_test.cc'):
                continue
            path = os.path.join(folder, name)
            if '/testing/' in path.replace(os.sep, '/') + '/':
                continue
            with open(path, encoding='utf-8', errors='replace') as f:
                for line, length, signature in functions(f.read()):
                    found.append((length, os.path.relpath(path, root), line, signature))
    return sorted(found, reverse=True)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--root', default=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    parser.add_argument('--max', type=int, default=90, help='longest allowed function, in lines (default 90)')
    parser.add_argument('--list', type=int, default=0, help='also print the K longest functions')
    args = parser.parse_args(argv)
    found = scan(args.root)
    for length, path, line, signature in found[:args.list]:
        print(f'{length:4d}  {path}:{line}  {signature[:90]}')
    too_long = [f for f in found if f[0] > args.max]
    for length, path, line, signature in too_long:
        print(f'{path}:{line}: function of {length} lines (limit {args.max}): {signature[:90]}', file=sys.stderr)
    if too_long:
        print(f'{len(too_long)} function(s) over {args.max} lines; split them into named steps', file=sys.stderr)
        return 1
    print(f'ok ({len(found)} functions, longest {found[0][0] if found else 0} lines)')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
