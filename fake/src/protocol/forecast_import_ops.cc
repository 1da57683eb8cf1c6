// CreateDatasetImportJob, DescribeDatasetImportJob, ListDatasetImportJobs, DeleteDatasetImportJob.
#include "protocol/forecast_codec.h"

namespace fakeaws::protocol::forecast_codec {
namespace {

Outcome<std::string> CreateDatasetImportJob(const json& in, Service& s) {
  forecast::CreateDatasetImportJobInput input;
  input.name = Str(in, "DatasetImportJobName");
  input.dataset_arn = Str(in, "DatasetArn");
  input.source = S3ConfigOf(in.Find("DataSource"));
  input.timestamp_format = Str(in, "TimestampFormat");
  input.time_zone = Str(in, "TimeZone");
  input.use_geolocation_for_time_zone = BoolOf(in, "UseGeolocationForTimeZone");
  input.geolocation_format = Str(in, "GeolocationFormat");
  input.format = Str(in, "Format");
  input.import_mode = Str(in, "ImportMode");
  input.tags = TagsOf(in);
  return Encode(s.CreateDatasetImportJob(input),
                [](JsonWriter& w, const std::string& arn) { w.Key("DatasetImportJobArn").String(arn); });
}

void WriteStatistics(JsonWriter& w, const std::vector<forecast::FieldStatistics>& statistics) {
  w.Key("FieldStatistics").BeginObject();
  for (const auto& f : statistics) {
    w.Key(f.attribute).BeginObject();
    w.Key("Count").Int(f.count);
    w.Key("CountDistinct").Int(f.count_distinct);
    w.Key("CountNull").Int(f.count_null);
    if (f.count_nan) w.Key("CountNan").Int(*f.count_nan);
    w.OptionalString("Min", f.min);
    w.OptionalString("Max", f.max);
    if (f.avg) w.Key("Avg").Double(*f.avg);
    if (f.stddev) w.Key("Stddev").Double(*f.stddev);
    w.EndObject();
  }
  w.EndObject();
}

Outcome<std::string> DescribeDatasetImportJob(const json& in, Service& s) {
  return Encode(s.DescribeDatasetImportJob(Str(in, "DatasetImportJobArn")),
                [](JsonWriter& w, const forecast::DatasetImportJobView& j) {
                  w.Key("DatasetImportJobName").String(j.name);
                  w.Key("DatasetImportJobArn").String(j.arn);
                  w.Key("DatasetArn").String(j.dataset_arn);
                  w.Key("TimestampFormat").String(j.timestamp_format);
                  w.OptionalString("TimeZone", j.time_zone);
                  if (j.use_geolocation_for_time_zone) {
                    w.Key("UseGeolocationForTimeZone").Bool(*j.use_geolocation_for_time_zone);
                  }
                  w.OptionalString("GeolocationFormat", j.geolocation_format);
                  WriteS3Config(w, "DataSource", j.source);
                  if (j.estimated_minutes_remaining) {
                    w.Key("EstimatedTimeRemainingInMinutes").Int(*j.estimated_minutes_remaining);
                  }
                  if (!j.statistics.empty()) WriteStatistics(w, j.statistics);
                  if (j.data_size_gb) w.Key("DataSize").Double(*j.data_size_gb);
                  WriteStatusAndTimes(w, j);
                  w.Key("Format").String(j.format);
                  w.Key("ImportMode").String(j.import_mode);
                });
}

Outcome<std::string> ListDatasetImportJobs(const json& in, Service& s) {
  return Encode(s.ListDatasetImportJobs(ListQueryOf(in)),
                [](JsonWriter& w, const forecast::Page<forecast::DatasetImportJobView>& page) {
                  w.Key("DatasetImportJobs").BeginArray();
                  for (const auto& j : page.items) {
                    w.BeginObject();
                    w.Key("DatasetImportJobArn").String(j.arn);
                    w.Key("DatasetImportJobName").String(j.name);
                    WriteS3Config(w, "DataSource", j.source);
                    WriteStatusAndTimes(w, j);
                    w.Key("ImportMode").String(j.import_mode);
                    w.EndObject();
                  }
                  w.EndArray();
                  w.OptionalString("NextToken", page.next_token);
                });
}

Outcome<std::string> DeleteDatasetImportJob(const json& in, Service& s) {
  return Empty(s.DeleteDatasetImportJob(Str(in, "DatasetImportJobArn")));
}

}  // namespace

void AddDatasetImportJobOperations(HandlerTable& table) {
  table.emplace("CreateDatasetImportJob", CreateDatasetImportJob);
  table.emplace("DescribeDatasetImportJob", DescribeDatasetImportJob);
  table.emplace("ListDatasetImportJobs", ListDatasetImportJobs);
  table.emplace("DeleteDatasetImportJob", DeleteDatasetImportJob);
}

}  // namespace fakeaws::protocol::forecast_codec
