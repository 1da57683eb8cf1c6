// GoogleMock matchers for tests written against fakeaws. They read like the
// spec and, when they fail, say what they found first:
//
//   EXPECT_THAT(response, fakeaws::IsAwsError("LimitExceededException",
//                                             testing::HasSubstr("concurrently")));
//   // Expected: is an AWS error of type LimitExceededException whose message
//   //           has substring "concurrently"
//   //   Actual: 200 OK [...], which is a 200 response with no AWS error, body {...}
//
//   EXPECT_THAT(fake, fakeaws::HasObject("exports", testing::StartsWith("weekly/"))
//                         .WithBody(testing::HasSubstr("item_id,date")));
//   EXPECT_THAT(fake, fakeaws::Called("AmazonForecast.CreateForecastExportJob")
//                         .With(fakeaws::HasJsonMember("/ForecastExportJobName", "weekly"))
//                         .Times(3));
//
//   EXPECT_THAT(fake.forecast().PutForecast(spec), fakeaws::IsOkAndHolds(HasSubstr("forecast/demand")));
//
// Like Abseil's and google-cloud-cpp's status matchers there is no "is any
// error": name the error you expect. Matchers only read: they never advance
// the clock or use up a fault, so gMock may run them as often as it likes.
#pragma once

#include <gmock/gmock.h>

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "fakeaws/error.h"
#include "fakeaws/fake.h"
#include "fakeaws/http.h"
#include "fakeaws/journal.h"
#include "fakeaws/s3.h"

namespace fakeaws {
namespace matchers_internal {

using StringMatcher = ::testing::Matcher<const std::string&>;

// ---- Errors and statuses -------------------------------------------------

// How an error matcher reads a value.
struct ErrorView {
  std::string what;  // "a 400 response", "an AwsError", "request #3 to X, answered 400"
  bool ok = false;   // carries no error at all
  std::string ok_detail;
  AwsError error;
  int status = 0;
};
ErrorView ViewError(const HttpResponse& response);
ErrorView ViewError(const AwsError& error);
ErrorView ViewError(const JournalEntry& entry);
ErrorView ViewOutcomeError(const AwsError& error);
ErrorView ViewOkOutcome();
template <typename T>
ErrorView ViewError(const Outcome<T>& outcome) {
  return outcome.ok() ? ViewOkOutcome() : ViewOutcomeError(outcome.error());
}

class AwsErrorMatcher {
 public:
  AwsErrorMatcher(std::string type, std::optional<StringMatcher> message)
      : type_(std::move(type)), message_(std::move(message)) {}
  template <typename T>
  bool MatchAndExplain(const T& value, ::testing::MatchResultListener* listener) const {
    return MatchView(ViewError(value), listener);
  }
  void DescribeTo(std::ostream* os) const;
  void DescribeNegationTo(std::ostream* os) const;

 private:
  bool MatchView(const ErrorView& view, ::testing::MatchResultListener* listener) const;
  std::string type_;
  std::optional<StringMatcher> message_;
};

class HttpStatusMatcher {
 public:
  explicit HttpStatusMatcher(int status) : status_(status) {}
  template <typename T>
  bool MatchAndExplain(const T& value, ::testing::MatchResultListener* listener) const {
    return MatchView(ViewError(value), listener);
  }
  void DescribeTo(std::ostream* os) const;
  void DescribeNegationTo(std::ostream* os) const;

 private:
  bool MatchView(const ErrorView& view, ::testing::MatchResultListener* listener) const;
  int status_;
};

// ---- Outcomes --------------------------------------------------------------

// "which is a failed Outcome: NoSuchKey (HTTP 404): "The specified key ...""
void ExplainFailedOutcome(const AwsError& error, ::testing::MatchResultListener* listener);

class IsOkMatcher {
 public:
  template <typename T>
  bool MatchAndExplain(const Outcome<T>& outcome, ::testing::MatchResultListener* listener) const {
    if (!outcome.ok()) ExplainFailedOutcome(outcome.error(), listener);
    return outcome.ok();
  }
  void DescribeTo(std::ostream* os) const { *os << "is a successful Outcome"; }
  void DescribeNegationTo(std::ostream* os) const { *os << "is a failed Outcome"; }
};

template <typename ValueMatcher>
class IsOkAndHoldsMatcher {
 public:
  explicit IsOkAndHoldsMatcher(ValueMatcher value) : value_(std::move(value)) {}

  template <typename OutcomeType>
  operator ::testing::Matcher<OutcomeType>() const {  // NOLINT: implicit, as gMock's Optional()
    using Value = std::decay_t<decltype(std::declval<const std::decay_t<OutcomeType>&>().value())>;
    return ::testing::Matcher<OutcomeType>(
        new Impl<OutcomeType>(::testing::SafeMatcherCast<const Value&>(value_)));
  }

 private:
  template <typename OutcomeType>
  class Impl : public ::testing::MatcherInterface<OutcomeType> {
   public:
    using Value = std::decay_t<decltype(std::declval<const std::decay_t<OutcomeType>&>().value())>;
    explicit Impl(::testing::Matcher<const Value&> value) : value_(std::move(value)) {}
    bool MatchAndExplain(OutcomeType outcome, ::testing::MatchResultListener* listener) const override {
      if (!outcome.ok()) {
        ExplainFailedOutcome(outcome.error(), listener);
        return false;
      }
      ::testing::StringMatchResultListener inner;
      const bool matched = value_.MatchAndExplain(outcome.value(), &inner);
      *listener << "which is a successful Outcome whose value " << ::testing::PrintToString(outcome.value());
      if (!inner.str().empty()) *listener << ", " << inner.str();
      return matched;
    }
    void DescribeTo(std::ostream* os) const override {
      *os << "is a successful Outcome whose value ";
      value_.DescribeTo(os);
    }
    void DescribeNegationTo(std::ostream* os) const override {
      *os << "is a failed Outcome, or a successful one whose value ";
      value_.DescribeNegationTo(os);
    }

   private:
    ::testing::Matcher<const Value&> value_;
  };

  ValueMatcher value_;
};

// ---- JSON members --------------------------------------------------------

// The JSON text a matcher reads in a value, and what to call it.
struct JsonSource {
  const std::string* text;
  const char* owner;  // "" for a plain string, "body" or "input" otherwise
};
inline JsonSource JsonOf(const std::string& s) { return {&s, ""}; }
inline JsonSource JsonOf(const HttpResponse& r) { return {&r.body, "body"}; }
inline JsonSource JsonOf(const JournalEntry& e) { return {&e.input(), "input"}; }

class JsonMemberMatcher {
 public:
  JsonMemberMatcher(std::string pointer, StringMatcher value)
      : pointer_(std::move(pointer)), value_(std::move(value)) {}
  template <typename T>
  bool MatchAndExplain(const T& value, ::testing::MatchResultListener* listener) const {
    return MatchJson(JsonOf(value), listener);
  }
  // A C string is JSON text too.
  bool MatchAndExplain(const char* value, ::testing::MatchResultListener* listener) const {
    const std::string text = value ? value : "";
    return MatchJson(JsonOf(text), listener);
  }
  void DescribeTo(std::ostream* os) const;
  void DescribeNegationTo(std::ostream* os) const;

 private:
  bool MatchJson(JsonSource source, ::testing::MatchResultListener* listener) const;
  std::string pointer_;
  StringMatcher value_;
};

// ---- Export file names ---------------------------------------------------

class ExportFileNameMatcher {
 public:
  ExportFileNameMatcher(std::string job, ::testing::Matcher<Timestamp> timestamp,
                        ::testing::Matcher<int> part)
      : job_(std::move(job)), timestamp_(std::move(timestamp)), part_(std::move(part)) {}
  bool MatchAndExplain(const std::string& name, ::testing::MatchResultListener* listener) const;
  bool MatchAndExplain(const char* name, ::testing::MatchResultListener* listener) const {
    return MatchAndExplain(std::string(name ? name : ""), listener);
  }
  void DescribeTo(std::ostream* os) const;
  void DescribeNegationTo(std::ostream* os) const;

 private:
  std::string job_;
  ::testing::Matcher<Timestamp> timestamp_;
  ::testing::Matcher<int> part_;
};

// Describes a Timestamp as "is 2026-01-01T00:00:00Z" (gtest cannot print
// std::chrono time points).
::testing::Matcher<Timestamp> TimestampEq(Timestamp t);
template <typename M>
::testing::Matcher<Timestamp> ToTimestampMatcher(M m) {
  if constexpr (std::is_convertible_v<M, Timestamp> &&
                !std::is_base_of_v<::testing::MatcherDescriberInterface, M>) {
    return TimestampEq(Timestamp(m));
  } else {
    return ::testing::SafeMatcherCast<Timestamp>(m);
  }
}

// ---- The S3 store --------------------------------------------------------

struct ObjectCriteria {
  std::string bucket;
  StringMatcher key;
  std::optional<StringMatcher> body;
  std::optional<StringMatcher> content_type;
  std::vector<std::pair<std::string, StringMatcher>> metadata;
};

bool MatchObjects(const ObjectCriteria& c, const S3Api& s3, ::testing::MatchResultListener* listener);
void DescribeObjects(const ObjectCriteria& c, bool negation, std::ostream* os);

// ---- The journal ---------------------------------------------------------

struct CallPattern {
  std::string operation;
  std::optional<StringMatcher> input;
  std::optional<::testing::Matcher<const JournalEntry&>> returning;
};

bool MatchCalls(const CallPattern& p, const std::optional<::testing::Matcher<size_t>>& count,
                const std::vector<JournalEntry>& entries, ::testing::MatchResultListener* listener);
void DescribeCalls(const CallPattern& p, const std::optional<::testing::Matcher<size_t>>& count,
                   bool negation, std::ostream* os);
bool MatchCallsInOrder(const std::vector<CallPattern>& steps, const std::vector<JournalEntry>& entries,
                       ::testing::MatchResultListener* listener);
void DescribeCallsInOrder(const std::vector<CallPattern>& steps, bool negation, std::ostream* os);

inline std::vector<JournalEntry> EntriesOf(const Journal& j) { return j.Entries(); }
inline std::vector<JournalEntry> EntriesOf(const Fake& f) { return f.journal().Entries(); }
inline const std::vector<JournalEntry>& EntriesOf(const std::vector<JournalEntry>& v) { return v; }

template <typename Impl>
class PolymorphicBase {
 public:
  template <typename T>
  operator ::testing::Matcher<T>() const {  // NOLINT: implicit, as gMock's polymorphic matchers
    return ::testing::MakePolymorphicMatcher(static_cast<const Impl&>(*this));
  }
};

}  // namespace matchers_internal

// `value` (an HttpResponse of either protocol, an AwsError, an Outcome<T> or
// a JournalEntry) carries the AWS error `type` ("ResourceNotFoundException",
// "NoSuchKey"), read as clients read it (wire-format.md §1.4, §4.1).
inline ::testing::PolymorphicMatcher<matchers_internal::AwsErrorMatcher> IsAwsError(std::string type) {
  return ::testing::MakePolymorphicMatcher(
      matchers_internal::AwsErrorMatcher(std::move(type), std::nullopt));
}
// ... and a message that `message_matcher` accepts (a string or a matcher).
template <typename MessageMatcher>
::testing::PolymorphicMatcher<matchers_internal::AwsErrorMatcher> IsAwsError(
    std::string type, MessageMatcher message_matcher) {
  return ::testing::MakePolymorphicMatcher(matchers_internal::AwsErrorMatcher(
      std::move(type), ::testing::SafeMatcherCast<const std::string&>(message_matcher)));
}

// An Outcome<T> that succeeded; a failure explains itself with the error:
//   Expected: is a successful Outcome
//     Actual: ..., which is a failed Outcome: NoSuchKey (HTTP 404): "..."
inline ::testing::PolymorphicMatcher<matchers_internal::IsOkMatcher> IsOk() {
  return ::testing::MakePolymorphicMatcher(matchers_internal::IsOkMatcher());
}
// ... whose value `value_matcher` accepts (a value or a matcher):
//   EXPECT_THAT(fake.s3().GetObject("exports", key), IsOkAndHolds(Field(&S3Object::body, "a,b\n")));
template <typename ValueMatcher>
matchers_internal::IsOkAndHoldsMatcher<ValueMatcher> IsOkAndHolds(ValueMatcher value_matcher) {
  return matchers_internal::IsOkAndHoldsMatcher<ValueMatcher>(std::move(value_matcher));
}

// An HttpResponse, JournalEntry or AwsError with HTTP status `status`.
inline ::testing::PolymorphicMatcher<matchers_internal::HttpStatusMatcher> HasHttpStatus(int status) {
  return ::testing::MakePolymorphicMatcher(matchers_internal::HttpStatusMatcher(status));
}

// JSON text (a std::string, an HttpResponse's body, a JournalEntry's input)
// with a member at the RFC 6901 `pointer` ("/Destination/S3Config/Path",
// "/Tags/0/Key") whose value `value_matcher` accepts. A JSON string is
// matched by its content; any other value by its JSON text as sent, so
// numbers compare as they appear on the wire ("1.7672256E9").
template <typename ValueMatcher>
::testing::PolymorphicMatcher<matchers_internal::JsonMemberMatcher> HasJsonMember(
    std::string pointer, ValueMatcher value_matcher) {
  return ::testing::MakePolymorphicMatcher(matchers_internal::JsonMemberMatcher(
      std::move(pointer), ::testing::SafeMatcherCast<const std::string&>(value_matcher)));
}

// A Forecast export part's name, as a file name, S3 key or s3:// URI:
// <job>_<yyyy-MM-ddTHH-mm-ssZ>_part<N>.csv, or .parquet for a PARQUET
// export (wire-format.md §3.1). The
// timestamp matcher sees a fakeaws::Timestamp (pass one to require it
// exactly), the part matcher the number N.
template <typename TimestampMatcher, typename PartMatcher>
::testing::PolymorphicMatcher<matchers_internal::ExportFileNameMatcher> IsExportFileName(
    std::string job, TimestampMatcher timestamp_matcher, PartMatcher part_matcher) {
  return ::testing::MakePolymorphicMatcher(matchers_internal::ExportFileNameMatcher(
      std::move(job), matchers_internal::ToTimestampMatcher(timestamp_matcher),
      ::testing::SafeMatcherCast<int>(part_matcher)));
}

// A Fake (or its S3Api) holding an object in `bucket` whose key matches;
// refine with WithBody / WithContentType / WithMetadata. One object must
// satisfy everything.
class HasObjectMatcher : public matchers_internal::PolymorphicBase<HasObjectMatcher> {
 public:
  HasObjectMatcher(std::string bucket, matchers_internal::StringMatcher key)
      : c_{std::move(bucket), std::move(key), std::nullopt, std::nullopt, {}} {}

  template <typename M>
  HasObjectMatcher WithBody(M body_matcher) const {
    HasObjectMatcher m = *this;
    m.c_.body = ::testing::SafeMatcherCast<const std::string&>(body_matcher);
    return m;
  }
  template <typename M>
  HasObjectMatcher WithContentType(M content_type_matcher) const {
    HasObjectMatcher m = *this;
    m.c_.content_type = ::testing::SafeMatcherCast<const std::string&>(content_type_matcher);
    return m;
  }
  // User metadata (x-amz-meta-<name>) `name` with a matching value.
  template <typename M>
  HasObjectMatcher WithMetadata(std::string name, M value_matcher) const {
    HasObjectMatcher m = *this;
    m.c_.metadata.emplace_back(std::move(name),
                               ::testing::SafeMatcherCast<const std::string&>(value_matcher));
    return m;
  }

  bool MatchAndExplain(const S3Api& s3, ::testing::MatchResultListener* listener) const {
    return matchers_internal::MatchObjects(c_, s3, listener);
  }
  bool MatchAndExplain(const Fake& fake, ::testing::MatchResultListener* listener) const {
    return matchers_internal::MatchObjects(c_, fake.s3(), listener);
  }
  void DescribeTo(std::ostream* os) const { matchers_internal::DescribeObjects(c_, false, os); }
  void DescribeNegationTo(std::ostream* os) const { matchers_internal::DescribeObjects(c_, true, os); }

 private:
  matchers_internal::ObjectCriteria c_;
};

template <typename KeyMatcher>
HasObjectMatcher HasObject(std::string bucket, KeyMatcher key_matcher) {
  return HasObjectMatcher(std::move(bucket), ::testing::SafeMatcherCast<const std::string&>(key_matcher));
}

// A Fake, Journal or std::vector<JournalEntry> with at least one request to
// `operation` ("AmazonForecast.CreateForecastExportJob", "s3:PutObject");
// refine with With (the input), Returning (the entry: IsAwsError,
// HasHttpStatus) and Times (how many requests match everything).
class CalledMatcher : public matchers_internal::PolymorphicBase<CalledMatcher> {
 public:
  explicit CalledMatcher(std::string operation) { p_.operation = std::move(operation); }

  template <typename M>
  CalledMatcher With(M input_matcher) const {
    CalledMatcher m = *this;
    m.p_.input = ::testing::SafeMatcherCast<const std::string&>(input_matcher);
    return m;
  }
  template <typename M>
  CalledMatcher Returning(M entry_matcher) const {
    CalledMatcher m = *this;
    m.p_.returning = ::testing::SafeMatcherCast<const JournalEntry&>(entry_matcher);
    return m;
  }
  // A count or a matcher on it: Times(3), Times(testing::Ge(2)).
  template <typename M>
  CalledMatcher Times(M count_matcher) const {
    CalledMatcher m = *this;
    m.count_ = ::testing::SafeMatcherCast<size_t>(count_matcher);
    return m;
  }

  template <typename T>
  bool MatchAndExplain(const T& journal, ::testing::MatchResultListener* listener) const {
    return matchers_internal::MatchCalls(p_, count_, matchers_internal::EntriesOf(journal), listener);
  }
  void DescribeTo(std::ostream* os) const { matchers_internal::DescribeCalls(p_, count_, false, os); }
  void DescribeNegationTo(std::ostream* os) const {
    matchers_internal::DescribeCalls(p_, count_, true, os);
  }
  const matchers_internal::CallPattern& pattern() const { return p_; }

 private:
  matchers_internal::CallPattern p_;
  std::optional<::testing::Matcher<size_t>> count_;
};

inline CalledMatcher Called(std::string operation) { return CalledMatcher(std::move(operation)); }

// Requests matching each step, in this order (other requests may come in
// between). Each step is a Called(...) pattern; its Times is ignored.
class CalledInOrderMatcher : public matchers_internal::PolymorphicBase<CalledInOrderMatcher> {
 public:
  explicit CalledInOrderMatcher(std::vector<matchers_internal::CallPattern> steps)
      : steps_(std::move(steps)) {}
  template <typename T>
  bool MatchAndExplain(const T& journal, ::testing::MatchResultListener* listener) const {
    return matchers_internal::MatchCallsInOrder(steps_, matchers_internal::EntriesOf(journal), listener);
  }
  void DescribeTo(std::ostream* os) const { matchers_internal::DescribeCallsInOrder(steps_, false, os); }
  void DescribeNegationTo(std::ostream* os) const {
    matchers_internal::DescribeCallsInOrder(steps_, true, os);
  }

 private:
  std::vector<matchers_internal::CallPattern> steps_;
};

template <typename... Steps>
CalledInOrderMatcher CalledInOrder(const Steps&... steps) {
  return CalledInOrderMatcher({steps.pattern()...});
}

// For tests that prefer expectations to journals: registered on `fake` for
// its lifetime, told of each request as it completes.
//
//   fakeaws::MockObserver observer(fake);
//   EXPECT_CALL(observer, OnRequest("AmazonForecast.CreateForecastExportJob", _,
//                                   fakeaws::IsAwsError("LimitExceededException")));
class MockObserver : public RequestObserver {
 public:
  explicit MockObserver(Fake& fake) : journal_(fake.journal()) { journal_.AddObserver(this); }
  ~MockObserver() override { journal_.RemoveObserver(this); }
  MockObserver(const MockObserver&) = delete;
  MockObserver& operator=(const MockObserver&) = delete;

  MOCK_METHOD(void, OnRequest,
              (const std::string& operation, const HttpRequest& request, const HttpResponse& response),
              (override));

 private:
  Journal& journal_;
};

}  // namespace fakeaws
