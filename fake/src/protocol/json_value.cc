#include "protocol/json_value.h"

#include <charconv>
#include <cstdlib>

#include "protocol/pattern.h"

namespace fakeaws::protocol {

const JsonValue* JsonValue::Find(std::string_view key) const {
  for (size_t i = keys_.size(); i-- > 0;) {
    if (keys_[i] == key) return children_[i].is_null() ? nullptr : &children_[i];
  }
  return nullptr;
}

std::string JsonValue::GetString(std::string_view key) const {
  const JsonValue* v = Find(key);
  return v && v->is_string() ? v->str() : std::string();
}

class JsonParser {
 public:
  JsonParser(std::string_view text, JsonDocument* doc) : s_(text), doc_(doc) {}

  bool Parse() {
    SkipSpace();
    if (!Value(&doc_->root_, 0)) return false;
    SkipSpace();
    return i_ == s_.size();
  }

 private:
  static constexpr int kMaxDepth = 512;

  void SkipSpace() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t')) ++i_;
  }

  bool Literal(std::string_view word) {
    if (s_.substr(i_, word.size()) != word) return false;
    i_ += word.size();
    return true;
  }

  bool Value(JsonValue* out, int depth) {
    if (i_ >= s_.size() || depth > kMaxDepth) return false;
    switch (s_[i_]) {
      case '{': return Object(out, depth);
      case '[': return Array(out, depth);
      case '"':
        out->type_ = JsonValue::Type::kString;
        return String(&out->text_);
      case 't':
        out->type_ = JsonValue::Type::kBool;
        out->bool_ = true;
        return Literal("true");
      case 'f':
        out->type_ = JsonValue::Type::kBool;
        return Literal("false");
      case 'n':
        out->type_ = JsonValue::Type::kNull;
        return Literal("null");
      default: return Number(out);
    }
  }

  bool Object(JsonValue* out, int depth) {
    out->type_ = JsonValue::Type::kObject;
    ++i_;
    SkipSpace();
    if (i_ < s_.size() && s_[i_] == '}') {
      ++i_;
      return true;
    }
    while (true) {
      SkipSpace();
      if (i_ >= s_.size() || s_[i_] != '"') return false;
      std::string_view key;
      if (!String(&key)) return false;
      SkipSpace();
      if (i_ >= s_.size() || s_[i_] != ':') return false;
      ++i_;
      SkipSpace();
      out->keys_.push_back(key);
      out->children_.emplace_back();
      if (!Value(&out->children_.back(), depth + 1)) return false;
      SkipSpace();
      if (i_ >= s_.size()) return false;
      if (s_[i_] == ',') {
        ++i_;
        continue;
      }
      if (s_[i_] != '}') return false;
      ++i_;
      return true;
    }
  }

  bool Array(JsonValue* out, int depth) {
    out->type_ = JsonValue::Type::kArray;
    ++i_;
    SkipSpace();
    if (i_ < s_.size() && s_[i_] == ']') {
      ++i_;
      return true;
    }
    while (true) {
      SkipSpace();
      out->children_.emplace_back();
      if (!Value(&out->children_.back(), depth + 1)) return false;
      SkipSpace();
      if (i_ >= s_.size()) return false;
      if (s_[i_] == ',') {
        ++i_;
        continue;
      }
      if (s_[i_] != ']') return false;
      ++i_;
      return true;
    }
  }

  static int Hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  bool Hex4(uint32_t* out) {
    if (s_.size() - i_ < 4) return false;
    uint32_t v = 0;
    for (int k = 0; k < 4; ++k) {
      const int h = Hex(s_[i_ + k]);
      if (h < 0) return false;
      v = (v << 4) | static_cast<uint32_t>(h);
    }
    i_ += 4;
    *out = v;
    return true;
  }

  static void AppendUtf8(std::string* out, uint32_t cp) {
    if (cp < 0x80) {
      out->push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }

  // At the opening quote. Plain strings become views of the input; strings
  // with escapes are decoded into the document's storage.
  bool String(std::string_view* out) {
    const size_t start = ++i_;
    bool ascii = true;
    while (i_ < s_.size()) {
      const unsigned char c = static_cast<unsigned char>(s_[i_]);
      if (c == '"') {
        *out = s_.substr(start, i_ - start);
        ++i_;
        return ascii || ValidUtf8(*out);
      }
      if (c == '\\') return Unescape(start, out);
      if (c < 0x20) return false;
      if (c >= 0x80) ascii = false;
      ++i_;
    }
    return false;
  }

  static bool ValidUtf8(std::string_view s) {
    for (size_t k = 0; k < s.size();) {
      const size_t before = k;
      const char32_t cp = DecodeUtf8(s, &k);
      if (cp == 0xFFFD && !(k - before == 3 && s.substr(before, 3) == "\xEF\xBF\xBD")) return false;
      if (cp >= 0xD800 && cp <= 0xDFFF) return false;
    }
    return true;
  }

  bool Unescape(size_t start, std::string_view* out) {
    std::string decoded(s_.substr(start, i_ - start));
    while (i_ < s_.size()) {
      const unsigned char c = static_cast<unsigned char>(s_[i_]);
      if (c == '"') {
        ++i_;
        if (!ValidUtf8(decoded)) return false;
        doc_->unescaped_.push_back(std::move(decoded));
        *out = doc_->unescaped_.back();
        return true;
      }
      if (c < 0x20) return false;
      if (c != '\\') {
        decoded.push_back(static_cast<char>(c));
        ++i_;
        continue;
      }
      if (++i_ >= s_.size()) return false;
      const char e = s_[i_++];
      switch (e) {
        case '"': decoded.push_back('"'); break;
        case '\\': decoded.push_back('\\'); break;
        case '/': decoded.push_back('/'); break;
        case 'b': decoded.push_back('\b'); break;
        case 'f': decoded.push_back('\f'); break;
        case 'n': decoded.push_back('\n'); break;
        case 'r': decoded.push_back('\r'); break;
        case 't': decoded.push_back('\t'); break;
        case 'u': {
          uint32_t cp;
          if (!Hex4(&cp)) return false;
          if (cp >= 0xD800 && cp <= 0xDBFF && s_.substr(i_, 2) == "\\u") {
            const size_t mark = i_;
            i_ += 2;
            uint32_t low;
            if (Hex4(&low) && low >= 0xDC00 && low <= 0xDFFF) {
              cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            } else {
              i_ = mark;
              cp = 0xFFFD;
            }
          } else if (cp >= 0xD800 && cp <= 0xDFFF) {
            cp = 0xFFFD;  // a lone surrogate has no UTF-8 form
          }
          AppendUtf8(&decoded, cp);
          break;
        }
        default: return false;
      }
    }
    return false;
  }

  bool Number(JsonValue* out) {
    const size_t start = i_;
    if (i_ < s_.size() && s_[i_] == '-') ++i_;
    const auto digits = [&] {
      const size_t from = i_;
      while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
      return i_ - from;
    };
    const size_t int_start = i_;
    if (digits() == 0) return false;
    if (i_ - int_start > 1 && s_[int_start] == '0') return false;
    bool integer = true;
    if (i_ < s_.size() && s_[i_] == '.') {
      ++i_;
      integer = false;
      if (digits() == 0) return false;
    }
    if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
      ++i_;
      integer = false;
      if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
      if (digits() == 0) return false;
    }
    out->type_ = JsonValue::Type::kNumber;
    out->text_ = s_.substr(start, i_ - start);
    out->bool_ = integer;
    auto res = std::from_chars(s_.data() + start, s_.data() + i_, out->number_);
    if (res.ec == std::errc::result_out_of_range) {
      out->number_ = std::strtod(std::string(out->text_).c_str(), nullptr);  // +-inf or 0
    }
    return true;
  }

  std::string_view s_;
  size_t i_ = 0;
  JsonDocument* doc_;
};

std::unique_ptr<JsonDocument> ParseJson(std::string_view text) {
  auto doc = std::make_unique<JsonDocument>();
  JsonParser parser(text, doc.get());
  if (!parser.Parse()) return nullptr;
  return doc;
}

}  // namespace fakeaws::protocol
