// Dataset groups (Create, Describe, List, Update, Delete) and datasets
// (Create, Describe, List, Delete).
#include "protocol/forecast_codec.h"

namespace fakeaws::protocol::forecast_codec {
namespace {

Outcome<std::string> CreateDatasetGroup(const json& in, Service& s) {
  forecast::CreateDatasetGroupInput input;
  input.name = Str(in, "DatasetGroupName");
  input.domain = Str(in, "Domain");
  input.dataset_arns = StringsOf(in, "DatasetArns");
  input.tags = TagsOf(in);
  return Encode(s.CreateDatasetGroup(input),
                [](JsonWriter& w, const std::string& arn) { w.Key("DatasetGroupArn").String(arn); });
}

Outcome<std::string> DescribeDatasetGroup(const json& in, Service& s) {
  return Encode(s.DescribeDatasetGroup(Str(in, "DatasetGroupArn")), [](JsonWriter& w, const forecast::DatasetGroupView& g) {
    w.Key("DatasetGroupName").String(g.name);
    w.Key("DatasetGroupArn").String(g.arn);
    WriteStrings(w, "DatasetArns", g.dataset_arns);
    w.Key("Domain").String(g.domain);
    w.Key("Status").String(g.status);
    w.Key("CreationTime").Time(g.creation_time);
    w.Key("LastModificationTime").Time(g.last_modification_time);
  });
}

Outcome<std::string> ListDatasetGroups(const json& in, Service& s) {
  return Encode(s.ListDatasetGroups(ListQueryOf(in)),
                [](JsonWriter& w, const forecast::Page<forecast::DatasetGroupView>& page) {
                  w.Key("DatasetGroups").BeginArray();
                  for (const auto& g : page.items) {
                    w.BeginObject();
                    w.Key("DatasetGroupArn").String(g.arn);
                    w.Key("DatasetGroupName").String(g.name);
                    w.Key("CreationTime").Time(g.creation_time);
                    w.Key("LastModificationTime").Time(g.last_modification_time);
                    w.EndObject();
                  }
                  w.EndArray();
                  w.OptionalString("NextToken", page.next_token);
                });
}

Outcome<std::string> UpdateDatasetGroup(const json& in, Service& s) {
  return Empty(s.UpdateDatasetGroup(Str(in, "DatasetGroupArn"), StringsOf(in, "DatasetArns")));
}

Outcome<std::string> DeleteDatasetGroup(const json& in, Service& s) {
  return Empty(s.DeleteDatasetGroup(Str(in, "DatasetGroupArn")));
}

Outcome<std::string> CreateDataset(const json& in, Service& s) {
  forecast::CreateDatasetInput input;
  input.name = Str(in, "DatasetName");
  input.domain = Str(in, "Domain");
  input.dataset_type = Str(in, "DatasetType");
  input.frequency = Str(in, "DataFrequency");
  input.schema = SchemaOf(in.Find("Schema"));
  input.encryption = EncryptionOf(in);
  input.tags = TagsOf(in);
  return Encode(s.CreateDataset(input), [](JsonWriter& w, const std::string& arn) { w.Key("DatasetArn").String(arn); });
}

Outcome<std::string> DescribeDataset(const json& in, Service& s) {
  return Encode(s.DescribeDataset(Str(in, "DatasetArn")), [](JsonWriter& w, const forecast::DatasetView& d) {
    w.Key("DatasetArn").String(d.arn);
    w.Key("DatasetName").String(d.name);
    w.Key("Domain").String(d.domain);
    w.Key("DatasetType").String(d.dataset_type);
    w.OptionalString("DataFrequency", d.frequency);
    WriteSchema(w, d.schema);
    // An unencrypted dataset shows "EncryptionConfig": {} (gs-cli.md,
    // describe-dataset example output).
    if (d.encryption.empty()) {
      w.Key("EncryptionConfig").BeginObject().EndObject();
    } else {
      WriteEncryption(w, d.encryption);
    }
    w.Key("Status").String(d.status);
    w.Key("CreationTime").Time(d.creation_time);
    w.Key("LastModificationTime").Time(d.last_modification_time);
  });
}

Outcome<std::string> ListDatasets(const json& in, Service& s) {
  return Encode(s.ListDatasets(ListQueryOf(in)), [](JsonWriter& w, const forecast::Page<forecast::DatasetView>& page) {
    w.Key("Datasets").BeginArray();
    for (const auto& d : page.items) {
      w.BeginObject();
      w.Key("DatasetArn").String(d.arn);
      w.Key("DatasetName").String(d.name);
      w.Key("DatasetType").String(d.dataset_type);
      w.Key("Domain").String(d.domain);
      w.Key("CreationTime").Time(d.creation_time);
      w.Key("LastModificationTime").Time(d.last_modification_time);
      w.EndObject();
    }
    w.EndArray();
    w.OptionalString("NextToken", page.next_token);
  });
}

Outcome<std::string> DeleteDataset(const json& in, Service& s) { return Empty(s.DeleteDataset(Str(in, "DatasetArn"))); }

}  // namespace

void AddDatasetOperations(HandlerTable& table) {
  table.emplace("CreateDatasetGroup", CreateDatasetGroup);
  table.emplace("DescribeDatasetGroup", DescribeDatasetGroup);
  table.emplace("ListDatasetGroups", ListDatasetGroups);
  table.emplace("UpdateDatasetGroup", UpdateDatasetGroup);
  table.emplace("DeleteDatasetGroup", DeleteDatasetGroup);
  table.emplace("CreateDataset", CreateDataset);
  table.emplace("DescribeDataset", DescribeDataset);
  table.emplace("ListDatasets", ListDatasets);
  table.emplace("DeleteDataset", DeleteDataset);
}

}  // namespace fakeaws::protocol::forecast_codec
