# wp_embed(<target> FUNCTION <cxx-function-name> BASE <dir> FILES <file>...)
#
# Compiles the given files into a static library <target> exposing
#   std::span<const wp::EmbeddedFile> <cxx-function-name>();
# declared in the generated header <target>.h. Paths are relative to BASE.
# Used for templates, i18n catalogs, migrations and static assets, so the
# binary is self-contained. Rebuilds when any embedded file changes.
if(NOT TARGET wp_embed_tool)
  add_executable(wp_embed_tool ${PROJECT_SOURCE_DIR}/tools/embed/embed.cc)
  # The tool runs at build time; keep it free of sanitizers.
  target_compile_options(wp_embed_tool PRIVATE -fno-sanitize=all)
  target_link_options(wp_embed_tool PRIVATE -fno-sanitize=all)
endif()

function(wp_embed target)
  cmake_parse_arguments(E "" "FUNCTION;BASE" "FILES" ${ARGN})
  set(out_dir ${CMAKE_CURRENT_BINARY_DIR}/embed_${target})
  file(MAKE_DIRECTORY ${out_dir})
  set(out_cc ${out_dir}/${target}.cc)
  set(out_h ${out_dir}/${target}.h)
  set(abs_files "")
  foreach(f IN LISTS E_FILES)
    if(IS_ABSOLUTE "${f}")
      list(APPEND abs_files "${f}")
    else()
      list(APPEND abs_files "${E_BASE}/${f}")
    endif()
  endforeach()
  add_custom_command(
    OUTPUT ${out_cc} ${out_h}
    COMMAND wp_embed_tool ${out_cc} ${out_h} ${E_FUNCTION} ${E_BASE} ${abs_files}
    DEPENDS wp_embed_tool ${abs_files}
    COMMENT "Embedding files into ${target}")
  add_library(${target} STATIC ${out_cc})
  target_include_directories(${target} PUBLIC ${out_dir})
  target_link_libraries(${target} PUBLIC wp_core)
endfunction()
