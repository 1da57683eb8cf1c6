// The Forecast part of a snapshot (pipeline/snapshot.cc):
//   {"next_seq":9,"roles":[...],
//    "data":[{"schema":[...],"rows":[[...]],"timestamps":[...],"timestamp_column":1}],
//    "resources":[{"kind":"dataset_import_job","arn":"...",...,"data":0},...]}
// Each resource is its kind, the members every resource has, and the
// members of its type, listed once in Fields<T> (snapshot_fields.h;
// snapshot_codec.h reads and writes from the same list). Imported data, which import jobs and
// predictors share, is written once in "data" and named by index. A trained
// model is not written: it is a pure function of the predictor's training
// data and settings (PredictorResource::Train), so Decode trains again and
// gives every forecast of the predictor that same model.
#include "forecast/snapshot.h"

#include <map>
#include <tuple>
#include <typeinfo>

#include "base/snapshot_codec.h"
#include "forecast/snapshot_fields.h"
#include "forecast/status.h"


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
