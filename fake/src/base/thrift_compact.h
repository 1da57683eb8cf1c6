// Apache Thrift's compact protocol, the encoding of a Parquet file's footer
// and page headers (thrift/doc/specs/thrift-compact-protocol.md): field
// headers carry the id as a delta from the previous field, integers are
// zigzag varints. Only what Parquet's structs use: no maps of our own, no
// doubles; the reader skips any field it is not asked for, maps included.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fakeaws::base::thrift {

// The compact protocol's type nibbles.
enum Type : uint8_t {
  kStop = 0,
  kTrue = 1,
  kFalse = 2,
  kByte = 3,
  kI16 = 4,
  kI32 = 5,
  kI64 = 6,
  kDouble = 7,
  kBinary = 8,
  kList = 9,
  kSet = 10,
  kMap = 11,
  kStruct = 12,
};

class CompactWriter {
 public:
  explicit CompactWriter(std::string* out) : out_(out) {}

  void I32(int16_t id, int32_t v) {
    Field(id, kI32);
    Varint(ZigZag(v));
  }
  void I64(int16_t id, int64_t v) {
    Field(id, kI64);
    Varint(ZigZag(v));
  }
  void Bool(int16_t id, bool v) { Field(id, v ? kTrue : kFalse); }
  void Binary(int16_t id, std::string_view v) {
    Field(id, kBinary);
    RawBinary(v);
  }
  // A struct field: its members follow, then EndStruct.
  void BeginStruct(int16_t id) {
    Field(id, kStruct);
    BeginElementStruct();
  }
  // A struct as a list element (no field header).
  void BeginElementStruct() {
    stack_.push_back(last_);
    last_ = 0;
  }
  void EndStruct() {
    out_->push_back(static_cast<char>(kStop));
    last_ = stack_.back();
    stack_.pop_back();
  }
  // A list field of `size` elements of `element` type; the elements follow
  // (ElementI32, RawBinary or BeginElementStruct ... EndStruct).
  void List(int16_t id, Type element, size_t size) {
    Field(id, kList);
    if (size < 15) {
      out_->push_back(static_cast<char>((size << 4) | element));
    } else {
      out_->push_back(static_cast<char>(0xF0 | element));
      Varint(size);
    }
  }
  void ElementI32(int32_t v) { Varint(ZigZag(v)); }
  void RawBinary(std::string_view v) {
    Varint(v.size());
    out_->append(v);
  }
  // Ends the outermost struct (the message itself).
  void Stop() { out_->push_back(static_cast<char>(kStop)); }

 private:
  static uint64_t ZigZag(int64_t v) { return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63); }
  void Varint(uint64_t v) {
    while (v >= 0x80) {
      out_->push_back(static_cast<char>(v | 0x80));
      v >>= 7;
    }
    out_->push_back(static_cast<char>(v));
  }
  void Field(int16_t id, Type type) {
    const int delta = id - last_;
    if (delta > 0 && delta <= 15) {
      out_->push_back(static_cast<char>((delta << 4) | type));
    } else {
      out_->push_back(static_cast<char>(type));
      Varint(ZigZag(id));
    }
    last_ = id;
  }

  std::string* out_;
  int16_t last_ = 0;
  std::vector<int16_t> stack_;
};

// Reads from untrusted bytes: every read is bounds-checked, and a failure
// sticks (ok() false, reads return 0) so a caller checks once at the end.
class CompactReader {
 public:
  explicit CompactReader(std::string_view bytes) : bytes_(bytes) {}

  bool ok() const { return ok_; }
  size_t position() const { return pos_; }

  // The next field of the current struct: false at its end (or on error).
  bool NextField(int16_t* id, Type* type);
  void BeginStruct() {
    if (++depth_ > kMaxDepth) return Fail();
    stack_.push_back(last_);
    last_ = 0;
  }
  void EndStruct() {
    --depth_;
    if (!stack_.empty()) {
      last_ = stack_.back();
      stack_.pop_back();
    }
  }
  // A list header: the element type and count. The count is capped by the
  // bytes left, as each element takes at least one byte (a bool element
  // too), so a lying header cannot make a caller reserve memory.
  size_t ListHeader(Type* element);
  int64_t Int();  // i16, i32 or i64 (zigzag varint)
  std::string_view Binary();
  // For a field of type kTrue/kFalse the value is in the header: `type`.
  static bool BoolOf(Type type) { return type == kTrue; }
  bool ElementBool();
  // Skips a value of `type` (a whole struct, list, set or map).
  void Skip(Type type);
  void Fail() { ok_ = false; }

 private:
  static constexpr int kMaxDepth = 32;
  uint64_t Varint();
  uint8_t Byte();

  std::string_view bytes_;
  size_t pos_ = 0;
  bool ok_ = true;
  int depth_ = 0;
  int16_t last_ = 0;
  std::vector<int16_t> stack_;
};

}  // namespace fakeaws::base::thrift
