#include "readers/xml_scanner.h"

#include <gtest/gtest.h>

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
