// Checks of request members that many operations share and that depend on
// the fake's options: tags (the per-resource quota), IAM roles (the
// account) and KMS keys (the region).
#pragma once

#include <string>
#include <vector>

#include "fakeaws/error.h"
#include "fakeaws/options.h"
#include "forecast/inputs.h"

namespace fakeaws::forecast {

// "aws:" in any case: keys AWS reserves for itself (Tag documentation).
bool HasAwsPrefix(const std::string& key);

class InputChecks {
 public:
  explicit InputChecks(const Options& options) : options_(options) {}

  // Tags a Create gives a new resource: no reserved or repeated keys, at
  // most the quota of them.
  Outcome<Done> NewTags(const std::vector<ResourceTag>& tags) const;
  // A well-formed IAM role ARN in the fake's account.
  Outcome<Done> Role(const std::string& role_arn) const;
  // Empty, or a well-formed KMS key ARN in the fake's region.
  Outcome<Done> KmsKey(const std::string& kms_key_arn) const;
  // What the export-like Creates share: tags, the destination's role and key.
  Outcome<Done> ExportDestination(const CreateExportInput& in) const;
  int tags_per_resource() const { return options_.quotas.tags_per_resource; }

 private:
  const Options& options_;
};

}  // namespace fakeaws::forecast
