// CreateForecastExportJob, DescribeForecastExportJob, ListForecastExportJobs, DeleteForecastExportJob.
#include "protocol/forecast_codec.h"

namespace fakeaws::protocol::forecast_codec {
namespace {

Outcome<std::string> CreateForecastExportJob(const json& in, Service& s) {
  forecast::CreateForecastExportJobInput input;
  input.name = Str(in, "ForecastExportJobName");
  input.forecast_arn = Str(in, "ForecastArn");
  const json& s3 = *in.Find("Destination")->Find("S3Config");  // required: validated
  input.destination = {Str(s3, "Path"), Str(s3, "RoleArn"), Str(s3, "KMSKeyArn")};
  input.tags = TagsOf(in);
  input.format = Str(in, "Format");
  return Encode(s.CreateForecastExportJob(input),
                [](JsonWriter& w, const std::string& arn) { w.Key("ForecastExportJobArn").String(arn); });
}

Outcome<std::string> DescribeForecastExportJob(const json& in, Service& s) {
  return Encode(s.DescribeForecastExportJob(Str(in, "ForecastExportJobArn")),
                [](JsonWriter& w, const forecast::ForecastExportJobView& j) {
                  w.Key("ForecastExportJobArn").String(j.arn);
                  w.Key("ForecastExportJobName").String(j.name);
                  w.Key("ForecastArn").String(j.forecast_arn);
                  WriteS3Config(w, "Destination", j.destination);
                  w.OptionalString("Message", j.message);
                  w.Key("Status").String(j.status);
                  w.Key("CreationTime").Time(j.creation_time);
                  w.Key("LastModificationTime").Time(j.last_modification_time);
                  w.Key("Format").String(j.format);
                });
}

Outcome<std::string> ListForecastExportJobs(const json& in, Service& s) {
  return Encode(s.ListForecastExportJobs(ListQueryOf(in)),
                [](JsonWriter& w, const forecast::Page<forecast::ForecastExportJobView>& page) {
                  w.Key("ForecastExportJobs").BeginArray();
                  for (const auto& j : page.items) {
                    w.BeginObject();
                    w.Key("ForecastExportJobArn").String(j.arn);
                    w.Key("ForecastExportJobName").String(j.name);
                    WriteS3Config(w, "Destination", j.destination);
                    w.Key("Status").String(j.status);
                    w.OptionalString("Message", j.message);
                    w.Key("CreationTime").Time(j.creation_time);
                    w.Key("LastModificationTime").Time(j.last_modification_time);
                    w.EndObject();
                  }
                  w.EndArray();
                  w.OptionalString("NextToken", page.next_token);
                });
}

Outcome<std::string> DeleteForecastExportJob(const json& in, Service& s) {
  return Empty(s.DeleteForecastExportJob(Str(in, "ForecastExportJobArn")));
}

}  // namespace

void AddExportJobOperations(HandlerTable& table) {
  table.emplace("CreateForecastExportJob", CreateForecastExportJob);
  table.emplace("DescribeForecastExportJob", DescribeForecastExportJob);
  table.emplace("ListForecastExportJobs", ListForecastExportJobs);
  table.emplace("DeleteForecastExportJob", DeleteForecastExportJob);
}

}  // namespace fakeaws::protocol::forecast_codec
