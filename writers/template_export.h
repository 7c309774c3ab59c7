// Handing a user a template to edit: a copy of a shipped template (templates/docx/*.docx,
// templates/xlsx/*.xlsx) they open in Word, WPS or Excel, change like any document (a heading, a
// sentence, a table's look; the {{tags}} stay) and give back to render, fill or convert --template.
#pragma once

#include <filesystem>
#include <string>

#include "core/diagnostic.h"

namespace jixiao {

// Copies `source` to DIR/<its file name> (DIR is created when missing) and returns the path written.
// Never replaces an existing file — a copy the user already edited is theirs — and the file appears
// only when complete. Refused with a Chinese message when the source is not an Office package.
Expected<std::string> export_template(const std::filesystem::path& source, const std::filesystem::path& dir);

}  // namespace jixiao
