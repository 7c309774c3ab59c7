#include "model/final_accounts.h"

namespace jixiao {

namespace {

void copy(Record& out, const std::string& to, const Record* from, const std::string& field) {
  if (!from) return;
  if (const Field* f = from->field(field)) out.fields[to] = *f;
}

}  // namespace

Record assemble_final_accounts(const std::map<std::string, const Record*>& tables) {
  auto t = [&](const char* id) -> const Record* {
    auto it = tables.find(id);
    return it == tables.end() ? nullptr : it->second;
  };
  Record r;
  r.kind = "final_accounts";
  r.layout = "final-accounts";
  for (const auto& [id, rec] : tables) {
    if (!rec) continue;
    for (const char* f : {"department", "year"})
      if (!r.field(f) && rec->field(f)) r.fields[f] = *rec->field(f);
  }
  r.fields["unit"] = Field{"万元", std::nullopt, {}, {}};
  for (const char* f : {"total", "general_budget", "gov_fund", "state_capital", "superior_subsidy", "business",
                        "operating", "affiliated", "other", "non_fiscal_surplus_used", "carryover_begin", "grand_total"})
    copy(r, std::string("income.") + f, t("01"), std::string("income.") + f);
  for (const char* f : {"total", "basic", "project", "to_superior", "operating", "to_affiliated"})
    copy(r, std::string("expenditure.") + f, t("03"), std::string("total.") + f);
  if (!r.field("expenditure.total")) copy(r, "expenditure.total", t("01"), "expenditure.total");
  for (const char* f : {"total", "basic", "project"})
    copy(r, std::string("general_budget_expenditure.") + f, t("05"), std::string("total.") + f);
  if (const Record* t05 = t("05")) r.lists["general_budget_expenditure.items"] = t05->list("items");
  copy(r, "basic_expenditure.personnel", t("06"), "personnel");
  copy(r, "basic_expenditure.public_use", t("06"), "public_use");
  for (const char* side : {"budget", "actual"})
    for (const char* f : {"total", "abroad", "vehicle_total", "vehicle_purchase", "vehicle_operation", "reception"})
      copy(r, std::string("three_public.") + side + "." + f, t("07"), std::string(side) + "." + f);
  copy(r, "three_public.reception_batches", t("07"), "reception_batches");
  copy(r, "three_public.reception_people", t("07"), "reception_people");
  for (const auto& [fund, id] : {std::pair{"gov_fund", "08"}, std::pair{"state_capital_fund", "09"}}) {
    for (const char* f : {"carryover_begin", "income", "total", "basic", "project", "carryover_end"})
      copy(r, std::string(fund) + "." + f, t(id), std::string("total.") + f);
    copy(r, std::string(fund) + ".empty_note", t(id), "empty_note");
  }
  return r;
}

}  // namespace jixiao
