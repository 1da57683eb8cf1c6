// Text the way AWS's Java services print it.
#pragma once

#include <string>

namespace fakeaws::base {

// Java's Double.toString: the shortest digits that read back to `d`, plain
// ("40.468546", "1.0") for 1e-3 <= |d| < 1e7 and computerized scientific
// notation ("1.735442939457E9") otherwise. Coral writes JSON timestamps this
// way (wire-format.md §1.2) and Spark writes CSV doubles this way.
std::string FormatJavaDouble(double d);
void AppendJavaDouble(std::string* out, double d);

}  // namespace fakeaws::base
