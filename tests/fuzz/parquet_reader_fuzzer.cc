// base::parquet::Read on arbitrary bytes (issue 14: a PARQUET import never
// crashes, hangs or leaks). Seeds: the DuckDB goldens of
// tests/forecast/parquet_import/ and files our writer makes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "base/parquet.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fakeaws::base::parquet::Table table;
  // Few rows: a lying row count must fail, not fill memory.
  fakeaws::base::parquet::Read(std::string_view(reinterpret_cast<const char*>(data), size), &table, 100'000);
  return 0;
}
