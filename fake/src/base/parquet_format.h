// The numbers parquet.thrift gives the format's enums, shared by the writer
// and the reader (parquet-format, src/main/thrift/parquet.thrift).
#pragma once

#include <cstdint>

namespace fakeaws::base::parquet {

enum PhysicalType : int32_t {
  kBoolean = 0, kInt32 = 1, kInt64 = 2, kInt96 = 3, kFloat = 4, kDouble = 5, kByteArray = 6, kFixedLenByteArray = 7
};
enum Encoding : int32_t {
  kPlain = 0, kPlainDictionary = 2, kRle = 3, kBitPacked = 4, kDeltaBinaryPacked = 5, kDeltaLengthByteArray = 6,
  kDeltaByteArray = 7, kRleDictionary = 8, kByteStreamSplit = 9
};
enum PageType : int32_t { kDataPage = 0, kIndexPage = 1, kDictionaryPage = 2, kDataPageV2 = 3 };
enum Codec : int32_t { kUncompressed = 0, kSnappy = 1 };
enum ConvertedType : int32_t { kUtf8 = 0, kTimestampMillis = 9 };
enum Repetition : int32_t { kRequired = 0, kOptional = 1, kRepeated = 2 };

}  // namespace fakeaws::base::parquet
