// wijkplatform: neighbourhood democracy for a municipality. See README.md.
#include <csignal>
#include <iostream>
#include <string>
#include <vector>

#include "app/cli.h"

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);
  std::vector<std::string> args(argv + 1, argv + argc);
  return wp::app::RunCli(args, std::cin, std::cout, std::cerr);
}
