// IsExportFileName: reads <job>_<yyyy-MM-ddTHH-mm-ssZ>_part<N>.csv, or
// .parquet for a PARQUET export (wire-format.md §3.1) independently of the fake's own ExportWriter, so a
// test of the writer is not the writer checking itself.
#include <cctype>

#include "fakeaws/matchers.h"

namespace fakeaws::matchers_internal {
namespace {

constexpr const char* kForm = "<job>_<yyyy-MM-ddTHH-mm-ssZ>_part<N>.csv|.parquet";

bool EndsWith(const std::string& s, std::string_view tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

struct ExportName {
  std::string job;
  Timestamp time;
  int part = 0;
};

// "" on success, else why `name` is not an export part's name.
std::string ParseExportName(const std::string& name, ExportName* out) {
  const std::string file = name.substr(name.rfind('/') == std::string::npos ? 0 : name.rfind('/') + 1);
  const std::string_view ext = EndsWith(file, ".csv") ? ".csv" : EndsWith(file, ".parquet") ? ".parquet" : "";
  if (ext.empty()) return "it doesn't end in .csv or .parquet";
  const size_t part_at = file.rfind("_part");
  if (part_at == std::string::npos) return "it has no _part<N> before " + std::string(ext);
  const std::string digits = file.substr(part_at + 5, file.size() - ext.size() - part_at - 5);
  if (digits.empty() || digits.size() > 9) return "its part number is not a number";
  for (char c : digits) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return "its part number is not a number";
  }
  out->part = std::stoi(digits);
  constexpr size_t kStampLen = 20;  // 2026-01-01T00-00-00Z
  if (part_at < kStampLen + 1 || file[part_at - kStampLen - 1] != '_') {
    return "it has no _<yyyy-MM-ddTHH-mm-ssZ> before _part";
  }
  std::string stamp = file.substr(part_at - kStampLen, kStampLen);
  static constexpr std::string_view kShape = "dddd-dd-ddTdd-dd-ddZ";
  for (size_t i = 0; i < kShape.size(); ++i) {
    const bool digit_ok = kShape[i] == 'd' && std::isdigit(static_cast<unsigned char>(stamp[i]));
    if (!digit_ok && kShape[i] != stamp[i]) return "its timestamp " + stamp + " is not yyyy-MM-ddTHH-mm-ssZ";
  }
  stamp[13] = ':';
  stamp[16] = ':';
  if (!ParseTimestamp(stamp, &out->time)) return "its timestamp " + stamp + " is not a valid time";
  out->job = file.substr(0, part_at - kStampLen - 1);
  return "";
}

class TimestampEqMatcher : public ::testing::MatcherInterface<Timestamp> {
 public:
  explicit TimestampEqMatcher(Timestamp t) : t_(t) {}
  bool MatchAndExplain(Timestamp t, ::testing::MatchResultListener*) const override { return t == t_; }
  void DescribeTo(std::ostream* os) const override { *os << "is " << FormatTimestamp(t_); }
  void DescribeNegationTo(std::ostream* os) const override { *os << "isn't " << FormatTimestamp(t_); }

 private:
  Timestamp t_;
};

}  // namespace

::testing::Matcher<Timestamp> TimestampEq(Timestamp t) {
  return ::testing::MakeMatcher(new TimestampEqMatcher(t));
}

void ExportFileNameMatcher::DescribeTo(std::ostream* os) const {
  *os << "is an export file name " << kForm << " with job " << ::testing::PrintToString(job_)
      << ", a timestamp that ";
  timestamp_.DescribeTo(os);
  *os << " and a part number that ";
  part_.DescribeTo(os);
}

void ExportFileNameMatcher::DescribeNegationTo(std::ostream* os) const {
  *os << "isn't an export file name " << kForm << " with job " << ::testing::PrintToString(job_)
      << ", a timestamp that ";
  timestamp_.DescribeTo(os);
  *os << " and a part number that ";
  part_.DescribeTo(os);
}

bool ExportFileNameMatcher::MatchAndExplain(const std::string& name,
                                            ::testing::MatchResultListener* listener) const {
  ExportName parsed;
  const std::string why = ParseExportName(name, &parsed);
  if (!why.empty()) {
    *listener << "which is not named " << kForm << ": " << why;
    return false;
  }
  *listener << "which is the export file of job " << ::testing::PrintToString(parsed.job)
            << ", timestamp " << FormatTimestamp(parsed.time) << ", part " << parsed.part;
  if (parsed.job != job_) {
    *listener << ", whose job differs";
    return false;
  }
  if (!timestamp_.Matches(parsed.time)) {
    *listener << ", whose timestamp doesn't match";
    return false;
  }
  if (!part_.Matches(parsed.part)) {
    *listener << ", whose part number doesn't match";
    return false;
  }
  return true;
}

}  // namespace fakeaws::matchers_internal
