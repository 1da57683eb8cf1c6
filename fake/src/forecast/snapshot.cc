// The Forecast part of a snapshot (pipeline/snapshot.cc):
//   {"next_seq":9,"roles":[...],
//    "data":[{"schema":[...],"rows":[[...]],"timestamps":[...],"timestamp_column":1}],
//    "resources":[{"kind":"dataset_import_job","arn":"...",...,"data":0},...]}
// Each resource is its kind, the members every resource has, and the
// members of its type, listed once below in Fields<T> (snapshot_codec.h
// reads and writes from the same list). Imported data, which import jobs and
// predictors share, is written once in "data" and named by index. A trained
// model is not written: it is a pure function of the predictor's training
// data and settings (PredictorResource::Train), so Decode trains again and
// gives every forecast of the predictor that same model.
#include "forecast/snapshot.h"

#include <map>
#include <tuple>
#include <typeinfo>

#include "base/snapshot_codec.h"
#include "forecast/status.h"

// The codec's member lists are specializations of base::Fields.
namespace fakeaws::base {

using namespace forecast;  // NOLINT: every type below is a Forecast one

// ---- Members, type by type (in resources.h's order) ----

template <>
struct Fields<Tag> {
  template <typename IO>
  static void Visit(IO& io, Tag& t) {
    io("key", t.key);
    io("value", t.value);
  }
};

template <>
struct Fields<Resource> {
  // The names of the first snapshots, which held only forecasts and export
  // jobs, so their documents still read.
  template <typename IO>
  static void Visit(IO& io, Resource& r) {
    io("arn", r.arn);
    io("name", r.name);
    io("seq", r.seq);
    io("status", r.life.status);
    io("creation_time", r.life.creation_time);
    io("changed_at", r.life.changed_at);
    io("message", r.life.message);
    io("frozen", r.life.frozen);
    io("due", r.due);
    io("tags", r.tags);
  }
};

template <>
struct Fields<S3Config> {
  template <typename IO>
  static void Visit(IO& io, S3Config& c) {
    io("path", c.path);
    io("role_arn", c.role_arn);
    io("kms_key_arn", c.kms_key_arn);
  }
};

template <>
struct Fields<EncryptionConfig> {
  template <typename IO>
  static void Visit(IO& io, EncryptionConfig& c) {
    io("role_arn", c.role_arn);
    io("kms_key_arn", c.kms_key_arn);
  }
};

template <>
struct Fields<SchemaAttribute> {
  template <typename IO>
  static void Visit(IO& io, SchemaAttribute& a) {
    io("name", a.name);
    io("type", a.type);
  }
};

template <>
struct Fields<FieldStatistics> {
  template <typename IO>
  static void Visit(IO& io, FieldStatistics& s) {
    io("attribute", s.attribute);
    io("count", s.count);
    io("count_distinct", s.count_distinct);
    io("count_null", s.count_null);
    io("count_nan", s.count_nan);
    io("min", s.min);
    io("max", s.max);
    io("avg", s.avg);
    io("stddev", s.stddev);
  }
};

template <>
struct Fields<ImportedData> {
  template <typename IO>
  static void Visit(IO& io, ImportedData& d) {
    io("schema", d.schema);
    io("rows", d.rows);
    io("timestamps", d.timestamps);
    io("timestamp_column", d.timestamp_column);
  }
};

template <>
struct Fields<DatasetGroupResource> {
  template <typename IO>
  static void Visit(IO& io, DatasetGroupResource& g) {
    io("domain", g.domain);
    io("dataset_arns", g.dataset_arns);
  }
};

template <>
struct Fields<DatasetResource> {
  template <typename IO>
  static void Visit(IO& io, DatasetResource& d) {
    io("domain", d.domain);
    io("dataset_type", d.dataset_type);
    io("frequency", d.frequency);
    io("schema", d.schema);
    io("encryption", d.encryption);
  }
};

template <>
struct Fields<DatasetImportJobResource> {
  template <typename IO>
  static void Visit(IO& io, DatasetImportJobResource& j) {
    io("dataset_arn", j.dataset_arn);
    io("source", j.source);
    io("timestamp_format", j.timestamp_format);
    io("time_zone", j.time_zone);
    io("use_geolocation_for_time_zone", j.use_geolocation_for_time_zone);
    io("geolocation_format", j.geolocation_format);
    io("format", j.format);
    io("import_mode", j.import_mode);
    io("data", j.data);
    io("statistics", j.statistics);
    io("data_size_gb", j.data_size_gb);
  }
};

template <>
struct Fields<AttributeConfig> {
  template <typename IO>
  static void Visit(IO& io, AttributeConfig& c) {
    io("attribute", c.attribute);
    io("transformations", c.transformations);
  }
};

template <>
struct Fields<AdditionalDataset> {
  template <typename IO>
  static void Visit(IO& io, AdditionalDataset& d) {
    io("name", d.name);
    io("configuration", d.configuration);
  }
};

template <>
struct Fields<FeaturizationMethod> {
  template <typename IO>
  static void Visit(IO& io, FeaturizationMethod& m) {
    io("name", m.name);
    io("parameters", m.parameters);
  }
};

template <>
struct Fields<Featurization> {
  template <typename IO>
  static void Visit(IO& io, Featurization& f) {
    io("attribute", f.attribute);
    io("pipeline", f.pipeline);
  }
};

template <>
struct Fields<TimeAlignmentBoundary> {
  template <typename IO>
  static void Visit(IO& io, TimeAlignmentBoundary& b) {
    io("month", b.month);
    io("day_of_month", b.day_of_month);
    io("day_of_week", b.day_of_week);
    io("hour", b.hour);
  }
};

template <>
struct Fields<PredictorSettings> {
  template <typename IO>
  static void Visit(IO& io, PredictorSettings& s) {
    io("dataset_group_arn", s.dataset_group_arn);
    io("horizon", s.horizon);
    io("forecast_types", s.forecast_types);
    io("frequency", s.frequency);
    io("dimensions", s.dimensions);
    io("optimization_metric", s.optimization_metric);
    io("encryption", s.encryption);
    io("attribute_configs", s.attribute_configs);
    io("additional_datasets", s.additional_datasets);
    io("reference_predictor_arn", s.reference_predictor_arn);
    io("explain_predictor", s.explain_predictor);
    io("monitor_name", s.monitor_name);
    io("time_alignment_boundary", s.time_alignment_boundary);
    io("algorithm_arn", s.algorithm_arn);
    io("perform_automl", s.perform_automl);
    io("automl_override_strategy", s.automl_override_strategy);
    io("perform_hpo", s.perform_hpo);
    io("has_hpo_config", s.has_hpo_config);
    io("training_parameters", s.training_parameters);
    io("backtest_windows", s.backtest_windows);
    io("backtest_window_offset", s.backtest_window_offset);
    io("supplementary_features", s.supplementary_features);
    io("has_featurizations", s.has_featurizations);
    io("featurizations", s.featurizations);
  }
};

template <>
struct Fields<PredictorResource> {
  // `accuracy` is not listed: Train computes it with the model.
  template <typename IO>
  static void Visit(IO& io, PredictorResource& p) {
    io("is_auto", p.is_auto);
    io("settings", p.settings);
    io("dataset_import_job_arns", p.dataset_import_job_arns);
    io("training_data", p.training_data);
    io("id_field", p.id_field);
    io("target_field", p.target_field);
    io("trained", p.model);
  }
};

template <>
struct Fields<TimeSeriesSelector> {
  template <typename IO>
  static void Visit(IO& io, TimeSeriesSelector& s) {
    io("source", s.source);
    io("schema", s.schema);
    io("format", s.format);
  }
};

template <>
struct Fields<SeriesId> {
  template <typename IO>
  static void Visit(IO& io, SeriesId& s) {
    io("item_id", s.item_id);
    io("dimension_values", s.dimension_values);
  }
};

template <>
struct Fields<ForecastData::Row> {
  template <typename IO>
  static void Visit(IO& io, ForecastData::Row& r) {
    io("item_id", r.item_id);
    io("dimension_values", r.dimension_values);
    io("date", r.date);
    io("values", r.values);
  }
};

// A forecast's values with the legacy members, in the shape of the control
// API's ForecastSpec (spec_json.h) with doubles that may also be NaN or
// infinite: the "spec" of forecasts and what-if forecasts.
struct SpecDocument {
  ForecastData& data;
  LegacySpecMembers& legacy;
};

template <>
struct Fields<SpecDocument> {
  template <typename IO>
  static void Visit(IO& io, SpecDocument& s) {
    io("name", s.legacy.name);
    io("status", s.legacy.status);
    io("forecast_types", s.data.forecast_types);
    io("dimensions", s.data.dimensions);
    io("series", s.data.series);
    io("start_date", s.data.start_date);
    io("frequency", s.data.frequency);
    io("horizon", s.data.horizon);
    io("rows", s.data.rows);
    io("predictor_arn", s.legacy.predictor_arn);
    io("dataset_group_arn", s.legacy.dataset_group_arn);
    io("tags", s.legacy.tags);
  }
};

template <>
struct Fields<ForecastResource> {
  template <typename IO>
  static void Visit(IO& io, ForecastResource& f) {
    SpecDocument spec{f.data, f.legacy_spec};
    io("spec", spec);
    io("predictor_arn", f.predictor_arn);
    io("dataset_group_arn", f.dataset_group_arn);
    io("created_using_auto_predictor", f.created_using_auto_predictor);
    io("trained", f.model);
    io("horizon", f.horizon);
    io("id_field", f.id_field);
    io("selector", f.selector);
  }
};

template <>
struct Fields<ForecastExportJobResource> {
  template <typename IO>
  static void Visit(IO& io, ForecastExportJobResource& j) {
    io("forecast_arn", j.forecast_arn);
    io("destination", j.destination);
    io("format", j.format);
    io("exported_objects", j.exported_objects);
  }
};

template <>
struct Fields<S3ExportResource> {
  template <typename IO>
  static void Visit(IO& io, S3ExportResource& j) {
    io("sources", j.sources);
    io("destination", j.destination);
    io("format", j.format);
    io("exported_objects", j.exported_objects);
  }
};

template <>
struct Fields<ExplainabilityResource> {
  template <typename IO>
  static void Visit(IO& io, ExplainabilityResource& e) {
    io("resource_arn", e.resource_arn);
    io("time_series_granularity", e.time_series_granularity);
    io("time_point_granularity", e.time_point_granularity);
    io("enable_visualization", e.enable_visualization);
    io("source", e.source);
    io("schema", e.schema);
    io("start_date_time", e.start_date_time);
    io("end_date_time", e.end_date_time);
    io("attributes", e.attributes);
    io("series", e.series);
  }
};

template <>
struct Fields<MonitorResource> {
  template <typename IO>
  static void Visit(IO& io, MonitorResource& m) {
    io("resource_arn", m.resource_arn);
  }
};

template <>
struct Fields<WhatIfAnalysisResource> {
  template <typename IO>
  static void Visit(IO& io, WhatIfAnalysisResource& a) {
    io("forecast_arn", a.forecast_arn);
    io("selector", a.selector);
  }
};

template <>
struct Fields<TimeSeriesCondition> {
  template <typename IO>
  static void Visit(IO& io, TimeSeriesCondition& c) {
    io("attribute", c.attribute);
    io("value", c.value);
    io("condition", c.condition);
  }
};

template <>
struct Fields<TimeSeriesTransformation> {
  template <typename IO>
  static void Visit(IO& io, TimeSeriesTransformation& t) {
    io("attribute", t.attribute);
    io("operation", t.operation);
    io("value", t.value);
    io("conditions", t.conditions);
  }
};

template <>
struct Fields<TimeSeriesReplacements> {
  template <typename IO>
  static void Visit(IO& io, TimeSeriesReplacements& r) {
    io("source", r.source);
    io("schema", r.schema);
    io("format", r.format);
    io("timestamp_format", r.timestamp_format);
  }
};

template <>
struct Fields<WhatIfForecastResource> {
  template <typename IO>
  static void Visit(IO& io, WhatIfForecastResource& f) {
    io("analysis_arn", f.analysis_arn);
    io("transformations", f.transformations);
    io("replacements", f.replacements);
    SpecDocument spec{f.data, f.legacy_spec};
    io("spec", spec);
  }
};

}  // namespace fakeaws::base

namespace fakeaws::forecast {
namespace {

using base::Blank;
using base::FieldReader;
using base::FieldWriter;
using base::Fields;
using base::Json;

// ---- The kinds: a name in the document, the type, the members it lists ----

template <typename T, typename M = T>
struct Kind {
  using Type = T;
  using Members = M;
  const char* name;
};

const auto kKinds = std::make_tuple(
    Kind<DatasetGroupResource>{"dataset_group"}, Kind<DatasetResource>{"dataset"},
    Kind<DatasetImportJobResource>{"dataset_import_job"}, Kind<PredictorResource>{"predictor"},
    Kind<ForecastResource>{"forecast"}, Kind<ForecastExportJobResource>{"forecast_export_job"},
    Kind<PredictorBacktestExportJobResource, S3ExportResource>{"predictor_backtest_export_job"},
    Kind<ExplainabilityResource>{"explainability"},
    Kind<ExplainabilityExportResource, S3ExportResource>{"explainability_export"},
    Kind<MonitorResource>{"monitor"}, Kind<WhatIfAnalysisResource>{"what_if_analysis"},
    Kind<WhatIfForecastResource>{"what_if_forecast"},
    Kind<WhatIfForecastExportResource, S3ExportResource>{"what_if_forecast_export"});

// Calls `f(kind)` for each kind until it returns true.
template <typename F>
bool AnyKind(F f) {
  return std::apply([&](const auto&... kind) { return (f(kind) || ...); }, kKinds);
}

// ---- What the codec leaves to the Forecast part ----

class SaveContext {
 public:
  Json data = Json::array();

  template <typename IO>
  Json Write(IO&, Status s) {
    return std::string(StatusName(s));
  }
  template <typename IO>
  Json Write(IO& io, const std::shared_ptr<const ImportedData>& d) {
    if (d == nullptr) return Json();
    auto [it, added] = ids_.emplace(d.get(), ids_.size());
    if (added) data.push_back(io.Write(*d));
    return it->second;
  }
  template <typename IO>
  Json Write(IO&, const std::shared_ptr<const TrainingSet>& model) {
    return model != nullptr;
  }
  // A job that has not completed has written nothing: an empty list.
  template <typename IO>
  Json Write(IO& io, const ExportedObjects& objects) {
    return objects == nullptr ? Json::array() : io.Write(*objects);
  }

 private:
  std::map<const ImportedData*, size_t> ids_;
};

class LoadContext {
 public:
  std::vector<std::shared_ptr<const ImportedData>> data;

  template <typename IO>
  void Read(IO& io, const Json& j, const std::string& where, Status& s) {
    const auto parsed = j.is_string() ? ParseStatus(j.get<std::string>()) : std::nullopt;
    if (!parsed) return io.Fail(where, "must be a Forecast status such as \"ACTIVE\"");
    s = *parsed;
  }
  template <typename IO>
  void Read(IO& io, const Json& j, const std::string& where, std::shared_ptr<const ImportedData>& d) {
    d = nullptr;
    if (j.is_null()) return;
    if (!j.is_number_unsigned() || j.get<uint64_t>() >= data.size()) {
      return io.Fail(where, "must be null or an index into forecast.data");
    }
    d = data[j.get<size_t>()];
  }
  // Until Link trains it again, a trained model is this placeholder.
  template <typename IO>
  void Read(IO& io, const Json& j, const std::string& where, std::shared_ptr<const TrainingSet>& model) {
    if (!j.is_boolean()) return io.Fail(where, "must be true or false");
    model = j.get<bool>() ? untrained_ : nullptr;
  }
  template <typename IO>
  void Read(IO& io, const Json& j, const std::string& where, ExportedObjects& objects) {
    std::vector<std::string> read;
    io.Read(j, where, read);
    objects = std::make_shared<const std::vector<std::string>>(std::move(read));
  }
  bool IsPlaceholder(const std::shared_ptr<const TrainingSet>& model) const { return model == untrained_; }

 private:
  std::shared_ptr<const TrainingSet> untrained_ = std::make_shared<TrainingSet>();
};

// What Complete and the views rely on of imported data: a field per
// attribute in every row, and a parsed timestamp per row when there is a
// timestamp attribute.
std::string CheckImportedData(const ImportedData& d) {
  const int attributes = static_cast<int>(d.schema.size());
  if (d.timestamp_column < -1 || d.timestamp_column >= attributes) return "timestamp_column is not an attribute";
  for (const auto& row : d.rows) {
    if (row.size() != d.schema.size()) return "has a row without one field per attribute";
  }
  const size_t timestamps = d.timestamp_column < 0 ? 0 : d.rows.size();
  if (d.timestamps.size() != timestamps) return "must have one timestamp per row exactly when it has a timestamp column";
  return "";
}

std::string CheckRows(const ForecastData& data) {
  for (const auto& row : data.rows) {
    if (row.values.size() != data.forecast_types.size()) return "has a row without one value per forecast type";
  }
  return "";
}

// Trains the predictors again and gives each forecast its predictor's model,
// so the model stays shared as CreateForecast shared it.
std::string Link(Snapshot::Contents& contents, const LoadContext& context) {
  for (auto& [arn, r] : contents.resources) {
    auto* p = dynamic_cast<PredictorResource*>(r.get());
    if (p == nullptr) continue;
    if (p->training_data == nullptr) return "predictor " + arn + " has no training_data";
    if (!context.IsPlaceholder(p->model)) continue;
    if (const std::string failure = p->Train(); !failure.empty()) {
      return "predictor " + arn + " does not train again: " + failure;
    }
  }
  for (auto& [arn, r] : contents.resources) {
    std::string bad;
    if (auto* f = dynamic_cast<ForecastResource*>(r.get())) {
      bad = CheckRows(f->data);
      if (bad.empty() && context.IsPlaceholder(f->model)) {
        auto it = contents.resources.find(f->predictor_arn);
        auto* p = it == contents.resources.end() ? nullptr : dynamic_cast<PredictorResource*>(it->second.get());
        if (p == nullptr || p->model == nullptr) return "forecast " + arn + " is trained but its predictor is not";
        f->model = p->model;
      }
    } else if (auto* w = dynamic_cast<WhatIfForecastResource*>(r.get())) {
      bad = CheckRows(w->data);
    }
    if (!bad.empty()) return "the data of " + arn + " " + bad;
  }
  return "";
}

}  // namespace

Outcome<Json> Snapshot::Save(Service& service) {
  return service.ReadRegistry([](const Registry& registry) { return Save(registry.contents()); });
}

Outcome<Json> Snapshot::Save(const Contents& contents) {
  // By creation order, so equal states give equal documents.
  std::vector<const Resource*> ordered;
  for (const auto& [arn, r] : contents.resources) ordered.push_back(r.get());
  std::sort(ordered.begin(), ordered.end(), [](const Resource* a, const Resource* b) { return a->seq < b->seq; });
  SaveContext context;
  Json resources = Json::array();
  for (const Resource* r : ordered) {
    const bool saved = AnyKind([&](const auto& kind) {
      using T = typename std::decay_t<decltype(kind)>::Type;
      using Members = typename std::decay_t<decltype(kind)>::Members;
      if (typeid(*r) != typeid(T)) return false;
      FieldWriter<SaveContext> writer(context);
      writer("kind", std::string(kind.name));
      auto& resource = const_cast<T&>(static_cast<const T&>(*r));  // the writer only reads
      Fields<Resource>::Visit(writer, resource);
      Fields<Members>::Visit(writer, resource);
      resources.push_back(writer.Take());
      return true;
    });
    if (!saved) {
      return base::InvalidRequest("snapshot: " + std::string(r->Words()) + " resources are not covered yet (" + r->arn +
                            ")");
    }
  }
  return Json{{"next_seq", contents.next_seq},
              {"roles", Json(std::vector<std::string>(contents.roles.begin(), contents.roles.end()))},
              {"data", std::move(context.data)},
              {"resources", std::move(resources)}};
}

Outcome<Snapshot::Contents> Snapshot::Decode(const Json& json) {
  Contents out;
  LoadContext context;
  std::string error;
  FieldReader<LoadContext> reader(context, &error);
  const Json* resources = nullptr;
  std::vector<std::string> roles;
  std::vector<ImportedData> data;
  reader.ReadObject(json, "forecast", [&](FieldReader<LoadContext>& in) {
    in("next_seq", out.next_seq);
    in("roles", roles);
    // Read before the resources, which name its entries.
    in("data", data);
    for (size_t i = 0; in.ok() && i < data.size(); ++i) {
      if (const std::string bad = CheckImportedData(data[i]); !bad.empty()) {
        in.Fail("forecast.data[" + std::to_string(i) + "]", bad);
      }
      context.data.push_back(std::make_shared<const ImportedData>(std::move(data[i])));
    }
    resources = in.Raw("resources");
  });
  out.roles.insert(roles.begin(), roles.end());
  if (reader.ok() && !resources->is_array()) reader.Fail("forecast.resources", "must be a list");
  std::set<uint64_t> seqs;
  for (size_t i = 0; reader.ok() && i < resources->size(); ++i) {
    const Json& j = (*resources)[i];
    const std::string where = "forecast.resources[" + std::to_string(i) + "]";
    const Json kind = j.is_object() ? j.value("kind", Json()) : Json();
    const std::string kind_name = kind.is_string() ? kind.get<std::string>() : "";
    std::unique_ptr<Resource> r;
    const bool known = AnyKind([&](const auto& k) {
      using T = typename std::decay_t<decltype(k)>::Type;
      using Members = typename std::decay_t<decltype(k)>::Members;
      if (kind_name != k.name) return false;
      auto resource = std::make_unique<T>();
      reader.ReadObject(j, where, [&](FieldReader<LoadContext>& in) {
        std::string name;
        in("kind", name);
        Fields<Resource>::Visit(in, *resource);
        Fields<Members>::Visit(in, *resource);
      });
      r = std::move(resource);
      return true;
    });
    if (!known) reader.Fail(where + ".kind", "is not a kind of resource: " + kind.dump());
    if (reader.ok() && (r->seq == 0 || r->seq >= out.next_seq || !seqs.insert(r->seq).second)) {
      reader.Fail(where + ".seq", "must be unique and below next_seq");
    }
    if (reader.ok() && out.resources.count(r->arn)) reader.Fail(where + ".arn", "appears twice: " + r->arn);
    if (!reader.ok()) break;
    const std::string arn = r->arn;
    out.resources.emplace(arn, std::move(r));
  }
  if (const std::string bad = reader.ok() ? Link(out, context) : ""; !bad.empty()) error = "forecast: " + bad;
  if (!error.empty()) return base::InvalidRequest("snapshot: " + error);
  return out;
}

void Snapshot::Apply(Service& service, Contents contents) { service.Restore(std::move(contents)); }

}  // namespace fakeaws::forecast
