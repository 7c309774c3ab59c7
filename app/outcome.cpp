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

}  // namespace jixiao::app
