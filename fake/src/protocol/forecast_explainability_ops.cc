// CreateExplainability, DescribeExplainability, ListExplainabilities,
// DeleteExplainability, and the same for explainability exports.
#include "protocol/forecast_codec.h"

namespace fakeaws::protocol::forecast_codec {
namespace {

Outcome<std::string> CreateExplainability(const json& in, Service& s) {
  forecast::CreateExplainabilityInput input;
  input.name = Str(in, "ExplainabilityName");
  input.resource_arn = Str(in, "ResourceArn");
  if (const json* config = in.Find("ExplainabilityConfig")) {  // required: validated
    input.time_series_granularity = Str(*config, "TimeSeriesGranularity");
    input.time_point_granularity = Str(*config, "TimePointGranularity");
  }
  input.source = S3ConfigOf(in.Find("DataSource"));
  input.schema = SchemaOf(in.Find("Schema"));
  input.enable_visualization = BoolOf(in, "EnableVisualization");
  input.start_date_time = Str(in, "StartDateTime");
  input.end_date_time = Str(in, "EndDateTime");
  input.tags = TagsOf(in);
  return Encode(s.CreateExplainability(input),
                [](JsonWriter& w, const std::string& arn) { w.Key("ExplainabilityArn").String(arn); });
}

void WriteConfig(JsonWriter& w, const forecast::ExplainabilityView& e) {
  w.Key("ExplainabilityConfig").BeginObject();
  w.Key("TimeSeriesGranularity").String(e.time_series_granularity);
  w.Key("TimePointGranularity").String(e.time_point_granularity);
  w.EndObject();
}

Outcome<std::string> DescribeExplainability(const json& in, Service& s) {
  return Encode(s.DescribeExplainability(Str(in, "ExplainabilityArn")),
                [](JsonWriter& w, const forecast::ExplainabilityView& e) {
                  w.Key("ExplainabilityArn").String(e.arn);
                  w.Key("ExplainabilityName").String(e.name);
                  w.Key("ResourceArn").String(e.resource_arn);
                  WriteConfig(w, e);
                  if (e.enable_visualization) w.Key("EnableVisualization").Bool(*e.enable_visualization);
                  if (!e.source.path.empty()) WriteS3Config(w, "DataSource", e.source);
                  if (!e.schema.empty()) WriteSchema(w, e.schema);
                  w.OptionalString("StartDateTime", e.start_date_time);
                  w.OptionalString("EndDateTime", e.end_date_time);
                  if (e.estimated_minutes_remaining) {
                    w.Key("EstimatedTimeRemainingInMinutes").Int(*e.estimated_minutes_remaining);
                  }
                  w.OptionalString("Message", e.message);
                  w.Key("Status").String(e.status);
                  w.Key("CreationTime").Time(e.creation_time);
                  w.Key("LastModificationTime").Time(e.last_modification_time);
                });
}

Outcome<std::string> ListExplainabilities(const json& in, Service& s) {
  return Encode(s.ListExplainabilities(ListQueryOf(in)),
                [](JsonWriter& w, const forecast::Page<forecast::ExplainabilityView>& page) {
                  w.Key("Explainabilities").BeginArray();
                  for (const auto& e : page.items) {
                    w.BeginObject();
                    w.Key("ExplainabilityArn").String(e.arn);
                    w.Key("ExplainabilityName").String(e.name);
                    w.Key("ResourceArn").String(e.resource_arn);
                    WriteConfig(w, e);
                    WriteStatusAndTimes(w, e);
                    w.EndObject();
                  }
                  w.EndArray();
                  w.OptionalString("NextToken", page.next_token);
                });
}

Outcome<std::string> DeleteExplainability(const json& in, Service& s) {
  return Empty(s.DeleteExplainability(Str(in, "ExplainabilityArn")));
}

Outcome<std::string> CreateExplainabilityExport(const json& in, Service& s) {
  forecast::CreateExportInput input;
  input.name = Str(in, "ExplainabilityExportName");
  input.source_arns = {Str(in, "ExplainabilityArn")};
  input.destination = S3ConfigOf(in.Find("Destination"));
  input.tags = TagsOf(in);
  input.format = Str(in, "Format");
  return Encode(s.CreateExplainabilityExport(input),
                [](JsonWriter& w, const std::string& arn) { w.Key("ExplainabilityExportArn").String(arn); });
}

constexpr SingleSourceExportMembers kExplainabilityExportMembers = {"ExplainabilityExportArn", "ExplainabilityExportName", "ExplainabilityArn", "ExplainabilityExports"};

Outcome<std::string> DescribeExplainabilityExport(const json& in, Service& s) {
  return Encode(s.DescribeExplainabilityExport(Str(in, "ExplainabilityExportArn")), [](JsonWriter& w, const forecast::ExportJobView& j) {
    WriteSingleSourceExport(w, kExplainabilityExportMembers, j);
  });
}

Outcome<std::string> ListExplainabilityExports(const json& in, Service& s) {
  return Encode(s.ListExplainabilityExports(ListQueryOf(in)), [](JsonWriter& w, const forecast::Page<forecast::ExportJobView>& page) {
    WriteSingleSourceExports(w, kExplainabilityExportMembers, page);
  });
}

Outcome<std::string> DeleteExplainabilityExport(const json& in, Service& s) {
  return Empty(s.DeleteExplainabilityExport(Str(in, "ExplainabilityExportArn")));
}

}  // namespace

void AddExplainabilityOperations(HandlerTable& table) {
  table.emplace("CreateExplainability", CreateExplainability);
  table.emplace("DescribeExplainability", DescribeExplainability);
  table.emplace("ListExplainabilities", ListExplainabilities);
  table.emplace("DeleteExplainability", DeleteExplainability);
  table.emplace("CreateExplainabilityExport", CreateExplainabilityExport);
  table.emplace("DescribeExplainabilityExport", DescribeExplainabilityExport);
  table.emplace("ListExplainabilityExports", ListExplainabilityExports);
  table.emplace("DeleteExplainabilityExport", DeleteExplainabilityExport);
}

}  // namespace fakeaws::protocol::forecast_codec
