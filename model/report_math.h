// The arithmetic a published report states — shares, changes on last year and their direction,
// 完成预算 — defined once: `render` writes these figures into a report and `audit` checks the figures a
// report states against them, so what jixiao writes and what it accepts cannot drift apart.
//
// Exact values (Decimal, 6 decimals, half away from zero) for writing; intervals for checking, because
// a figure printed in a report is rounded: 3429.91 stands for anything in [3429.905, 3429.915], and a
// share computed from it may be any value the rounded inputs allow. A stated figure is wrong only when
// no value in those ranges gives it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/decimal.h"

namespace jixiao {

// ---- exact figures (what a report should print) --------------------------------------------------
// part / whole as a fraction (0.964589); nullopt when the whole is zero or unknown (a report prints 0%).
std::optional<Decimal> share_of(std::optional<Decimal> part, std::optional<Decimal> whole);

struct YearChange {
  Decimal amount, prior, change;  // change = amount − prior
  std::optional<Decimal> rate;     // change / prior; nullopt when last year was 0
};
// This year against last year; nullopt when either is unknown.
std::optional<YearChange> year_change(std::optional<Decimal> amount, std::optional<Decimal> prior);

// 完成预算: actual / budget as a fraction; nullopt when the budget is zero or unknown.
std::optional<Decimal> completion_of(std::optional<Decimal> actual, std::optional<Decimal> budget);

enum class Trend { Up, Down, Flat };
Trend trend_of(Decimal change);
// The words a report uses for a trend (also with 了): 增加/增长/上升/提高/增收/增支/增幅 Up,
// 减少/下降/降低/减收/减支/降幅 Down, 持平/不变/无变化 Flat; nullopt for any other word.
std::optional<Trend> trend_of_word(std::string_view word);
// The word `render` prints: 增加/减少/持平 for amounts, 增长/下降/持平 for rates.
const char* trend_word(Trend t, bool rate);

// ---- checking stated figures ------------------------------------------------------------------------
// A closed range of values. A point when lo == hi (an exact value, e.g. from the tables).
struct Interval {
  Decimal lo, hi;
  static Interval point(Decimal v) { return {v, v}; }
  // What a figure printed with `decimals` decimals stands for: ± half a unit of its last digit.
  static Interval stated(Decimal v, int decimals);
  bool contains(Decimal v) const { return lo <= v && v <= hi; }
  bool overlaps(const Interval& o) const { return lo <= o.hi && o.lo <= hi; }
  Decimal mid() const;
};

Interval operator+(const Interval& a, const Interval& b);
Interval operator-(const Interval& a, const Interval& b);
// a / b over every value of both ranges (widened by one unit of the last place for Decimal's rounding);
// nullopt when b may be zero.
std::optional<Interval> divide(const Interval& a, const Interval& b);

// The trends a change range allows: Up when it may be positive, Down when it may be negative, Flat
// when it may be zero.
bool allows(const Interval& change, Trend t);

// A percentage as printed: "11.65" → 0.1165 ± 0.00005 as a fraction.
Interval stated_percent(Decimal percent, int decimals);

// A fraction as a report prints it: 0.116515 → "11.65%" (2 decimals).
std::string percent_text(Decimal fraction, int decimals = 2);

}  // namespace jixiao
