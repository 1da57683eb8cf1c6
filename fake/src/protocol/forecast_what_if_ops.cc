// What-if analyses, what-if forecasts and what-if forecast exports:
// Create, Describe, List, Delete of each.
#include "protocol/forecast_codec.h"

namespace fakeaws::protocol::forecast_codec {
namespace {

std::optional<forecast::TimeSeriesSelector> SelectorOf(const json& in) {
  const json* selector = in.Find("TimeSeriesSelector");
  const json* ids = selector ? selector->Find("TimeSeriesIdentifiers") : nullptr;
  if (ids == nullptr) return std::nullopt;
  return forecast::TimeSeriesSelector{S3ConfigOf(ids->Find("DataSource")), SchemaOf(ids->Find("Schema")), Str(*ids, "Format")};
}

void WriteSelector(JsonWriter& w, const std::optional<forecast::TimeSeriesSelector>& selector) {
  if (!selector) return;
  w.Key("TimeSeriesSelector").BeginObject().Key("TimeSeriesIdentifiers").BeginObject();
  if (!selector->source.path.empty()) WriteS3Config(w, "DataSource", selector->source);
  if (!selector->schema.empty()) WriteSchema(w, selector->schema);
  w.OptionalString("Format", selector->format);
  w.EndObject().EndObject();
}

Outcome<std::string> CreateWhatIfAnalysis(const json& in, Service& s) {
  return Encode(s.CreateWhatIfAnalysis(Str(in, "WhatIfAnalysisName"), Str(in, "ForecastArn"), SelectorOf(in), TagsOf(in)),
                [](JsonWriter& w, const std::string& arn) { w.Key("WhatIfAnalysisArn").String(arn); });
}

Outcome<std::string> DescribeWhatIfAnalysis(const json& in, Service& s) {
  return Encode(s.DescribeWhatIfAnalysis(Str(in, "WhatIfAnalysisArn")), [](JsonWriter& w, const forecast::WhatIfAnalysisView& a) {
    w.Key("WhatIfAnalysisName").String(a.name);
    w.Key("WhatIfAnalysisArn").String(a.arn);
    w.Key("ForecastArn").String(a.forecast_arn);
    WriteEstimate(w, a);
    WriteStatusAndTimes(w, a);
    WriteSelector(w, a.selector);
  });
}

Outcome<std::string> ListWhatIfAnalyses(const json& in, Service& s) {
  return Encode(s.ListWhatIfAnalyses(ListQueryOf(in)),
                [](JsonWriter& w, const forecast::Page<forecast::WhatIfAnalysisView>& page) {
                  w.Key("WhatIfAnalyses").BeginArray();
                  for (const auto& a : page.items) {
                    w.BeginObject();
                    w.Key("WhatIfAnalysisArn").String(a.arn);
                    w.Key("WhatIfAnalysisName").String(a.name);
                    w.Key("ForecastArn").String(a.forecast_arn);
                    WriteStatusAndTimes(w, a);
                    w.EndObject();
                  }
                  w.EndArray();
                  w.OptionalString("NextToken", page.next_token);
                });
}

Outcome<std::string> DeleteWhatIfAnalysis(const json& in, Service& s) {
  return Empty(s.DeleteWhatIfAnalysis(Str(in, "WhatIfAnalysisArn")));
}

Outcome<std::string> CreateWhatIfForecast(const json& in, Service& s) {
  forecast::CreateWhatIfForecastInput input;
  input.name = Str(in, "WhatIfForecastName");
  input.analysis_arn = Str(in, "WhatIfAnalysisArn");
  if (const json* list = in.Find("TimeSeriesTransformations")) {
    for (const auto& t : *list) {
      if (!t.is_object()) continue;
      forecast::TimeSeriesTransformation transformation;
      if (const json* action = t.Find("Action")) {
        transformation.attribute = Str(*action, "AttributeName");
        transformation.operation = Str(*action, "Operation");
        if (const json* v = action->Find("Value")) transformation.value = v->number();
      }
      if (const json* conditions = t.Find("TimeSeriesConditions")) {
        for (const auto& c : *conditions) {
          if (c.is_object()) {
            transformation.conditions.push_back({Str(c, "AttributeName"), Str(c, "AttributeValue"), Str(c, "Condition")});
          }
        }
      }
      input.transformations.push_back(std::move(transformation));
    }
  }
  if (const json* r = in.Find("TimeSeriesReplacementsDataSource")) {
    input.replacements = forecast::TimeSeriesReplacements{S3ConfigOf(r), SchemaOf(r->Find("Schema")), Str(*r, "Format"),
                                                          Str(*r, "TimestampFormat")};
  }
  input.tags = TagsOf(in);
  return Encode(s.CreateWhatIfForecast(input),
                [](JsonWriter& w, const std::string& arn) { w.Key("WhatIfForecastArn").String(arn); });
}

Outcome<std::string> DescribeWhatIfForecast(const json& in, Service& s) {
  return Encode(s.DescribeWhatIfForecast(Str(in, "WhatIfForecastArn")), [](JsonWriter& w, const forecast::WhatIfForecastView& f) {
    w.Key("WhatIfForecastName").String(f.name);
    w.Key("WhatIfForecastArn").String(f.arn);
    w.Key("WhatIfAnalysisArn").String(f.analysis_arn);
    WriteEstimate(w, f);
    WriteStatusAndTimes(w, f);
    if (!f.transformations.empty()) {
      w.Key("TimeSeriesTransformations").BeginArray();
      for (const auto& t : f.transformations) {
        w.BeginObject().Key("Action").BeginObject();
        w.Key("AttributeName").String(t.attribute).Key("Operation").String(t.operation).Key("Value").Double(t.value);
        w.EndObject();
        if (!t.conditions.empty()) {
          w.Key("TimeSeriesConditions").BeginArray();
          for (const auto& c : t.conditions) {
            w.BeginObject().Key("AttributeName").String(c.attribute).Key("AttributeValue").String(c.value);
            w.Key("Condition").String(c.condition).EndObject();
          }
          w.EndArray();
        }
        w.EndObject();
      }
      w.EndArray();
    }
    if (const auto& r = f.replacements) {
      w.Key("TimeSeriesReplacementsDataSource").BeginObject().Key("S3Config").BeginObject();
      w.Key("Path").String(r->source.path).Key("RoleArn").String(r->source.role_arn);
      w.OptionalString("KMSKeyArn", r->source.kms_key_arn);
      w.EndObject();
      WriteSchema(w, r->schema);
      w.OptionalString("Format", r->format);
      w.OptionalString("TimestampFormat", r->timestamp_format);
      w.EndObject();
    }
    if (!f.forecast_types.empty()) WriteStrings(w, "ForecastTypes", f.forecast_types);
  });
}

Outcome<std::string> ListWhatIfForecasts(const json& in, Service& s) {
  return Encode(s.ListWhatIfForecasts(ListQueryOf(in)),
                [](JsonWriter& w, const forecast::Page<forecast::WhatIfForecastView>& page) {
                  w.Key("WhatIfForecasts").BeginArray();
                  for (const auto& f : page.items) {
                    w.BeginObject();
                    w.Key("WhatIfForecastArn").String(f.arn);
                    w.Key("WhatIfForecastName").String(f.name);
                    w.Key("WhatIfAnalysisArn").String(f.analysis_arn);
                    WriteStatusAndTimes(w, f);
                    w.EndObject();
                  }
                  w.EndArray();
                  w.OptionalString("NextToken", page.next_token);
                });
}

Outcome<std::string> DeleteWhatIfForecast(const json& in, Service& s) {
  return Empty(s.DeleteWhatIfForecast(Str(in, "WhatIfForecastArn")));
}

Outcome<std::string> CreateWhatIfForecastExport(const json& in, Service& s) {
  forecast::CreateExportInput input;
  input.name = Str(in, "WhatIfForecastExportName");
  input.source_arns = StringsOf(in, "WhatIfForecastArns");
  input.destination = S3ConfigOf(in.Find("Destination"));
  input.tags = TagsOf(in);
  input.format = Str(in, "Format");
  return Encode(s.CreateWhatIfForecastExport(input),
                [](JsonWriter& w, const std::string& arn) { w.Key("WhatIfForecastExportArn").String(arn); });
}

Outcome<std::string> DescribeWhatIfForecastExport(const json& in, Service& s) {
  return Encode(s.DescribeWhatIfForecastExport(Str(in, "WhatIfForecastExportArn")),
                [](JsonWriter& w, const forecast::ExportJobView& j) {
                  w.Key("WhatIfForecastExportArn").String(j.arn);
                  w.Key("WhatIfForecastExportName").String(j.name);
                  WriteStrings(w, "WhatIfForecastArns", j.sources);
                  WriteS3Config(w, "Destination", j.destination);
                  w.OptionalString("Message", j.message);
                  w.Key("Status").String(j.status);
                  w.Key("CreationTime").Time(j.creation_time);
                  WriteEstimate(w, j);
                  w.Key("LastModificationTime").Time(j.last_modification_time);
                  w.Key("Format").String(j.format);
                });
}

Outcome<std::string> ListWhatIfForecastExports(const json& in, Service& s) {
  return Encode(s.ListWhatIfForecastExports(ListQueryOf(in)),
                [](JsonWriter& w, const forecast::Page<forecast::ExportJobView>& page) {
                  w.Key("WhatIfForecastExports").BeginArray();
                  for (const auto& j : page.items) {
                    w.BeginObject();
                    w.Key("WhatIfForecastExportArn").String(j.arn);
                    WriteStrings(w, "WhatIfForecastArns", j.sources);
                    w.Key("WhatIfForecastExportName").String(j.name);
                    WriteS3Config(w, "Destination", j.destination);
                    WriteStatusAndTimes(w, j);
                    w.EndObject();
                  }
                  w.EndArray();
                  w.OptionalString("NextToken", page.next_token);
                });
}

Outcome<std::string> DeleteWhatIfForecastExport(const json& in, Service& s) {
  return Empty(s.DeleteWhatIfForecastExport(Str(in, "WhatIfForecastExportArn")));
}

}  // namespace

void AddWhatIfOperations(HandlerTable& table) {
  table.emplace("CreateWhatIfAnalysis", CreateWhatIfAnalysis);
  table.emplace("DescribeWhatIfAnalysis", DescribeWhatIfAnalysis);
  table.emplace("ListWhatIfAnalyses", ListWhatIfAnalyses);
  table.emplace("DeleteWhatIfAnalysis", DeleteWhatIfAnalysis);
  table.emplace("CreateWhatIfForecast", CreateWhatIfForecast);
  table.emplace("DescribeWhatIfForecast", DescribeWhatIfForecast);
  table.emplace("ListWhatIfForecasts", ListWhatIfForecasts);
  table.emplace("DeleteWhatIfForecast", DeleteWhatIfForecast);
  table.emplace("CreateWhatIfForecastExport", CreateWhatIfForecastExport);
  table.emplace("DescribeWhatIfForecastExport", DescribeWhatIfForecastExport);
  table.emplace("ListWhatIfForecastExports", ListWhatIfForecastExports);
  table.emplace("DeleteWhatIfForecastExport", DeleteWhatIfForecastExport);
}

}  // namespace fakeaws::protocol::forecast_codec
