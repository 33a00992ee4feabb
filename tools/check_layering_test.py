#!/usr/bin/env python3
"""Tests of check_layering.py on small made-up trees: each rule reports its violation, a clean tree passes."""
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_layering  # noqa: E402


def write(root, path, text):
    full = os.path.join(root, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, 'w', encoding='utf-8') as f:
        f.write(text)


def feature(root, name, domain='', sources='', depends='', public='', tests=''):
    write(root, f'src/features/{name}/CMakeLists.txt',
          f'wp_feature({name}\n  PUBLIC {public}\n  DOMAIN {domain}\n  SOURCES {sources}\n'
          f'  TESTS {tests}\n  DEPENDS {depends})\n')


class CheckLayeringTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.root = self.dir.name
        write(self.root, 'src/core/result.h', '#pragma once\n')
        feature(self.root, 'a', domain='rule.cc', sources='commands.cc a_pages.cc', public='directory.h')
        write(self.root, 'src/features/a/rule.h', '#include "core/result.h"\n#include "features/a/types.h"\n')
        write(self.root, 'src/features/a/types.h', '#pragma once\n')
        write(self.root, 'src/features/a/rule.cc', '#include "features/a/rule.h"\n')
        write(self.root, 'src/features/a/directory.h', '#pragma once\n')
        write(self.root, 'src/features/a/a_store.h', '#pragma once\n')
        write(self.root, 'src/features/a/commands.cc', 'const char* q = "SELECT * FROM a_items";\n')
        write(self.root, 'src/features/a/a_pages.cc', '#include "features/a/commands.h"\n')
        write(self.root, 'src/features/a/migrations/0001.sql', 'CREATE TABLE a_items (id INTEGER);\n')
        feature(self.root, 'b', sources='commands.cc', depends='a')
        write(self.root, 'src/features/b/commands.cc', '#include "features/a/directory.h"\n')
        write(self.root, 'src/features/b/migrations/0001.sql', 'CREATE TABLE b_items (id INTEGER);\n')

    def tearDown(self):
        self.dir.cleanup()

    def errors(self):
        return check_layering.check(self.root)[0]

    def assertViolation(self, needle):
        errors = self.errors()
        self.assertTrue(any(needle in e for e in errors), f'{needle!r} not in {errors}')

    def test_clean_tree_passes(self):
        self.assertEqual(self.errors(), [])

    def test_core_including_a_feature(self):
        write(self.root, 'src/core/x.cc', '#include "features/a/directory.h"\n')
        self.assertViolation('core includes a feature')

    def test_header_only_domain_file_including_the_database(self):
        write(self.root, 'src/features/a/types.h', '#include "core/db/database.h"\n')
        self.assertViolation('src/features/a/types.h: domain code includes core/db/database.h')

    def test_include_without_depends(self):
        write(self.root, 'src/features/a/commands.cc', '#include "features/b/commands.h"\n')
        self.assertViolation('includes feature b without DEPENDS b')

    def test_non_public_header_of_another_feature(self):
        write(self.root, 'src/features/b/commands.cc', '#include "features/a/a_store.h"\n')
        self.assertViolation('not a public header of a')

    def test_tests_may_use_internals_of_a_dependency(self):
        feature(self.root, 'b', sources='commands.cc', depends='a', tests='routes_test.cc')
        write(self.root, 'src/features/b/routes_test.cc', '#include "features/a/a_store.h"\n'
                                                          'const char* q = "DELETE FROM a_items";\n')
        self.assertEqual(self.errors(), [])

    def test_page_including_a_store(self):
        write(self.root, 'src/features/a/a_pages.cc', '#include "features/a/a_store.h"\n')
        self.assertViolation('page code includes features/a/a_store.h')

    def test_sql_naming_another_features_table(self):
        write(self.root, 'src/features/b/commands.cc', 'auto q = "SELECT u.id FROM b_items JOIN a_items u ON 1";\n')
        self.assertViolation('SQL names table a_items of feature a')

    def test_domain_code_may_use_a_public_domain_header_of_a_dependency(self):
        feature(self.root, 'a', domain='rule.cc', sources='commands.cc a_pages.cc', public='directory.h rule.h')
        feature(self.root, 'b', domain='tally.cc', sources='commands.cc', depends='a')
        write(self.root, 'src/features/b/tally.cc', '#include "features/a/rule.h"\n')
        self.assertEqual(self.errors(), [])

    def test_domain_code_including_a_public_header_that_is_not_domain_code(self):
        feature(self.root, 'b', domain='tally.cc', sources='commands.cc', depends='a')
        write(self.root, 'src/features/b/tally.cc', '#include "features/a/directory.h"\n')
        self.assertViolation('src/features/b/tally.cc: domain code includes another feature (features/a/directory.h)')

    def test_domain_code_including_a_domain_header_that_is_not_public(self):
        feature(self.root, 'b', domain='tally.cc', sources='commands.cc', depends='a')
        write(self.root, 'src/features/b/tally.cc', '#include "features/a/rule.h"\n')
        self.assertViolation('src/features/b/tally.cc: domain code includes another feature (features/a/rule.h)')

    def test_depends_cycle(self):
        feature(self.root, 'a', domain='rule.cc', sources='commands.cc a_pages.cc', public='directory.h', depends='b')
        self.assertViolation('DEPENDS cycle')


if __name__ == '__main__':
    unittest.main()
