// WP_ASSERT(cond, "why"): for invariants only, never for user input or
// database content. Aborts with the location and reason when violated.
#pragma once

#include <cstdio>
#include <cstdlib>

#define WP_ASSERT(cond, why)                                                              \
  do {                                                                                    \
    if (!(cond)) {                                                                        \
      std::fprintf(stderr, "%s:%d: assertion failed: %s (%s)\n", __FILE__, __LINE__, #cond, why); \
      std::abort();                                                                       \
    }                                                                                     \
  } while (0)
