# wp_embed(<target> FUNCTION <cxx-function-name> BASE <dir> FILES <file>...)
#
# Compiles the given files into a static library <target> exposing
#   std::span<const wp::EmbeddedFile> <cxx-function-name>();
# declared in the generated header <target>.h. Paths are relative to BASE.
# Used for templates, i18n catalogs, migrations and static assets, so the
# binary is self-contained. Rebuilds when any embedded file changes.
function(wp_embed target)
  cmake_parse_arguments(E "" "FUNCTION;BASE" "FILES" ${ARGN})
  set(out_dir ${CMAKE_CURRENT_BINARY_DIR}/embed_${target})
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
  string(REPLACE ";" "|" files_arg "${abs_files}")
  add_custom_command(
    OUTPUT ${out_cc} ${out_h}
    COMMAND ${CMAKE_COMMAND} -DOUT_CC=${out_cc} -DOUT_H=${out_h} -DFUNC=${E_FUNCTION}
            -DBASE=${E_BASE} "-DFILES=${files_arg}" -P ${PROJECT_SOURCE_DIR}/cmake/embed_files.cmake
    DEPENDS ${abs_files} ${PROJECT_SOURCE_DIR}/cmake/embed_files.cmake
    COMMENT "Embedding ${target}")
  add_library(${target} STATIC ${out_cc})
  target_include_directories(${target} PUBLIC ${out_dir})
  target_link_libraries(${target} PUBLIC wp_core)
endfunction()
