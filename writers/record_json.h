// Records and findings as the JSON contract of DOMAIN.md §5.
//
// A record: {"kind", ...its fields nested by their dotted paths ("funds.budget" -> "funds": {"budget"}),
// lists as arrays of objects, "cells": {"funds.budget": "E9", "indicators.0.score": "H19", ...} (the
// source cell of every value read), "notes": {"funds.budget": "元→万元", ...} (how a value was read
// where it was not taken as it stands: a number typed as text, an amount converted from 元, a weight
// read from a label), "computed": {"funds.score": 19.98, ...} when recompute ran (flat,
// by the paths of model/recompute.h)}. Keys come in the contract's order for the kind; keys the
// contract does not name follow in path order; fields whose name starts with '_' are internal and
// left out.
//
// Values: a number is a JSON number printed at its decimal value (19.98, 100, rates as fractions
// 0.999); free-text fields (target, actual, standard, rule, name, level1 …, grade) are always their
// text, even when it reads as a number ("100%", "≥2次"); an empty value is null. A number a double
// cannot print exactly (more than ~15 significant digits) is written as a string instead.
//
// A finding: {"rule", "severity", "file", "sheet", "cell", "message", "expected", "found"}; expected and
// found are JSON numbers when they are decimal text ("90.98" -> 90.98), else strings ("良", "[12, 15]").
#pragma once

#include <nlohmann/json.hpp>

#include "model/decimal.h"
#include "model/finding.h"
#include "model/record.h"

namespace jixiao {

nlohmann::ordered_json decimal_json(Decimal d);
nlohmann::ordered_json record_json(const Record& rec);
nlohmann::ordered_json finding_json(const Finding& f);
nlohmann::ordered_json findings_json(const Findings& findings);

}  // namespace jixiao
