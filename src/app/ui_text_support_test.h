// Test support for the checks over all UI text (ui_text_test.cc,
// plain_language_check_test.cc): the catalogs as the app assembles them and
// the source files they are used from.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/i18n/catalog.h"
#include "core/i18n/message_format.h"

namespace wp::app {

// Every catalog the app loads, from a real App::Create on a fresh SQLite
// database (created once per test binary).
const i18n::Catalog& AppCatalog();

struct SourceFile {
  std::string path;  // relative to the repository, e.g. "src/features/voting/pages.cc"
  std::string text;
};
// The files under the repository's src/ (testing::SourceDir()) whose
// relative path satisfies `wanted`. Fails the test when src/ is missing.
std::vector<SourceFile> SourceFiles(const std::function<bool(const std::string& path)>& wanted);

// A C++ string literal: its text (escapes decoded) and where it starts.
struct Literal {
  std::string text;
  size_t offset = 0;
  int line = 0;
};
// The string literals of C++ source `code`, skipping comments and
// character literals; raw strings R"x(...)x" included.
std::vector<Literal> StringLiterals(const std::string& code);

// `message` rendered with every plural argument set to `n` and every other
// argument set to the word "Tekst" (a stand-in for a name or a title).
std::string RenderSample(const i18n::Message& message, std::string_view locale, int64_t n);

}  // namespace wp::app
