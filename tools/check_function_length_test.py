#!/usr/bin/env python3
"""Tests of check_function_length.py on made-up sources."""
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_function_length  # noqa: E402


def body(n):
    return ''.join(f'  x += {i};\n' for i in range(n))


class FunctionLengthTest(unittest.TestCase):
    def test_counts_a_function_to_its_closing_brace(self):
        text = 'int F(int x) {\n' + body(5) + '  return x;\n}\n'
        self.assertEqual([(l, n) for l, n, _ in check_function_length.functions(text)], [(1, 8)])

    def test_braces_in_strings_comments_and_lambdas(self):
        text = ('std::string G() {\n  std::string s = "{{{";  // }\n  auto f = [] { return \'}\'; };\n'
                '  if (true) {\n    s += "}}";\n  }\n  return s;\n}\nint H() {\n  return 1;\n}\n')
        self.assertEqual([(l, n) for l, n, _ in check_function_length.functions(text)], [(1, 8), (9, 3)])

    def test_signature_over_two_lines_namespaces_and_classes(self):
        text = ('namespace wp {\nstruct S {\n  int a;\n};\nResult<void> Long(int a,\n'
                '                  int b) {\n' + body(3) + '}\n}  // namespace wp\n')
        self.assertEqual([(l, n) for l, n, _ in check_function_length.functions(text)], [(5, 6)])

    def test_the_check_fails_over_the_limit_and_skips_tests(self):
        with tempfile.TemporaryDirectory() as root:
            os.makedirs(os.path.join(root, 'src/f'))
            with open(os.path.join(root, 'src/f/a.cc'), 'w') as f:
                f.write('void A() {\n' + body(20) + '}\n')
            with open(os.path.join(root, 'src/f/a_test.cc'), 'w') as f:
                f.write('void T() {\n' + body(200) + '}\n')
            self.assertEqual(check_function_length.main(['--root', root, '--max', '30']), 0)
            self.assertEqual(check_function_length.main(['--root', root, '--max', '10']), 1)


if __name__ == '__main__':
    unittest.main()
