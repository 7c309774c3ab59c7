#include "readers/xml_scanner.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>

namespace jixiao {

using E = XmlScanner::Event;

TEST(XmlScanner, DropsPrefixesAndDecodesEntities) {
  XmlScanner sc(R"(<?xml version="1.0"?><x:worksheet xmlns:x="u"><x:c r="A1" x:t="s">a &lt;&amp;&gt; &#x4E2D;&#25991;</x:c></x:worksheet>)");
  ASSERT_EQ(sc.next(), E::StartElement);
  EXPECT_EQ(sc.name(), "worksheet");
  ASSERT_EQ(sc.next(), E::StartElement);
  EXPECT_EQ(sc.name(), "c");
  EXPECT_EQ(sc.attr("r"), "A1");
  EXPECT_EQ(sc.attr("t"), "s");
  EXPECT_TRUE(sc.has_attr("t"));
  EXPECT_FALSE(sc.has_attr("s"));
  ASSERT_EQ(sc.next(), E::Text);
  EXPECT_EQ(sc.text(), "a <&> 中文");
  ASSERT_EQ(sc.next(), E::EndElement);
  ASSERT_EQ(sc.next(), E::EndElement);
  EXPECT_EQ(sc.next(), E::End);
}

TEST(XmlScanner, EmptyElementsYieldStartAndEnd) {
  XmlScanner sc("<a><b x='1'/></a>");
  EXPECT_EQ(sc.next(), E::StartElement);
  EXPECT_EQ(sc.next(), E::StartElement);
  EXPECT_EQ(sc.attr("x"), "1");
  EXPECT_EQ(sc.depth(), 2);
  EXPECT_EQ(sc.next(), E::EndElement);
  EXPECT_EQ(sc.name(), "b");
  EXPECT_EQ(sc.depth(), 1);
  EXPECT_EQ(sc.next(), E::EndElement);
  EXPECT_EQ(sc.next(), E::End);
}

TEST(XmlScanner, SkipsCommentsDoctypeAndReadsCdata) {
  XmlScanner sc("<!DOCTYPE a [<!ENTITY e 'boom'>]><a><!-- c --><![CDATA[<x>&e;]]></a>");
  EXPECT_EQ(sc.next(), E::StartElement);
  ASSERT_EQ(sc.next(), E::Text);
  EXPECT_EQ(sc.text(), "<x>&e;");  // entities from a DOCTYPE are never expanded
}

TEST(XmlScanner, NormalisesLineEndsInText) {
  XmlScanner sc("<a>x\r\ny\rz</a>");
  sc.next();
  ASSERT_EQ(sc.next(), E::Text);
  EXPECT_EQ(sc.text(), "x\ny\nz");
}

TEST(XmlScanner, SkipElementJumpsOverChildren) {
  XmlScanner sc("<r><skip><a><b/></a>t</skip><keep/></r>");
  sc.next();
  sc.next();
  EXPECT_EQ(sc.name(), "skip");
  sc.skip_element();
  ASSERT_EQ(sc.next(), E::StartElement);
  EXPECT_EQ(sc.name(), "keep");
}

TEST(XmlScanner, MismatchedEndTagIsAnErrorWithOffset) {
  XmlScanner sc("<a><b></a>");
  E e;
  while ((e = sc.next()) != E::Error && e != E::End) {
  }
  ASSERT_EQ(e, E::Error);
  EXPECT_NE(sc.error().find("不匹配"), std::string::npos);
  EXPECT_GT(sc.offset(), 0u);
}

TEST(XmlScanner, TruncatedDocumentIsAnError) {
  for (const char* xml : {"<a><b>", "<a><b x=\"1", "<a", "<a><!-- x", "<a></"}) {
    XmlScanner sc(xml);
    E e;
    int guard = 0;
    while ((e = sc.next()) != E::Error && e != E::End && ++guard < 100) {
    }
    EXPECT_EQ(e, E::Error) << xml;
  }
}

// Every event of a document, as text; when `fast`, after each start tag only_child_text("v") and
// text_only are tried first.
std::string events(std::string_view xml, bool fast, size_t chunk = 0) {
  std::string pulled(xml);
  size_t at = 0;
  auto pull = [&](char* dst, size_t cap) -> Expected<size_t> {
    size_t n = std::min({cap, pulled.size() - at, chunk});
    std::copy_n(pulled.data() + at, n, dst);
    at += n;
    return n;
  };
  std::optional<XmlScanner> sc;
  if (chunk) sc.emplace(pull, chunk);
  else sc.emplace(xml);
  std::string out;
  for (;;) {
    auto e = sc->next();
    if (e == E::End) return out;
    if (e == E::Error) return out + "error(" + sc->error() + ")";
    if (e == E::Text) out += "text(" + std::string(sc->text()) + ")";
    if (e == E::EndElement) out += "end(" + std::string(sc->name()) + ")";
    if (e == E::StartElement) {
      out += "start(" + std::string(sc->name()) + ")";
      if (!fast) continue;
      const std::string name(sc->name());
      if (auto t = sc->only_child_text("v")) {
        out += "start(v)";
        if (!t->empty()) out += "text(" + std::string(*t) + ")";
        EXPECT_EQ(sc->name(), name);
        out += "end(v)end(" + std::string(sc->name()) + ")";
        continue;
      }
      if (auto t = sc->text_only()) {
        if (!t->empty()) out += "text(" + std::string(*t) + ")";
        EXPECT_EQ(sc->name(), name);
        out += "end(" + std::string(sc->name()) + ")";
      }
    }
  }
}

TEST(XmlScanner, TextOnlyAndOnlyChildTextReadWhatTheEventsRead) {
  const std::string docs[] = {
      R"(<s><c r="A1"><v>12</v></c><c><v/></c><c><v></v></c></s>)",
      R"(<x:s xmlns:x="u"><x:c><x:v>1&amp;2 &#x4E2D;</x:v></x:c></x:s>)",
      "<s><t>a\r\nb</t><t> </t></s>",
      R"(<s><c><v>1<x/>2</v></c><c><v><!-- c -->3</v></c><c><v><![CDATA[<4>]]></v></c></s>)",
      R"(<s><c><v>5</v ></c><c><v>6</w></c></s>)",
      R"(<s><c r="B2" t="n"><v>7.5</v></c><c><v>1</v><x/></c><c><v a="1">2</v></c><c><v>3</v></c ></s>)",
      R"(<x:s xmlns:x="u"><x:c><x:v>4</x:v></x:c><c><w>6</w></c><c><v>a&lt;b</v></c><c><v>5</v></d></x:s>)",
  };
  for (const std::string& doc : docs) {
    SCOPED_TRACE(doc);
    const std::string plain = events(doc, false);
    EXPECT_EQ(events(doc, true), plain);
    for (size_t chunk : {1u, 2u, 3u, 7u, 64u}) EXPECT_EQ(events(doc, true, chunk), plain) << "chunks of " << chunk;
  }
  EXPECT_EQ(events(docs[0], true), "start(s)start(c)start(v)text(12)end(v)end(c)start(c)start(v)end(v)end(c)"
                                   "start(c)start(v)end(v)end(c)end(s)");
}

TEST(OoxmlEscapes, DecodesHexEscapesAndTheEscapedUnderscore) {
  std::string s = "a_x000D_b_x0009_c_x005F_x0041_d_xZZZZ_";
  decode_ooxml_escapes(s);
  EXPECT_EQ(s, "a\rb\tc_x0041_d_xZZZZ_");
}

TEST(OoxmlEscapes, SurrogatePairsBecomeOneCharacterAndLoneOnesTheReplacementCharacter) {
  std::string s = "smile_xD83D__xDE00_ lone_xD800_x";
  decode_ooxml_escapes(s);
  EXPECT_EQ(s, "smile\U0001F600 lone\uFFFDx");
}

}  // namespace jixiao
