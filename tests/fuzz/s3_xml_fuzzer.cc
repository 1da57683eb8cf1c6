// Fuzzes the XML parser S3 request bodies go through (protocol/s3_xml.h:
// DeleteObjects, CompleteMultipartUpload, CreateBucketConfiguration). Besides
// "never crashes, never recurses past its limits", what it accepts must
// survive a round trip: the tree written back out with XmlWriter's escaping
// parses to the same tree.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "protocol/s3_xml.h"

namespace {

using fakeaws::protocol::XmlLimits;
using fakeaws::protocol::XmlNode;

size_t Depth(const XmlNode& node) {
  size_t deepest = 0;
  for (const XmlNode& child : node.children) deepest = std::max(deepest, Depth(child));
  return deepest + 1;
}

size_t Count(const XmlNode& node) {
  size_t n = 1;
  for (const XmlNode& child : node.children) n += Count(child);
  return n;
}

// Children first, then the node's own text: the parser keeps only text
// directly inside an element, so where it stood among the children is lost.
void Write(const XmlNode& node, std::string* out) {
  *out += "<" + node.name + ">";
  for (const XmlNode& child : node.children) Write(child, out);
  fakeaws::protocol::AppendXmlText(out, node.text);
  *out += "</" + node.name + ">";
}

bool Same(const XmlNode& a, const XmlNode& b) {
  if (a.name != b.name || a.text != b.text || a.children.size() != b.children.size()) return false;
  for (size_t i = 0; i < a.children.size(); ++i) {
    if (!Same(a.children[i], b.children[i])) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view document(reinterpret_cast<const char*>(data), size);
  XmlLimits limits;
  limits.max_depth = 8;
  limits.max_nodes = 2000;
  auto root = fakeaws::protocol::ParseXml(document, limits);
  if (!root) return 0;
  if (Depth(*root) > limits.max_depth || Count(*root) > limits.max_nodes) std::abort();
  std::string again(fakeaws::protocol::kXmlDeclaration);
  Write(*root, &again);
  auto back = fakeaws::protocol::ParseXml(again, limits);
  if (!back || !Same(*root, *back)) std::abort();
  return 0;
}
