// XML as S3 writes it (one line after the declaration, wire-format.md §4.1)
// and a small parser for the few request bodies S3 reads (DeleteObjects,
// CompleteMultipartUpload, CreateBucketConfiguration). The parser is
// bounded: hostile input gets nullopt (MalformedXML), never a crash.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fakeaws::protocol {

// The declaration S3 starts every XML body with, and its one newline.
inline constexpr std::string_view kXmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
inline constexpr std::string_view kS3Namespace = "http://s3.amazonaws.com/doc/2006-03-01/";

// Escapes text for an element: & < > " ' as entities (S3's ETags read
// &quot;: wire-format.md §4.2 DOC sample), control characters as numeric
// references, so keys with any byte survive an XML parser (INFERRED).
void AppendXmlText(std::string* out, std::string_view text);

class XmlWriter {
 public:
  explicit XmlWriter(std::string* out) : out_(out) {}
  // <name xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  XmlWriter& OpenRoot(std::string_view name);
  XmlWriter& Open(std::string_view name);
  XmlWriter& Close(std::string_view name);
  // <name>text</name>, or <name/> when empty (the DOC sample's <Prefix/>,
  // wire-format.md §4.2).
  XmlWriter& Element(std::string_view name, std::string_view text);
  XmlWriter& Element(std::string_view name, uint64_t value);
  XmlWriter& Element(std::string_view name, bool value);
  XmlWriter& Element(std::string_view name, const char* text) { return Element(name, std::string_view(text)); }

 private:
  std::string* out_;
};

struct XmlNode {
  std::string name;  // local name, without a namespace prefix
  std::string text;  // character data directly inside this element
  std::vector<XmlNode> children;

  const XmlNode* Child(std::string_view child_name) const;
  std::vector<const XmlNode*> Children(std::string_view child_name) const;
};

struct XmlLimits {
  size_t max_depth = 16;
  size_t max_nodes = 50000;  // 10,000 parts of four elements fit
};

// The document's root element; nullopt when the input is not well-formed,
// declares a DOCTYPE, or passes the limits.
std::optional<XmlNode> ParseXml(std::string_view document, const XmlLimits& limits = {});

}  // namespace fakeaws::protocol
