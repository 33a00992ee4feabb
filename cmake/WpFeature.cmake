# wp_feature(name DOMAIN ... SOURCES ... TESTS ... DEPENDS ... LIBS ...)
#
# Creates, for feature <name>:
#   wp_<name>_domain  pure domain code; links only wp_core and wp_auth (users, roles): docs/style.md section 3
#   wp_<name>         the rest (store, commands, pages); links the domain, core/http, db, html, i18n
#   wp_<name>_tests   GoogleTest binary of TESTS that do not end in routes_test.cc (ctest label "unit")
#   wp_<name>_e2e     GoogleTest binary of TESTS ending in routes_test.cc (ctest label "e2e"), run twice:
#                     <name>_e2e on SQLite and <name>_e2e_pg on PostgreSQL (labels "e2e;postgres")
# DEPENDS names other features whose main target this one may use.
# PUBLIC lists the headers other features may include (the feature's interface); the layering check
# (tools/check_layering.py) refuses includes of any other header.
# LIBS lists extra libraries for wp_<name>; DOMAIN_LIBS for the domain library (e.g. an LP solver).
function(wp_feature name)
  cmake_parse_arguments(F "" "" "DOMAIN;SOURCES;TESTS;DEPENDS;LIBS;DOMAIN_LIBS;TEST_LIBS;PUBLIC" ${ARGN})
  set(domain wp_${name}_domain)
  if(F_DOMAIN)
    add_library(${domain} STATIC ${F_DOMAIN})
    target_link_libraries(${domain} PUBLIC wp_core wp_auth ${F_DOMAIN_LIBS})
  else()
    add_library(${domain} INTERFACE)
    target_link_libraries(${domain} INTERFACE wp_core wp_auth)
  endif()
  if(F_SOURCES)
    add_library(wp_${name} STATIC ${F_SOURCES})
    target_link_libraries(wp_${name} PUBLIC ${domain} wp_http wp_db wp_html wp_i18n wp_auth wp_web wp_mail ${F_LIBS})
    foreach(dep IN LISTS F_DEPENDS)
      target_link_libraries(wp_${name} PUBLIC wp_${dep})
    endforeach()
  else()
    add_library(wp_${name} INTERFACE)
    target_link_libraries(wp_${name} INTERFACE ${domain})
  endif()
  if(WP_BUILD_TESTS AND F_TESTS)
    set(unit_tests "")
    set(e2e_tests "")
    foreach(t IN LISTS F_TESTS)
      if(t MATCHES "routes_test\\.cc$")
        list(APPEND e2e_tests ${t})
      else()
        list(APPEND unit_tests ${t})
      endif()
    endforeach()
    if(unit_tests)
      add_executable(wp_${name}_tests ${unit_tests})
      target_link_libraries(wp_${name}_tests PRIVATE wp_${name} wp_testing wp_page_harness ${F_TEST_LIBS} GTest::gtest_main GTest::gmock)
      add_test(NAME ${name}_unit COMMAND ${WP_GTEST_RUNNER} $<TARGET_FILE:wp_${name}_tests>)
      set_tests_properties(${name}_unit PROPERTIES LABELS unit COST 5
        ENVIRONMENT "WP_SOURCE_DIR=${PROJECT_SOURCE_DIR}")
    endif()
    if(e2e_tests)
      add_executable(wp_${name}_e2e ${e2e_tests})
      target_link_libraries(wp_${name}_e2e PRIVATE wp_${name} wp_app_harness ${F_TEST_LIBS} GTest::gtest_main GTest::gmock)
      add_test(NAME ${name}_e2e COMMAND ${WP_GTEST_RUNNER} $<TARGET_FILE:wp_${name}_e2e>)
      set_tests_properties(${name}_e2e PROPERTIES LABELS e2e COST 20
        ENVIRONMENT "WP_SOURCE_DIR=${PROJECT_SOURCE_DIR}")
      # The same HTTP tests once more on PostgreSQL (a fresh database per test
      # on the server named by WP_TEST_POSTGRES_URL). Skipped (77) when no
      # server is set, unless WP_REQUIRE_POSTGRES=1 (tools/test.sh).
      add_test(NAME ${name}_e2e_pg COMMAND sh -c
        "if [ -z \"$WP_TEST_POSTGRES_URL\" ]; then [ \"$WP_REQUIRE_POSTGRES\" = 1 ] && exit 1; exit 77; fi; exec \"$0\" \"$1\""
        ${WP_GTEST_RUNNER} $<TARGET_FILE:wp_${name}_e2e>)
      set_tests_properties(${name}_e2e_pg PROPERTIES LABELS "e2e;postgres" SKIP_RETURN_CODE 77 COST 30
        ENVIRONMENT "WP_TEST_DATABASE=postgres;WP_SOURCE_DIR=${PROJECT_SOURCE_DIR}")
    endif()
  endif()
endfunction()
