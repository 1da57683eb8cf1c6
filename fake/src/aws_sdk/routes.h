// Which Fake answers which aws-sdk-cpp client. The SDK makes every HTTP
// client through one process-wide factory, so fakes are told apart by the
// endpoint their clients address: each AwsSdk opens a route with a host of
// its own ("<n>.fakeaws.invalid"; .invalid never resolves, RFC 2606), and the
// factory binds a client whose endpointOverride names that host to it.
#pragma once

#include <memory>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>

#include "fakeaws/fake.h"
#include "pipeline/front_door.h"

namespace fakeaws::aws_sdk {

class Route {
 public:
  Route(Fake& fake, std::string host) : door_(std::in_place, fake), host_(std::move(host)) {}
  Route(const Route&) = delete;
  Route& operator=(const Route&) = delete;

  const std::string& host() const { return host_; }
  // The fake's answer, served as the listener serves one (numbered,
  // faulted, journaled, dated by the time signatures are checked against),
  // or nullopt once the route is closed. Many requests may be served at once.
  std::optional<internal::Delivery> Serve(HttpRequest request);
  // Waits for the requests being served; later ones get nullopt.
  void Close();

 private:
  std::shared_mutex mu_;
  std::optional<internal::FrontDoor> door_;  // empty once closed
  const std::string host_;
};

// "fakeaws.invalid": every route's host ends with "." and this.
extern const std::string_view kFakeDomain;

// A route to `fake` under a host no other route in the process has had.
std::shared_ptr<Route> OpenRoute(Fake& fake);
// Forgets the route and closes it.
void CloseRoute(const std::shared_ptr<Route>& route);
// The open route with this host (case-insensitive, as DNS names are), or null.
std::shared_ptr<Route> FindRoute(std::string_view host);
// Whether `host` is in kFakeDomain: a client of such a host never goes to
// the network, whether or not its route is still open.
bool IsFakeHost(std::string_view host);

}  // namespace fakeaws::aws_sdk
