// The template language of jixiao's templates: one language with one set of rules, read by two
// engines — writers/docx_template.h lays it over Word paragraphs, runs and table rows,
// writers/xlsx_template.h over cells and sheet rows. This unit is what they share: parsing a tag,
// looking a path up in the scopes of the sections around it, true and false, how a section repeats,
// how a value prints (filters: writers/filters.h).
//
//   {{path}}                a value: a dot path into the data (funds.budget, items.0.name)
//   {{path | f | g:arg}}    the value through filters (wan, fixed:N, money, pct:N, abs, dir:增加,减少,
//                           cnupper, cnnum, date:PATTERN, default:TEXT); the result is text
//   {{.}}                   the current element of a section
//   {{@index}}              the 1-based position of the current copy of the innermost {{#…}} section
//                           (1 in a section over an object; an error outside any); filters apply
//                           ({{@index | cnnum}})
//   {{#path}} … {{/path}}   a section: once per element of a list (the element is the scope), once with
//                           the value as the scope for any other true value, not at all for a false one
//   {{?path}} … {{/path}}   a condition: once, scope unchanged, when the value is true
//   {{^path}} … {{/path}}   once, scope unchanged, when the value is false
//   {{@path}}               (DOCX only) a picture
//
// Paths. Names separated by dots; a whole number selects a list element. Inside sections the first
// name is looked up in the innermost scope first, then outwards; the scope that has it decides (a
// missing rest is missing, not looked for further out). Spaces inside the braces do not count.
//
// True and false. null, false, "", [] and {} are false; every other value is true — a number too,
// 0 included: an amount of 0 is a value that is there (it prints "0万元"), where null or a missing
// path is not. ({{?x}} reads "when x is there"; Handlebars and docxtemplater, from JavaScript, take 0
// as false: a template written for them that hides zero amounts needs the data to leave them null.)
//
// Printing. Strings as they are; numbers as the JSON spells them (19.98, never 19.979999…); true and
// false as 是 and 否; null as nothing. A list or an object cannot be printed: an error (use a section).
// An XLSX cell that is exactly one tag without filters keeps the value's type instead (a number cell in
// the template's style, a boolean cell, an empty cell for null).
//
// Where a section repeats is the engines' one difference, and follows one rule: open and close tag in
// one paragraph (DOCX) or one cell (XLSX) repeat the text between them, in place; in different
// paragraphs, the paragraphs between them; in different table rows (DOCX) or sheet rows (XLSX), the
// rows from the one holding the open tag to the one holding the close tag. XLSX row sections do not
// nest (an error); sections inside one cell do.
//
// Missing paths. A path the data lacks is an error naming the tag and where it stands; lenient, it
// prints empty (a section over it: false) and a warning names it.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "writers/filters.h"

namespace jixiao::tmpl {

using Json = nlohmann::ordered_json;

struct Tag {
  enum class Kind : uint8_t { Value, Section, If, Unless, Close, Image };
  enum class Source : uint8_t { Path, Dot, Index };
  Kind kind = Kind::Value;
  Source source = Source::Path;
  std::string path;                   // as written, trimmed: "funds.budget", "." or "@index"
  std::vector<std::string> segments;  // Path: split at the dots, once
  std::vector<FilterStep> filters;
  std::string text;                   // the tag as written, braces included, for messages

  bool opens() const { return kind == Kind::Section || kind == Kind::If || kind == Kind::Unless; }
};

// Parses what stands between "{{" and "}}". An error (empty tag, invalid path) has a Chinese message
// naming the tag, without a location: the engine adds where it stands.
Expected<Tag> parse_tag(std::string_view inner);
// What stands between the braces when `s` is exactly one tag (spaces around allowed): a paragraph
// that is only a section tag, a chart's alt text; nullopt otherwise.
std::optional<std::string_view> sole_tag_inner(std::string_view s);

// Text split into literal runs and tags, in order.
struct Piece {
  bool is_tag = false;
  std::string literal;
  Tag tag;
};
struct ParsedText {
  std::vector<Piece> pieces;
  bool has_tags = false;
  std::string error;      // a malformed tag, in Chinese; empty when fine
  std::string error_tag;  // the tag as written
};
// Text without "{{" is one literal piece.
ParsedText parse_text(std::string_view text);

// Finds a section's closing tag: feed it the tags after the opening one, in order; true at the one
// that closes it (same path; a section or condition over the same path nested in it takes the
// closing tags up to its own).
class CloseFinder {
 public:
  explicit CloseFinder(const Tag& open) : open_(open) {}
  bool closes(const Tag& t);

 private:
  const Tag& open_;
  int depth_ = 0;
};

// The scopes of the sections around a tag, innermost last; the first is the data root.
struct Frame {
  const Json* value = nullptr;
  size_t index = 0;                 // 1-based position of the copy; 0 for the data root
  const std::string* list = nullptr;  // the list's path, for messages (null outside a list)
};
using Scopes = std::vector<Frame>;

// A dot path looked up innermost scope first; nullptr when no scope has it.
const Json* lookup(const Scopes& scopes, const std::vector<std::string>& segments);
std::vector<std::string> split_path(std::string_view path);

// The value a tag names: {{.}} the innermost scope's value, {{@index}} the position (held in
// `scratch`), a path looked up. nullptr when the data has no such path; an error for {{@index}}
// outside any list.
Expected<const Json*> resolve(const Scopes& scopes, const Tag& tag, Json& scratch);

bool truthy(const Json& v);

// The scopes a section (#, ?, ^) over `value` renders with, in order; none when it does not render.
void section_frames(const Tag& open, const Json& value, const Scopes& scopes, std::vector<Frame>& out);

// A value printed without filters (see Printing above); lists and objects as compact JSON.
std::string plain_text(const Json& v);
// A JSON number as JSON prints it (the shortest text that reads back the same double: 19.98).
void append_json_number(std::string& out, const Json& v);
// What a value tag prints: the value through the tag's filters; an error (message naming the tag)
// for a list or an object, or a filter that refuses the value.
Expected<std::string> value_text(const Tag& tag, const Json& value);

// Messages shared by both engines (the engine adds where the tag stands).
std::string missing_path_message(const Tag& tag);
std::string unclosed_section_message(const Tag& open);
std::string stray_close_message(const Tag& close);

// Renders parsed text (an XLSX cell; inline sections nest): literals as they are, values printed,
// sections and conditions repeated in place. `resolve_tag` returns a tag's value — null when lenient
// and missing — or the error that stops the rendering; it reads the same `scopes` this pushes to.
using TagResolver = std::function<Expected<const Json*>(const Tag&)>;
Expected<bool> render_text(const std::vector<Piece>& pieces, Scopes& scopes, const TagResolver& resolve_tag,
                           std::string& out);

}  // namespace jixiao::tmpl
