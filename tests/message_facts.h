// Findings' messages asserted by their facts — the numbers of their arithmetic — never by their
// wording, which belongs to the code that writes them.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace jixiao::test {

// The numbers a message quotes ("自评得分 91.98 ≠ 19.98 + 18 + 53 = 90.98" -> 91.98, 19.98, 18, 53,
// 90.98): tests assert a message by these facts, never by its wording.
inline std::vector<std::string> numbers_in(const std::string& message) {
  std::vector<std::string> out;
  auto digit = [&](size_t i) { return i < message.size() && message[i] >= '0' && message[i] <= '9'; };
  for (size_t i = 0; i < message.size();) {
    if (!digit(i)) {
      ++i;
      continue;
    }
    size_t j = i;
    while (digit(j) || (message[j] == ',' && digit(j + 1))) ++j;
    if (j < message.size() && message[j] == '.' && digit(j + 1)) {
      ++j;
      while (digit(j)) ++j;
    }
    if (j < message.size() && message[j] == '%') ++j;
    out.push_back(message.substr(i, j - i));
    i = j;
  }
  return out;
}

// The same number as numbers_in gives them: "10" and "10.00", "1,259,100.00" and "1259100"; a
// percentage only equals a percentage.
inline bool same_number(std::string a, std::string b) {
  auto clean = [](std::string& t) {
    bool percent = !t.empty() && t.back() == '%';
    if (percent) t.pop_back();
    t.erase(std::remove(t.begin(), t.end(), ','), t.end());
    if (t.find('.') != std::string::npos) {
      while (t.back() == '0') t.pop_back();
      if (t.back() == '.') t.pop_back();
    }
    return percent;
  };
  return clean(a) == clean(b) && a == b;
}

// Each number of `numbers` appears in the finding's message, in that order.
inline ::testing::AssertionResult message_quotes(const std::string& message, const std::vector<std::string>& numbers) {
  std::vector<std::string> got = numbers_in(message);
  size_t at = 0;
  for (const std::string& n : numbers) {
    while (at < got.size() && !same_number(got[at], n)) ++at;
    if (at == got.size()) return ::testing::AssertionFailure() << "“" << message << "” does not quote " << n << " in order";
    ++at;
  }
  return ::testing::AssertionSuccess();
}

}  // namespace jixiao::test
