// Process: runs the wijkplatform binary as a child process for journey
// tests, with stdin, captured output and signals.
#pragma once

#include <sys/types.h>

#include <map>
#include <string>
#include <vector>

namespace wp::testing {

struct ProcessResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `args` (args[0] is the program) to completion with `input` on stdin
// and extra environment variables. Fails the process after 60 s.
ProcessResult RunProcess(const std::vector<std::string>& args, const std::string& input = "",
                         const std::map<std::string, std::string>& env = {});

// A long-running child (the server). Its stdout is read line by line.
class ChildProcess {
 public:
  ChildProcess(const std::vector<std::string>& args, const std::map<std::string, std::string>& env);
  ~ChildProcess();
  // Next line of standard output, waiting up to `timeout_ms`; empty on timeout or EOF.
  std::string ReadLine(int timeout_ms);
  void Signal(int sig);
  // Waits for exit; returns the exit code (128+signal when killed).
  int Wait(int timeout_ms);
  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
  int out_fd_ = -1;
  std::string buffer_;
  bool exited_ = false;
  int exit_code_ = -1;
};

std::string BinaryPath();

}  // namespace wp::testing
