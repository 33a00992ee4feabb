// EmbeddedFile: a file compiled into the binary by cmake/WpEmbed.cmake
// (templates, catalogs, migrations, static assets).
#pragma once

#include <span>
#include <string_view>

namespace wp {

struct EmbeddedFile {
  std::string_view path;  // relative to the embedding folder, '/'-separated
  std::string_view data;
};

}  // namespace wp
