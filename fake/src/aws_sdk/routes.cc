#include "aws_sdk/routes.h"

#include "base/ascii.h"

#include <cstdint>
#include <map>
#include <mutex>
#include <utility>

namespace fakeaws::aws_sdk {

const std::string_view kFakeDomain = "fakeaws.invalid";

namespace {

struct RouteTable {
  std::mutex mu;
  uint64_t last_number = 0;
  std::map<std::string, std::weak_ptr<Route>, std::less<>> routes;
};

RouteTable& Table() {
  static RouteTable* table = new RouteTable;  // never destroyed: clients may outlive statics
  return *table;
}

}  // namespace

std::optional<internal::Delivery> Route::Serve(HttpRequest request) {
  std::shared_lock lock(mu_);
  if (!door_) return std::nullopt;
  protocol::Call call = door_->Identify(request);
  return door_->Serve(std::move(request), std::move(call));
}

void Route::Close() {
  std::unique_lock lock(mu_);
  door_.reset();
}

std::shared_ptr<Route> OpenRoute(Fake& fake) {
  RouteTable& table = Table();
  std::lock_guard lock(table.mu);
  std::string host = std::to_string(++table.last_number) + "." + std::string(kFakeDomain);
  auto route = std::make_shared<Route>(fake, host);
  table.routes[std::move(host)] = route;
  return route;
}

void CloseRoute(const std::shared_ptr<Route>& route) {
  if (!route) return;
  {
    RouteTable& table = Table();
    std::lock_guard lock(table.mu);
    table.routes.erase(route->host());
  }
  route->Close();
}

std::shared_ptr<Route> FindRoute(std::string_view host) {
  RouteTable& table = Table();
  std::lock_guard lock(table.mu);
  auto it = table.routes.find(base::AsciiLower(host));
  return it == table.routes.end() ? nullptr : it->second.lock();
}

bool IsFakeHost(std::string_view host) {
  const std::string h = base::AsciiLower(host);
  return h.size() > kFakeDomain.size() && h.compare(h.size() - kFakeDomain.size(), kFakeDomain.size(), kFakeDomain) == 0 &&
         h[h.size() - kFakeDomain.size() - 1] == '.';
}

}  // namespace fakeaws::aws_sdk
