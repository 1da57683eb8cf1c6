#include "base/thrift_compact.h"

namespace fakeaws::base::thrift {

uint8_t CompactReader::Byte() {
  if (!ok_ || pos_ >= bytes_.size()) {
    ok_ = false;
    return 0;
  }
  return static_cast<uint8_t>(bytes_[pos_++]);
}

uint64_t CompactReader::Varint() {
  uint64_t v = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    const uint8_t b = Byte();
    if (!ok_) return 0;
    v |= static_cast<uint64_t>(b & 0x7F) << shift;
    if ((b & 0x80) == 0) return v;
  }
  ok_ = false;  // more than 10 bytes
  return 0;
}

int64_t CompactReader::Int() {
  const uint64_t z = Varint();
  return static_cast<int64_t>(z >> 1) ^ -static_cast<int64_t>(z & 1);
}

bool CompactReader::NextField(int16_t* id, Type* type) {
  const uint8_t header = Byte();
  if (!ok_ || header == kStop) return false;
  *type = static_cast<Type>(header & 0x0F);
  const int delta = header >> 4;
  const int64_t field = delta != 0 ? last_ + delta : Int();
  if (field < INT16_MIN || field > INT16_MAX) {
    ok_ = false;
    return false;
  }
  *id = static_cast<int16_t>(field);
  last_ = *id;
  return ok_;
}

size_t CompactReader::ListHeader(Type* element) {
  const uint8_t header = Byte();
  *element = static_cast<Type>(header & 0x0F);
  uint64_t size = header >> 4;
  if (size == 15) size = Varint();
  if (!ok_ || size > bytes_.size() - pos_) {
    ok_ = false;
    return 0;
  }
  return static_cast<size_t>(size);
}

std::string_view CompactReader::Binary() {
  const uint64_t size = Varint();
  if (!ok_ || size > bytes_.size() - pos_) {
    ok_ = false;
    return {};
  }
  std::string_view v = bytes_.substr(pos_, static_cast<size_t>(size));
  pos_ += static_cast<size_t>(size);
  return v;
}

bool CompactReader::ElementBool() { return Byte() == kTrue; }

void CompactReader::Skip(Type type) {
  if (!ok_) return;
  switch (type) {
    case kTrue:
    case kFalse:
      return;  // a field's value is in its header
    case kByte:
      Byte();
      return;
    case kI16:
    case kI32:
    case kI64:
      Varint();
      return;
    case kDouble:
      for (int i = 0; i < 8; ++i) Byte();
      return;
    case kBinary:
      Binary();
      return;
    case kList:
    case kSet: {
      Type element;
      const size_t n = ListHeader(&element);
      if (++depth_ > kMaxDepth) return Fail();
      for (size_t i = 0; i < n && ok_; ++i) {
        if (element == kTrue || element == kFalse) {
          Byte();  // a bool element is one byte
        } else {
          Skip(element);
        }
      }
      --depth_;
      return;
    }
    case kMap: {
      const uint64_t n = Varint();
      if (n == 0) return;
      const uint8_t kinds = Byte();
      if (!ok_ || n > bytes_.size() - pos_) return Fail();
      if (++depth_ > kMaxDepth) return Fail();
      for (uint64_t i = 0; i < n && ok_; ++i) {
        for (Type t : {static_cast<Type>(kinds >> 4), static_cast<Type>(kinds & 0x0F)}) {
          if (t == kTrue || t == kFalse) {
            Byte();
          } else {
            Skip(t);
          }
        }
      }
      --depth_;
      return;
    }
    case kStruct: {
      BeginStruct();
      int16_t id;
      Type t;
      while (ok_ && NextField(&id, &t)) Skip(t);
      EndStruct();
      return;
    }
    default:
      ok_ = false;
  }
}

}  // namespace fakeaws::base::thrift
