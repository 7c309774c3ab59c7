#include "app/layout_draft.h"

#include <fstream>

#include "app/workbooks.h"
#include "mapping/engine.h"

namespace jixiao::app {

LayoutDraftResult draft_layout(Resources& resources, const LayoutDraftOptions& o) {
  LayoutDraftResult result;
  auto layouts = resources.layouts();
  if (!layouts) {
    result.fail(Status::Refused, layouts.error());
    return result;
  }
  if ((*layouts)->empty() || !(*layouts)->front().vocabulary) {
    result.fail(Status::Refused, "layout.no_vocabulary", "找不到词表（mapping/layouts/vocabulary.xml），无法起草版式");
    return result;
  }
  auto wb = read_workbook(resources, o.file, result);
  if (!wb) return result;
  const int index = find_sheet(*wb, o.sheet);
  if (index < 0) {
    result.fail(Status::Refused, no_such_sheet(o.file, o.sheet, *wb, "layout.no_sheet"));
    return result;
  }
  const Sheet& sheet = wb->sheets[static_cast<size_t>(index)];
  SheetView view(*wb, sheet, o.file);
  const Region whole{0, view.row_count() == 0 ? 0 : view.row_count() - 1};
  for (const LayoutSpec& l : **layouts) {
    Candidate c = score_layout(view, l, whole);
    if (c.confidence + 1e-9 >= l.threshold) {
      result.shipped_layout = l.id;
      break;
    }
  }
  const std::string id = o.id.empty() ? "draft-" + std::to_string(index + 1) : o.id;
  auto draft = jixiao::draft_layout(view, *(*layouts)->front().vocabulary, **layouts, id);
  if (!draft) {
    result.fail(Status::Refused, draft.error());
    return result;
  }
  // The draft must load as any layout does (schema-checked) and recognise the sheet it came from.
  auto spec = load_layout_text(draft->xml, o.output.empty() ? id + ".xml" : o.output, (*layouts)->front().vocabulary);
  if (!spec) {
    result.fail(Status::Refused, spec.error());
    return result;
  }
  Candidate c = score_layout(view, *spec, whole);
  result.confidence = c.confidence;
  result.still_missing = c.missing;
  if (!o.output.empty()) {
    std::ofstream out(o.output, std::ios::binary | std::ios::trunc);
    out << draft->xml;
    out.close();
    if (!out) {
      result.fail(Status::Refused, "layout.write", "无法写入 " + o.output + "，请检查目录和写入权限");
      return result;
    }
  }
  result.draft = std::move(draft).value();
  return result;
}

}  // namespace jixiao::app
