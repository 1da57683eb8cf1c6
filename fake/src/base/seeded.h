// Deterministic randomness: every "random" thing the fake produces (request
// ids, host ids, generated forecast values, token salts) is a pure function
// of Options::seed, a stream name and a counter, so replays match byte for byte.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace fakeaws::base {

// Streams of the generator, one per kind of id, listed here so no two kinds
// share one. (Other streams are hashes of a name: HashString("next-token:...").)
enum Stream : uint64_t {
  kJsonRequestIdStream = 1,
  kS3RequestIdStream = 2,
  kS3HostIdStream = 3,
  kFaultStream = 4,
  kS3UploadIdStream = 5,
  kS3VersionIdStream = 6,
};

// SplitMix64's finalizer: a strong 64-bit mix.
inline uint64_t Mix64(uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

// FNV-1a, to turn names (items, streams) into numbers.
inline uint64_t HashString(std::string_view s) {
  uint64_t h = 0xCBF29CE484222325ULL;
  for (unsigned char c : s) h = (h ^ c) * 0x100000001B3ULL;
  return h;
}

inline uint64_t SeededValue(uint64_t seed, uint64_t stream, uint64_t n) {
  return Mix64(Mix64(seed ^ Mix64(stream)) + n);
}

// A uniform double in [0, 1).
inline double UnitInterval(uint64_t bits) { return (bits >> 11) * (1.0 / 9007199254740992.0); }

// Lower-case hyphenated UUID (version 4 layout), as Coral's x-amzn-RequestId.
std::string SeededUuid(uint64_t seed, uint64_t stream, uint64_t n);
// `length` characters of [A-Z0-9], as S3's x-amz-request-id (16 characters).
std::string SeededUpperAlnum(uint64_t seed, uint64_t stream, uint64_t n, size_t length);
// Base64 of `bytes` seeded bytes, as S3's x-amz-id-2.
std::string SeededBase64(uint64_t seed, uint64_t stream, uint64_t n, size_t bytes);

}  // namespace fakeaws::base
