#include "aws_sdk/deliver.h"

#include <utility>

#include "fakeaws/fake.h"

namespace fakeaws::aws_sdk {

Delivery Deliver(Fake& fake, HttpRequest request) {
  Delivery delivery;
  delivery.response = fake.Handle(std::move(request));
  delivery.delay = delivery.response.delay;
  // Status 0: a fault dropped the request before any answer existed.
  delivery.drop_connection = delivery.response.drop_connection || delivery.response.status == 0;
  return delivery;
}

}  // namespace fakeaws::aws_sdk
