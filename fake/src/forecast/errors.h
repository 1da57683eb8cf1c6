// Amazon Forecast's error catalog: every error the service itself raises,
// with the verbatim text where a real capture shows it. Each entry names its
// evidence in ../shared/reference/wire-format.md (REAL, DOC, AWS-SAMPLE,
// INFERRED), so a later capture can correct exactly one place.
// All are HTTP 400 (§1.3).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "fakeaws/error.h"

namespace fakeaws::forecast {

// §2.3, INFERRED (moto's wording; AWS's shape for every resource type).
AwsError ResourceNotFound(const std::string& arn);

// §2.3, REAL for dataset groups and import jobs:
// "A <resource words> already exists with the arn: <arn>".
AwsError ResourceAlreadyExists(std::string_view resource_words, const std::string& arn);

// §2.3, REAL (CreateDatasetImportJob, amazon-forecast-samples#77):
// "No objects found in s3 path <path>, please ensure the path is specified correctly."
AwsError NoObjectsFound(const std::string& path);
std::string NoObjectsFoundMessage(const std::string& path);

// §2.3, REAL (CreatePredictor, amazon-forecast-samples#118):
// "Invalid Algorithm ARN specified: <arn>. Options: <the six algorithm ARNs>".
AwsError InvalidAlgorithm(const std::string& algorithm_arn);
// The algorithms that message lists, in its order.
const std::vector<std::string>& AlgorithmArns();

// §2.3, REAL (CreatePredictor, amazon-forecast-samples#203): "The
// attribute(s) [a, b] present in the RELATED_TIME_SERIES schema should be of
// numeric type such as `integer` or `float`, or be added as a forecast dimension".
AwsError RelatedAttributesNotNumeric(const std::vector<std::string>& attributes);

// §3.4: the model lists ResourceInUseException; no real text was found
// anywhere, so these wordings are INFERRED.
AwsError ResourceNotActive(std::string_view resource_words, const std::string& arn,
                           std::string_view status);
AwsError ResourceHasChildren(std::string_view resource_words, const std::string& arn,
                             std::string_view child_words);
AwsError CannotDeleteInStatus(std::string_view resource_words, const std::string& arn,
                              std::string_view status);

// §2.3, AWS-SAMPLE texts with the number filled in:
// "Quota limit of 3 concurrently creating forecast exports has been reached".
AwsError ConcurrentQuotaReached(int limit, std::string_view what);
// "Quota limit of 1000 of total number of forecast exports has been reached".
AwsError TotalQuotaReached(int limit, std::string_view what);

// §2.3, AWS-SAMPLE: "Quota limit of n dataset import jobs has been reached".
AwsError ShortTotalQuotaReached(int limit, std::string_view what);

// "Maximum parallel running StopResource tasks per resource type: 3"
// (limits.md); text INFERRED in the style above.
AwsError StopQuotaReached(int limit);

// InvalidInputException (§2.2: rules the service checks itself). Texts INFERRED.
AwsError InvalidInput(std::string message);
AwsError TooManyTags(int limit);
AwsError ReservedTagKey(const std::string& key);
AwsError DuplicateTagKey(const std::string& key);
AwsError RoleInOtherAccount(const std::string& role_arn);
AwsError MalformedRoleArn(const std::string& role_arn);
AwsError UnusableKmsKey(const std::string& kms_key_arn);
AwsError InvalidFilterKey(const std::string& key, std::string_view valid_keys);
AwsError NotStoppable(const std::string& arn, std::string_view status);
AwsError UnsupportedResourceArn(const std::string& arn);
AwsError NotResumable(const std::string& arn);
// DeleteResourceTree while a member of the tree is still being created,
// stopped or updated (ResourceInUseException, INFERRED).
AwsError TreeMemberBusy(const std::string& root_arn, std::string_view member_words,
                        const std::string& member_arn, std::string_view status);

// Dataset groups and datasets (InvalidInputException, INFERRED).
AwsError DomainMismatch(const std::string& dataset_arn, const std::string& dataset_domain,
                        const std::string& group_domain);
AwsError DatasetTypeTaken(const std::string& dataset_type, const std::string& dataset_arn);
AwsError MissingSchemaAttribute(const std::string& domain, const std::string& dataset_type,
                                const std::string& attribute, const std::string& expected_type);
AwsError DuplicateSchemaAttribute(const std::string& attribute);
AwsError MissingDataFrequency(const std::string& dataset_type);
AwsError IncompleteSchemaAttribute();
// "The TimeSeriesIdentifiers object needs the following information:
// DataSource, Format, Schema" (TimeSeriesSelector) [DOC]; text INFERRED.
AwsError IncompleteTimeSeriesSelector();
AwsError NoWhatIfForecasts();

// Dataset import jobs (InvalidInputException, INFERRED).
AwsError UnsupportedTimestampFormat(const std::string& format);
AwsError TimestampFormatNeedsTime(const std::string& format, const std::string& frequency);

// Predictors and forecasts (InvalidInputException, INFERRED).
AwsError NoTargetTimeSeries(const std::string& dataset_group_arn);
AwsError NoImportedData(const std::string& dataset_arn);
AwsError InvalidForecastType(const std::string& forecast_type);
AwsError TooManyForecastTypes(size_t given, int limit);
AwsError UnknownDimension(const std::string& dimension, const std::string& dataset_arn);
AwsError HorizonNotPositive(int horizon);
AwsError FrequencyFinerThanData(const std::string& frequency, const std::string& data_frequency);
AwsError RelatedFrequencyMismatch(const std::string& frequency, const std::string& related_frequency);
AwsError MissingPredictorMember(const std::string& member);
AwsError ConflictingPredictorMember(const std::string& member, const std::string& because);
AwsError WrongPredictorKind(const std::string& arn, bool is_auto);

// Explainability: "Explainability is only available for Forecasts and
// Predictors generated from an AutoPredictor (CreateAutoPredictor)" and
// "your predictor must include at least one of the following: related time
// series, item metadata, or additional datasets like Holidays and the Weather
// Index" [DOC, CreateExplainability]; InvalidInputException, texts from the
// documentation, the rest INFERRED.
AwsError ExplainabilityNeedsAutoPredictor();
AwsError ExplainabilityNeedsRelatedData();
AwsError ExplainabilityGranularity(const std::string& resource_words, const std::string& required);
AwsError ExplainabilityMemberOnlyForSpecific(const std::string& members, const std::string& granularity);
AwsError ExplainabilityMissingForSpecific(const std::string& members, const std::string& granularity);

// Monitors and what-if (InvalidInputException, INFERRED).
AwsError MonitorNeedsAutoPredictor(const std::string& arn);
AwsError MonitorNotStopped(const std::string& arn, std::string_view status);
AwsError WhatIfNeedsAutoPredictorForecast(const std::string& forecast_arn);
AwsError UnknownRelatedAttribute(const std::string& attribute);

// forecastquery's QueryForecast (InvalidInputException, INFERRED).
AwsError QueryUnknownFilterKey(const std::string& key, const std::string& valid_keys);
AwsError QueryNeedsSeries(const std::string& missing_keys);
AwsError QueryNoSuchSeries(const std::string& forecast_arn);
AwsError QueryBadDate(const std::string& member, const std::string& value);

// §3.4, DOC: "Tokens expire after 24 hours"; text INFERRED.
AwsError InvalidNextToken();

// Messages of a job that ended CREATE_FAILED (Describe's `Message`). INFERRED,
// in the style of the REAL "No objects found in s3 path ..." text (§2.3).
std::string ExportBucketMissingMessage(const std::string& path);
std::string ExportRoleUnassumableMessage(const std::string& role_arn);

// Messages of an import job that ended CREATE_FAILED. INFERRED.
std::string ImportMalformedRowMessage(const std::string& object, int64_t row);
std::string ImportColumnCountMessage(const std::string& object, int64_t row, size_t found, size_t expected);
std::string ImportBadTimestampMessage(const std::string& object, int64_t row, const std::string& value);
std::string ImportBadValueMessage(const std::string& object, int64_t row, const std::string& attribute,
                                  const std::string& type, const std::string& value);
std::string ImportEmptyMessage(const std::string& object);
std::string ImportRoleUnassumableMessage(const std::string& role_arn);
// A PARQUET import's object that cannot be read ("... it is compressed with
// ZSTD, which is not supported") or lacks a schema attribute's column.
std::string ImportParquetUnreadableMessage(const std::string& object, const std::string& why);
std::string ImportParquetMissingColumnMessage(const std::string& object, const std::string& attribute);

// Messages of a predictor or forecast that ended CREATE_FAILED. INFERRED.
std::string HorizonTooLongMessage(int horizon, int maximum, size_t length, const std::string& frequency);
std::string SelectorMatchesNothingMessage(const std::string& path);

}  // namespace fakeaws::forecast
