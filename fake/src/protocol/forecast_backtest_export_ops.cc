// CreatePredictorBacktestExportJob, DescribePredictorBacktestExportJob,
// ListPredictorBacktestExportJobs, DeletePredictorBacktestExportJob.
#include "protocol/forecast_codec.h"

namespace fakeaws::protocol::forecast_codec {
namespace {

Outcome<std::string> CreatePredictorBacktestExportJob(const json& in, Service& s) {
  forecast::CreateExportInput input;
  input.name = Str(in, "PredictorBacktestExportJobName");
  input.source_arns = {Str(in, "PredictorArn")};
  input.destination = S3ConfigOf(in.Find("Destination"));
  input.tags = TagsOf(in);
  input.format = Str(in, "Format");
  return Encode(s.CreatePredictorBacktestExportJob(input), [](JsonWriter& w, const std::string& arn) {
    w.Key("PredictorBacktestExportJobArn").String(arn);
  });
}

constexpr SingleSourceExportMembers kPredictorBacktestExportJobMembers = {"PredictorBacktestExportJobArn", "PredictorBacktestExportJobName", "PredictorArn", "PredictorBacktestExportJobs"};

Outcome<std::string> DescribePredictorBacktestExportJob(const json& in, Service& s) {
  return Encode(s.DescribePredictorBacktestExportJob(Str(in, "PredictorBacktestExportJobArn")), [](JsonWriter& w, const forecast::ExportJobView& j) {
    WriteSingleSourceExport(w, kPredictorBacktestExportJobMembers, j);
  });
}

Outcome<std::string> ListPredictorBacktestExportJobs(const json& in, Service& s) {
  return Encode(s.ListPredictorBacktestExportJobs(ListQueryOf(in)), [](JsonWriter& w, const forecast::Page<forecast::ExportJobView>& page) {
    WriteSingleSourceExports(w, kPredictorBacktestExportJobMembers, page);
  });
}

Outcome<std::string> DeletePredictorBacktestExportJob(const json& in, Service& s) {
  return Empty(s.DeletePredictorBacktestExportJob(Str(in, "PredictorBacktestExportJobArn")));
}

}  // namespace

void AddBacktestExportOperations(HandlerTable& table) {
  table.emplace("CreatePredictorBacktestExportJob", CreatePredictorBacktestExportJob);
  table.emplace("DescribePredictorBacktestExportJob", DescribePredictorBacktestExportJob);
  table.emplace("ListPredictorBacktestExportJobs", ListPredictorBacktestExportJobs);
  table.emplace("DeletePredictorBacktestExportJob", DeletePredictorBacktestExportJob);
}

}  // namespace fakeaws::protocol::forecast_codec
