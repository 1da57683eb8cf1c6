#include "forecast/errors.h"

namespace fakeaws::forecast {
namespace {
AwsError Make(const char* type, std::string message) { return {type, std::move(message), 400, {}}; }
constexpr const char* kInvalidInput = "InvalidInputException";
constexpr const char* kInUse = "ResourceInUseException";
constexpr const char* kLimit = "LimitExceededException";
}  // namespace

AwsError ResourceNotFound(const std::string& arn) {
  return Make("ResourceNotFoundException", "No resource found " + arn);
}

AwsError ResourceAlreadyExists(std::string_view resource_words, const std::string& arn) {
  return Make("ResourceAlreadyExistsException",
              "A " + std::string(resource_words) + " already exists with the arn: " + arn);
}

AwsError NoObjectsFound(const std::string& path) { return Make(kInvalidInput, NoObjectsFoundMessage(path)); }

std::string NoObjectsFoundMessage(const std::string& path) {
  return "No objects found in s3 path " + path + ", please ensure the path is specified correctly.";
}

const std::vector<std::string>& AlgorithmArns() {
  static const auto* const kArns = new std::vector<std::string>{
      "arn:aws:forecast:::algorithm/CNN-QR", "arn:aws:forecast:::algorithm/Deep_AR_Plus",
      "arn:aws:forecast:::algorithm/NPTS",   "arn:aws:forecast:::algorithm/ETS",
      "arn:aws:forecast:::algorithm/ARIMA",  "arn:aws:forecast:::algorithm/Prophet"};
  return *kArns;
}

AwsError InvalidAlgorithm(const std::string& algorithm_arn) {
  std::string options;
  for (const auto& a : AlgorithmArns()) options += (options.empty() ? "" : ",") + a;
  return Make(kInvalidInput, "Invalid Algorithm ARN specified: " + algorithm_arn + ". Options: " + options);
}

AwsError RelatedAttributesNotNumeric(const std::vector<std::string>& attributes) {
  std::string list;
  for (const auto& a : attributes) list += (list.empty() ? "" : ", ") + a;
  return Make(kInvalidInput, "The attribute(s) [" + list +
                                 "] present in the RELATED_TIME_SERIES schema should be of numeric type such as "
                                 "`integer` or `float`, or be added as a forecast dimension");
}

AwsError ResourceNotActive(std::string_view resource_words, const std::string& arn,
                           std::string_view status) {
  return Make(kInUse, "The " + std::string(resource_words) + " " + arn + " is in status " +
                          std::string(status) + "; it must be ACTIVE");
}

AwsError ResourceHasChildren(std::string_view resource_words, const std::string& arn,
                             std::string_view child_words) {
  return Make(kInUse, "The " + std::string(resource_words) + " " + arn + " has " +
                          std::string(child_words) +
                          "; delete them first or use DeleteResourceTree");
}

AwsError CannotDeleteInStatus(std::string_view resource_words, const std::string& arn,
                              std::string_view status) {
  return Make(kInUse, "Cannot delete the " + std::string(resource_words) + " " + arn +
                          " in status " + std::string(status) +
                          "; only ACTIVE or CREATE_FAILED resources can be deleted");
}

AwsError ConcurrentQuotaReached(int limit, std::string_view what) {
  return Make(kLimit, "Quota limit of " + std::to_string(limit) + " concurrently creating " +
                          std::string(what) + " has been reached");
}

AwsError TotalQuotaReached(int limit, std::string_view what) {
  return Make(kLimit, "Quota limit of " + std::to_string(limit) + " of total number of " +
                          std::string(what) + " has been reached");
}

AwsError ShortTotalQuotaReached(int limit, std::string_view what) {
  return Make(kLimit, "Quota limit of " + std::to_string(limit) + " " + std::string(what) + " has been reached");
}

AwsError StopQuotaReached(int limit) {
  return Make(kLimit, "Quota limit of " + std::to_string(limit) +
                          " parallel running StopResource tasks per resource type has been reached");
}

AwsError InvalidInput(std::string message) { return Make(kInvalidInput, std::move(message)); }

AwsError TooManyTags(int limit) {
  return InvalidInput("The number of tags exceeds the limit of " + std::to_string(limit) +
                      " tags per resource");
}

AwsError ReservedTagKey(const std::string& key) {
  return InvalidInput("The tag key " + key +
                      " uses the prefix aws:, which is reserved for AWS use");
}

AwsError DuplicateTagKey(const std::string& key) {
  return InvalidInput("The tag key " + key + " is used more than once; tag keys must be unique");
}

AwsError RoleInOtherAccount(const std::string& role_arn) {
  return InvalidInput("The role " + role_arn +
                      " belongs to another account; passing a role across accounts is not allowed");
}

AwsError MalformedRoleArn(const std::string& role_arn) {
  return InvalidInput("The role ARN " + role_arn + " is not a valid IAM role ARN");
}

AwsError UnusableKmsKey(const std::string& kms_key_arn) {
  return InvalidInput("The KMS key " + kms_key_arn +
                      " is not a valid KMS key ARN in this account and region");
}

AwsError InvalidFilterKey(const std::string& key, std::string_view valid_keys) {
  return InvalidInput("The filter key " + key + " is not valid; valid keys are " +
                      std::string(valid_keys));
}

AwsError NotStoppable(const std::string& arn, std::string_view status) {
  return InvalidInput("The resource " + arn + " is in status " + std::string(status) +
                      "; only resources in CREATE_PENDING or CREATE_IN_PROGRESS can be stopped");
}

AwsError UnsupportedResourceArn(const std::string& arn) {
  return InvalidInput("The ARN " + arn + " does not name a resource this operation supports");
}

AwsError NotResumable(const std::string& arn) {
  return InvalidInput("The resource " + arn + " cannot be resumed; only monitors can be resumed");
}

AwsError TreeMemberBusy(const std::string& root_arn, std::string_view member_words,
                        const std::string& member_arn, std::string_view status) {
  return Make(kInUse, "Cannot delete the resource tree of " + root_arn + ": the " + std::string(member_words) +
                          " " + member_arn + " is in status " + std::string(status));
}

AwsError DomainMismatch(const std::string& dataset_arn, const std::string& dataset_domain,
                        const std::string& group_domain) {
  return InvalidInput("The domain " + dataset_domain + " of the dataset " + dataset_arn +
                      " does not match the domain " + group_domain + " of the dataset group");
}

AwsError DatasetTypeTaken(const std::string& dataset_type, const std::string& dataset_arn) {
  return InvalidInput("A dataset group can hold only one dataset of each type; the dataset " + dataset_arn +
                      " is a second " + dataset_type + " dataset");
}

AwsError MissingSchemaAttribute(const std::string& domain, const std::string& dataset_type,
                                const std::string& attribute, const std::string& expected_type) {
  return InvalidInput("The schema of a " + dataset_type + " dataset in the " + domain +
                      " domain must have the attribute " + attribute + " of type " + expected_type);
}

AwsError DuplicateSchemaAttribute(const std::string& attribute) {
  return InvalidInput("The schema has more than one attribute named " + attribute);
}

AwsError MissingDataFrequency(const std::string& dataset_type) {
  return InvalidInput("DataFrequency is required for a " + dataset_type + " dataset");
}

AwsError IncompleteSchemaAttribute() {
  return InvalidInput("Every schema attribute needs an AttributeName and an AttributeType");
}

AwsError IncompleteTimeSeriesSelector() {
  return InvalidInput("The TimeSeriesIdentifiers of a TimeSeriesSelector need a DataSource, a Schema and a Format");
}

AwsError NoWhatIfForecasts() { return InvalidInput("WhatIfForecastArns names no what-if forecast"); }

AwsError UnsupportedTimestampFormat(const std::string& format) {
  return InvalidInput("The TimestampFormat " + format +
                      " is not supported; use yyyy-MM-dd or yyyy-MM-dd HH:mm:ss");
}

AwsError TimestampFormatNeedsTime(const std::string& format, const std::string& frequency) {
  return InvalidInput("The TimestampFormat " + format + " has no time of day, which the data frequency " +
                      frequency + " needs; use yyyy-MM-dd HH:mm:ss");
}

AwsError NoTargetTimeSeries(const std::string& dataset_group_arn) {
  return InvalidInput("The dataset group " + dataset_group_arn + " has no TARGET_TIME_SERIES dataset");
}

AwsError NoImportedData(const std::string& dataset_arn) {
  return InvalidInput("The dataset " + dataset_arn +
                      " has no data; import data with CreateDatasetImportJob and wait until it is ACTIVE");
}

AwsError InvalidForecastType(const std::string& forecast_type) {
  return InvalidInput("The forecast type " + forecast_type +
                      " is not valid; use quantiles from 0.01 to 0.99 in increments of 0.01, or mean");
}

AwsError TooManyForecastTypes(size_t given, int limit) {
  return InvalidInput("You can specify up to " + std::to_string(limit) + " forecast types; " +
                      std::to_string(given) + " were given");
}

AwsError UnknownDimension(const std::string& dimension, const std::string& dataset_arn) {
  return InvalidInput("The forecast dimension " + dimension + " is not a string attribute of the dataset " +
                      dataset_arn);
}

AwsError HorizonNotPositive(int horizon) {
  return InvalidInput("The ForecastHorizon " + std::to_string(horizon) + " must be greater than 0");
}

AwsError FrequencyFinerThanData(const std::string& frequency, const std::string& data_frequency) {
  return InvalidInput("The forecast frequency " + frequency +
                      " must be greater than or equal to the TARGET_TIME_SERIES dataset frequency " +
                      data_frequency);
}

AwsError RelatedFrequencyMismatch(const std::string& frequency, const std::string& related_frequency) {
  return InvalidInput("The forecast frequency " + frequency +
                      " must be equal to the RELATED_TIME_SERIES dataset frequency " + related_frequency);
}

AwsError MissingPredictorMember(const std::string& member) {
  return InvalidInput(member + " is required when creating a new predictor");
}

AwsError ConflictingPredictorMember(const std::string& member, const std::string& because) {
  return InvalidInput(member + " cannot be specified " + because);
}

AwsError WrongPredictorKind(const std::string& arn, bool is_auto) {
  return InvalidInput(is_auto ? "The predictor " + arn +
                                    " was created with CreateAutoPredictor; use DescribeAutoPredictor"
                              : "The predictor " + arn +
                                    " was created with CreatePredictor; use DescribePredictor");
}

AwsError ExplainabilityNeedsAutoPredictor() {
  return InvalidInput(
      "Explainability is only available for Forecasts and Predictors generated from an AutoPredictor "
      "(CreateAutoPredictor)");
}

AwsError ExplainabilityNeedsRelatedData() {
  return InvalidInput(
      "To enable Forecast Explainability, your predictor must include at least one of the following: related "
      "time series, item metadata, or additional datasets like Holidays and the Weather Index.");
}

AwsError ExplainabilityGranularity(const std::string& resource_words, const std::string& required) {
  return InvalidInput("For " + resource_words + ", TimeSeriesGranularity and TimePointGranularity must be set to " +
                      required);
}

AwsError ExplainabilityMemberOnlyForSpecific(const std::string& members, const std::string& granularity) {
  return InvalidInput(members + " are only valid when " + granularity + " is SPECIFIC");
}

AwsError ExplainabilityMissingForSpecific(const std::string& members, const std::string& granularity) {
  return InvalidInput(members + " are required when " + granularity + " is SPECIFIC");
}

AwsError MonitorNeedsAutoPredictor(const std::string& arn) {
  return InvalidInput("The resource " + arn + " is not a predictor created with CreateAutoPredictor; only those can be monitored");
}

AwsError MonitorNotStopped(const std::string& arn, std::string_view status) {
  return InvalidInput("The monitor " + arn + " is in status " + std::string(status) +
                      "; only ACTIVE_STOPPED monitors can be resumed");
}

AwsError WhatIfNeedsAutoPredictorForecast(const std::string& forecast_arn) {
  return InvalidInput("The forecast " + forecast_arn +
                      " was not created from a predictor made with CreateAutoPredictor; what-if analyses need one");
}

AwsError UnknownRelatedAttribute(const std::string& attribute) {
  return InvalidInput("The attribute " + attribute + " is not in the related time series dataset of the forecast");
}

AwsError QueryUnknownFilterKey(const std::string& key, const std::string& valid_keys) {
  return InvalidInput("The filter key " + key + " is not valid for this forecast; valid keys are " + valid_keys);
}

AwsError QueryNeedsSeries(const std::string& missing_keys) {
  return InvalidInput("The filters must choose a single time series; add filters for " + missing_keys);
}

AwsError QueryNoSuchSeries(const std::string& forecast_arn) {
  return Make("ResourceNotFoundException", "The forecast " + forecast_arn + " has no time series matching the filters");
}

AwsError QueryBadDate(const std::string& member, const std::string& value) {
  return InvalidInput("The " + member + " " + value + " is not a date in the format yyyy-MM-dd'T'HH:mm:ss");
}

AwsError InvalidNextToken() {
  return Make("InvalidNextTokenException", "The NextToken is invalid or has expired");
}

std::string ExportBucketMissingMessage(const std::string& path) {
  return "Unable to write to the S3 path " + path +
         ", please ensure the bucket exists and the role can write to it.";
}

std::string ExportRoleUnassumableMessage(const std::string& role_arn) {
  return "Unable to assume the role " + role_arn +
         ", please ensure the role exists and trusts forecast.amazonaws.com.";
}


}  // namespace fakeaws::forecast

namespace fakeaws::forecast {

std::string ImportMalformedRowMessage(const std::string& object, int64_t row) {
  return "Row " + std::to_string(row) + " of " + object + " is not valid CSV: a quoted field is not closed.";
}

std::string ImportColumnCountMessage(const std::string& object, int64_t row, size_t found, size_t expected) {
  return "Row " + std::to_string(row) + " of " + object + " has " + std::to_string(found) +
         " columns, but the dataset schema has " + std::to_string(expected) +
         " attributes. Columns must match the schema in number and order.";
}

std::string ImportBadTimestampMessage(const std::string& object, int64_t row, const std::string& value) {
  return "Row " + std::to_string(row) + " of " + object + " has the timestamp '" + value +
         "', which does not match the TimestampFormat of the import job.";
}

std::string ImportBadValueMessage(const std::string& object, int64_t row, const std::string& attribute,
                                  const std::string& type, const std::string& value) {
  return "Row " + std::to_string(row) + " of " + object + " has the value '" + value + "' for the " + type +
         " attribute " + attribute + ".";
}

std::string ImportEmptyMessage(const std::string& object) {
  return "No rows were found in " + object + ".";
}

std::string ImportRoleUnassumableMessage(const std::string& role_arn) {
  return "Unable to assume the role " + role_arn +
         ", please ensure the role exists and trusts forecast.amazonaws.com.";
}

std::string ImportParquetUnreadableMessage(const std::string& object, const std::string& why) {
  return object + " is not a Parquet file fakeaws can read: " + why + ".";
}

std::string ImportParquetMissingColumnMessage(const std::string& object, const std::string& attribute) {
  return object + " has no column " + attribute + ", an attribute of the dataset schema. Columns must match the schema's attribute names.";
}

std::string HorizonTooLongMessage(int horizon, int maximum, size_t length, const std::string& frequency) {
  return "The ForecastHorizon " + std::to_string(horizon) + " is greater than " + std::to_string(maximum) +
         ", the maximum for a target time series of " + std::to_string(length) + " periods of " + frequency +
         ". Use a shorter horizon or import a longer time series.";
}

std::string SelectorMatchesNothingMessage(const std::string& path) {
  return "None of the time series in " + path + " is in the predictor's target time series.";
}

}  // namespace fakeaws::forecast
