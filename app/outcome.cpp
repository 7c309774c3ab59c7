#include "app/outcome.h"

#include <utility>

namespace jixiao::app {

void Outcome::raise(Status s) {
  if (static_cast<int>(s) > static_cast<int>(status)) status = s;
}

void Outcome::fail(Status s, Diagnostic error) {
  error.severity = Severity::Error;
  diagnostics.push_back(std::move(error));
  raise(s);
}

void Outcome::fail(Status s, std::string code, std::string message) {
  Diagnostic d;
  d.code = std::move(code);
  d.message = std::move(message);
  fail(s, std::move(d));
}

void Outcome::add(const Diagnostics& more) {
  diagnostics.insert(diagnostics.end(), more.items().begin(), more.items().end());
}

void finish_write(Outcome& result, const Expected<bool>& written_ok, const Diagnostics& warnings,
                  const std::string& output, std::string& written) {
  result.add(warnings);
  if (!written_ok) {
    result.fail(written_ok.error().code == "template.unreadable" ? Status::Unreadable : Status::Findings,
                written_ok.error());
    return;
  }
  written = output;
}

}  // namespace jixiao::app
