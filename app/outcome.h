// How a job ended, and what it has to say about its input: the part every job's result shares.
// The CLI turns a Status into its exit code and prints the diagnostics; the local page shows them.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostic.h"

namespace jixiao::app {

// Ordered from best to worst: a job that meets two of them ends with the worse.
enum class Status {
  Ok,          // done; any findings are warnings at most
  Findings,    // the input was read and holds an error (a finding, a template that cannot be filled)
  Refused,     // the request itself is wrong (options that do not go together, a missing template …)
  Unreadable,  // an input file could not be read
};

struct Outcome {
  Status status = Status::Ok;
  // Warnings about the input and the errors that refused or ended the job, in the order they
  // arose. Whether warnings are shown is the caller's business (the CLI's -q).
  std::vector<Diagnostic> diagnostics;

  bool ok() const { return status == Status::Ok || status == Status::Findings; }
  // Raises the status to s (never lowers it).
  void raise(Status s);
  // An error: recorded, and the status raised to s.
  void fail(Status s, Diagnostic error);
  // A plain error with a code and a Chinese message.
  void fail(Status s, std::string code, std::string message);
  void add(const Diagnostics& more);
  void add(const Diagnostic& more) { diagnostics.push_back(more); }
};

// The end of a job that writes one file through a writer: the writer's warnings, then either its
// error — status Unreadable for a template that cannot be read, Findings for any other — or the
// file's name in `written`.
void finish_write(Outcome& result, const Expected<bool>& written_ok, const Diagnostics& warnings,
                  const std::string& output, std::string& written);

}  // namespace jixiao::app
