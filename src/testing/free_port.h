// FreePort: a TCP port on 127.0.0.1 that nobody listens on at the moment of
// the call (the kernel's choice for a socket bound to port 0). For tests that
// must name a port before a server starts.
#pragma once

#include <cstdint>

namespace wp::testing {

uint16_t FreePort();

}  // namespace wp::testing
