#include "base/java_text.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace fakeaws::base {

void AppendJavaDouble(std::string* out, double d) {
  if (std::isnan(d)) return void(out->append("NaN"));
  if (std::isinf(d)) return void(out->append(d > 0 ? "Infinity" : "-Infinity"));
  if (d == 0) return void(out->append(std::signbit(d) ? "-0.0" : "0.0"));
  if (d < 0) out->push_back('-');

  // Shortest round-trip digits in scientific form: "d.dddde+XX". Every
  // response carries timestamps, so no temporary strings here.
  char sci[64];
  const char* const end = std::to_chars(sci, sci + sizeof sci, std::fabs(d), std::chars_format::scientific).ptr;
  const char* e = std::find(static_cast<const char*>(sci), end, 'e');
  char digits[32];
  size_t n = 0;
  for (const char* c = sci; c != e; ++c) {
    if (*c != '.') digits[n++] = *c;
  }
  // "e+07" or "e-05": from_chars reads no '+'.
  int exponent = 0;
  std::from_chars(e + 2, end, exponent);
  if (e[1] == '-') exponent = -exponent;

  const double magnitude = std::fabs(d);
  if (magnitude >= 1e-3 && magnitude < 1e7) {
    if (exponent >= 0) {
      const size_t int_digits = static_cast<size_t>(exponent) + 1;
      out->append(digits, std::min(n, int_digits));
      if (n < int_digits) out->append(int_digits - n, '0');
      out->push_back('.');
      if (n > int_digits) {
        out->append(digits + int_digits, n - int_digits);
      } else {
        out->push_back('0');
      }
    } else {
      out->append("0.");
      out->append(static_cast<size_t>(-exponent - 1), '0');
      out->append(digits, n);
    }
    return;
  }
  out->push_back(digits[0]);
  out->push_back('.');
  if (n > 1) {
    out->append(digits + 1, n - 1);
  } else {
    out->push_back('0');
  }
  out->push_back('E');
  char exp[8];
  out->append(exp, std::to_chars(exp, exp + sizeof exp, exponent).ptr);
}

std::string FormatJavaDouble(double d) {
  std::string out;
  AppendJavaDouble(&out, d);
  return out;
}

}  // namespace fakeaws::base
