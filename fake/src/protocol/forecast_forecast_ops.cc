// CreateForecast, DescribeForecast, ListForecasts, DeleteForecast.
#include "protocol/forecast_codec.h"

namespace fakeaws::protocol::forecast_codec {
namespace {

using forecast::ForecastView;

Outcome<std::string> CreateForecast(const json& in, Service& s) {
  forecast::CreateForecastInput input;
  input.name = Str(in, "ForecastName");
  input.predictor_arn = Str(in, "PredictorArn");
  input.forecast_types = StringsOf(in, "ForecastTypes");
  if (const json* selector = in.Find("TimeSeriesSelector")) {
    if (const json* ids = selector->Find("TimeSeriesIdentifiers")) {
      forecast::TimeSeriesSelector sel;
      sel.source = S3ConfigOf(ids->Find("DataSource"));
      sel.schema = SchemaOf(ids->Find("Schema"));
      sel.format = Str(*ids, "Format");
      input.selector = std::move(sel);
    }
  }
  input.tags = TagsOf(in);
  return Encode(s.CreateForecast(input), [](JsonWriter& w, const std::string& arn) { w.Key("ForecastArn").String(arn); });
}

Outcome<std::string> DescribeForecast(const json& in, Service& s) {
  return Encode(s.DescribeForecast(Str(in, "ForecastArn")), [](JsonWriter& w, const ForecastView& f) {
    w.Key("ForecastArn").String(f.arn);
    w.Key("ForecastName").String(f.name);
    w.Key("ForecastTypes").BeginArray();
    for (const auto& t : f.forecast_types) w.String(t);
    w.EndArray();
    w.Key("PredictorArn").String(f.predictor_arn);
    w.Key("DatasetGroupArn").String(f.dataset_group_arn);
    if (f.estimated_minutes_remaining) {
      w.Key("EstimatedTimeRemainingInMinutes").Int(*f.estimated_minutes_remaining);
    }
    w.Key("Status").String(f.status);
    w.OptionalString("Message", f.message);
    w.Key("CreationTime").Time(f.creation_time);
    w.Key("LastModificationTime").Time(f.last_modification_time);
    if (const auto& sel = f.selector) {
      w.Key("TimeSeriesSelector").BeginObject().Key("TimeSeriesIdentifiers").BeginObject();
      WriteS3Config(w, "DataSource", sel->source);
      if (!sel->schema.empty()) WriteSchema(w, sel->schema);
      w.OptionalString("Format", sel->format);
      w.EndObject().EndObject();
    }
  });
}

Outcome<std::string> ListForecasts(const json& in, Service& s) {
  return Encode(s.ListForecasts(ListQueryOf(in)), [](JsonWriter& w, const forecast::Page<ForecastView>& page) {
    w.Key("Forecasts").BeginArray();
    for (const auto& f : page.items) {
      w.BeginObject();
      w.Key("ForecastArn").String(f.arn);
      w.Key("ForecastName").String(f.name);
      w.Key("PredictorArn").String(f.predictor_arn);
      w.Key("CreatedUsingAutoPredictor").Bool(f.created_using_auto_predictor);
      w.Key("DatasetGroupArn").String(f.dataset_group_arn);
      w.Key("Status").String(f.status);
      w.OptionalString("Message", f.message);
      w.Key("CreationTime").Time(f.creation_time);
      w.Key("LastModificationTime").Time(f.last_modification_time);
      w.EndObject();
    }
    w.EndArray();
    w.OptionalString("NextToken", page.next_token);
  });
}

Outcome<std::string> DeleteForecast(const json& in, Service& s) {
  return Empty(s.DeleteForecast(Str(in, "ForecastArn")));
}

}  // namespace

void AddForecastOperations(HandlerTable& table) {
  table.emplace("CreateForecast", CreateForecast);
  table.emplace("DescribeForecast", DescribeForecast);
  table.emplace("ListForecasts", ListForecasts);
  table.emplace("DeleteForecast", DeleteForecast);
}

}  // namespace fakeaws::protocol::forecast_codec
