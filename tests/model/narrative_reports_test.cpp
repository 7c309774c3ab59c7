// `jixiao audit` on the corpus of real published reports (samples/reports: 28 reports from 13 regions,
// written word for word as .docx, three also as LibreOffice PDFs, with every claim checked by hand in
// claims.json). No claim the hand arithmetic finds correct may be flagged — each would be a false alarm —
// and the real slips listed below are found at their number.
#include <gtest/gtest.h>

#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "model/narrative_audit.h"
#include "readers/document_text.h"
#include "test_paths.h"

namespace jixiao::narrative {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

const fs::path kDir = test::source_dir() / "samples" / "reports";

const Json& manifest() {
  static const Json j = Json::parse(std::ifstream(kDir / "claims.json"));
  return j;
}

struct Audited {
  DocumentText doc;
  std::vector<NarrativeFinding> findings;
};

const Audited& audited(const std::string& file) {
  static std::map<std::string, Audited> cache;
  auto it = cache.find(file);
  if (it != cache.end()) return it->second;
  static const Vocabulary vocab = load_vocabulary(test::source_dir() / "model" / "narrative").value();
  Audited a;
  auto doc = read_document_text((kDir / file).string());
  EXPECT_TRUE(doc.ok()) << file;
  if (doc.ok()) {
    a.doc = std::move(doc.value());
    Claims c = parse_claims(a.doc);
    a.findings = audit_claims(a.doc, c, vocab);
  }
  return cache.emplace(file, std::move(a)).first->second;
}

std::string squeeze(std::string s) {  // PDF text has spaces between Chinese and digits
  std::string out;
  for (char ch : s)
    if (ch != ' ' && ch != '\n') out += ch;
  return out;
}

// The error findings whose marked number is the claim's stated figure (its last occurrence in the claim),
// or for a slip anywhere in the claim (a stated "0" may be any of several).
std::vector<const NarrativeFinding*> on_claim(const Audited& a, const Json& claim, bool pdf) {
  const bool whole = claim["verdict"] == "slip";
  std::vector<const NarrativeFinding*> out;
  std::string text = claim["text"].get<std::string>(), stated = claim["stated"].get<std::string>();
  if (pdf) text = squeeze(text);
  for (const NarrativeFinding& f : a.findings) {
    if (f.severity != Severity::Error) continue;
    std::string block = a.doc.blocks[f.block].text;
    std::string mark = block.substr(f.mark_begin, f.mark_end - f.mark_begin);
    std::string before = block.substr(0, f.mark_begin);
    if (pdf) block = squeeze(block), mark = squeeze(mark), before = squeeze(before);
    size_t at = block.find(text);
    if (at == std::string::npos) continue;
    // the stated figure's place in the claim: its last occurrence
    size_t in = stated.empty() || whole ? std::string::npos : text.rfind(stated);
    size_t lo = in == std::string::npos ? at : at + in;
    size_t hi = in == std::string::npos ? at + text.size() : at + in + stated.size();
    if (before.size() < hi && before.size() + mark.size() > lo) out.push_back(&f);
  }
  return out;
}

std::vector<std::pair<std::string, const Json*>> claims_by_file() {
  std::vector<std::pair<std::string, const Json*>> out;
  for (const Json& c : manifest()["claims"]) {
    out.emplace_back(c["file"].get<std::string>(), &c);
    for (const auto& [pdf, docx] : manifest()["pdf_same_text_as"].items())
      if (docx == c["file"]) out.emplace_back(pdf, &c);
  }
  return out;
}

TEST(NarrativeReports, NoCorrectClaimIsFlagged) {
  int checked = 0;
  for (const auto& [file, claim] : claims_by_file()) {
    if ((*claim)["verdict"] != "ok") continue;
    ++checked;
    for (const NarrativeFinding* f : on_claim(audited(file), *claim, file.rfind("pdf/", 0) == 0))
      ADD_FAILURE() << file << "：“" << (*claim)["text"].get<std::string>() << "” is correct, flagged: " << f->message;
  }
  EXPECT_GE(checked, 226);
}

TEST(NarrativeReports, NoErrorAnywhereButOnARealSlip) {
  // findings on numbers no claim covers are false alarms too, unless they fall on a slip
  for (const auto& [file, claim] : claims_by_file()) (void)claim, audited(file);
  std::set<std::string> files;
  for (const auto& [file, claim] : claims_by_file()) files.insert(file);
  for (const std::string& file : files) {
    for (const NarrativeFinding& f : audited(file).findings) {
      if (f.severity != Severity::Error) continue;
      bool on_slip = false;
      for (const auto& [cf, claim] : claims_by_file())
        if (cf == file && (*claim)["verdict"] == "slip")
          for (const NarrativeFinding* g : on_claim(audited(file), *claim, file.rfind("pdf/", 0) == 0)) on_slip |= g == &f;
      EXPECT_TRUE(on_slip) << file << " " << f.where.to_text() << "：" << f.message;
    }
  }
}

TEST(NarrativeReports, RealSlipsAreFoundWithTheirFigure) {
  // stated → expected, as claims.json has them
  const std::map<std::string, std::string> want = {
      {"6.00", "下降6.01%"},    // r06: 54357.12 / 904445.42 = 6.00999%, printed 6.00
      {"14.43", "增长16.87%"},  // r06: divided by this year, not last year's 99629.76
      {"1.73", "下降2.13%"},    // r19: the line above's 1.73% repeated
      {"42.86", "下降39.47%"},  // r27: 1.5 / 3.80, not 1.5 / 3.5
      {"911000.39", "881300.39"},  // r08: 一般公共预算基本支出 ≠ 人员经费 809961.19 + 公用经费 71339.2
      {"18.76", "18.75%"},         // r08: 165247.88 / 881300.39 = 18.7505%
      {"0", "1"},                  // r03: 共有公务用车0辆，其中……载客汽车1辆
  };
  std::set<std::string> found;
  int slips = 0, caught = 0;
  for (const auto& [file, claim] : claims_by_file()) {
    if ((*claim)["verdict"] != "slip") continue;
    ++slips;
    auto hits = on_claim(audited(file), *claim, file.rfind("pdf/", 0) == 0);
    std::string stated = (*claim)["stated"];
    if (hits.empty()) {
      std::cout << "real slip not caught: " << file << "：“" << (*claim)["text"].get<std::string>() << "”\n";
      continue;
    }
    ++caught;
    found.insert(stated);
    if (want.count(stated)) {
      EXPECT_EQ(hits.front()->expected, want.at(stated)) << file;
    }
  }
  std::cout << "real slip entries caught: " << caught << " of " << slips << "\n";
  for (const auto& [stated, expected] : want) EXPECT_TRUE(found.count(stated)) << stated << " not found";
  EXPECT_GE(slips, 23);
}

}  // namespace
}  // namespace jixiao::narrative
