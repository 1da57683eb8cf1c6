// What a resource may use when its creation completes (Resource::Complete,
// as CREATE_IN_PROGRESS ends): the S3 store it reads imports from and
// writes exports into, how exports are laid out, the seed generated values
// come from, which IAM roles the service may assume, and the other
// resources. Nothing more of the service: no quotas, clock or lock, and no
// way to add, remove or move another resource through its lifecycle.
#pragma once

#include <cstdint>
#include <string>

#include "fakeaws/options.h"
#include "s3/store.h"

namespace fakeaws::forecast {

struct Resource;
struct DatasetImportJobResource;

class CompletionContext {
 public:
  virtual ~CompletionContext() = default;

  virtual s3::Store& store() = 0;
  virtual const ExportLayout& export_layout() const = 0;
  virtual uint64_t seed() const = 0;
  // Whether the service may act as `role_arn`: any well-formed role, or with
  // Options::roles_must_exist only those a test added.
  virtual bool RoleAssumable(const std::string& role_arn) const = 0;
  // The resource named `arn`, whatever its type, or nullptr.
  virtual Resource* FindResource(const std::string& arn) = 0;
  // The import job whose data a dataset holds now: its newest ACTIVE one.
  virtual const DatasetImportJobResource* LatestImport(const std::string& dataset_arn) = 0;

  // The resource named `arn` when it is a T, or nullptr.
  template <typename T>
  T* Find(const std::string& arn) {
    return dynamic_cast<T*>(FindResource(arn));
  }
};

}  // namespace fakeaws::forecast
