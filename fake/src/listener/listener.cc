#include "fakeaws/listener.h"

#include <httplib.h>

#include <algorithm>
#include <stdexcept>
#include <system_error>
#include <thread>

#include "fakeaws/fake.h"

namespace fakeaws {
namespace {

bool IsLoopback(const std::string& host) {
  return host == "127.0.0.1" || host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

HttpRequest FromHttplib(const httplib::Request& req) {
  HttpRequest out;
  out.method = req.method;
  out.target = req.target;
  for (const auto& [name, value] : req.headers) {
    // httplib adds these for its own bookkeeping; no client sent them.
    if (name == "REMOTE_ADDR" || name == "REMOTE_PORT" || name == "LOCAL_ADDR" || name == "LOCAL_PORT") {
      continue;
    }
    out.headers.Add(name, value);
  }
  out.body = req.body;
  return out;
}

// cpp-httplib post-processes what a handler returns: it slices the body again
// for a Range header (the fake already answered the range, as S3 does), and
// gzips text-like bodies for clients that accept gzip (AWS does not). Both
// are switched off for this request. The Request object is httplib's own
// non-const local, so writing through the const reference is well-defined.
void KeepResponseAsIs(const httplib::Request& req) {
  auto& mutable_req = const_cast<httplib::Request&>(req);
  mutable_req.ranges.clear();
  mutable_req.headers.erase("Accept-Encoding");
}

void ToHttplib(HttpResponse&& r, const httplib::Request& req, httplib::Response& res) {
  res.status = r.status;
  for (auto& f : r.headers) {
    // httplib writes Content-Length itself for a non-empty body; a second
    // one would be a protocol error. For HEAD and empty bodies ours stands
    // (a HEAD's Content-Length is the object's size).
    if (!r.body.empty() && req.method != "HEAD" &&
        (f.name == "Content-Length" || f.name == "content-length")) {
      continue;
    }
    res.headers.emplace(f.name, f.value);
  }
  res.body = std::move(r.body);
}

}  // namespace

struct Listener::Impl {
  Fake& fake;
  ListenerOptions options;
  httplib::Server server;
  std::thread thread;
  int port = -1;
  bool running = false;

  Impl(Fake& f, ListenerOptions o) : fake(f), options(std::move(o)) {}

  void Serve(const httplib::Request& req, httplib::Response& res) {
    KeepResponseAsIs(req);
    HttpResponse r = fake.Handle(FromHttplib(req));
    if (r.delay.count() > 0) std::this_thread::sleep_for(r.delay);
    if (r.drop_connection) {
      // Promise one byte and fail to write it: httplib closes the
      // connection, and the client sees it drop mid-response.
      res.status = 500;
      res.set_content_provider(1, "application/octet-stream",
                               [](size_t, size_t, httplib::DataSink&) { return false; });
      return;
    }
    ToHttplib(std::move(r), req, res);
  }
};

Listener::Listener(Fake& fake, ListenerOptions options)
    : impl_(std::make_unique<Impl>(fake, std::move(options))) {}

Listener::~Listener() { Stop(); }

std::string Listener::Start() {
  Impl& i = *impl_;
  if (i.running) return endpoint();
  if (!IsLoopback(i.options.host) && !i.options.allow_non_loopback) {
    throw std::invalid_argument("fakeaws::Listener: binding " + i.options.host +
                                " needs ListenerOptions::allow_non_loopback");
  }
  httplib::Server& s = i.server;
  // Each setting below answers a measured trap of Debian's cpp-httplib
  // 0.11.4 (../shared/reference/cpp-httplib-notes.md).
  s.set_payload_max_length(i.options.max_body_bytes);  // default refuses bodies over 8 KiB
  s.set_tcp_nodelay(true);                             // ~40 ms per keep-alive request without
  s.set_keep_alive_max_count(100000);                  // default closes after 5 requests
  s.set_keep_alive_timeout(60);
  const size_t threads =
      i.options.threads ? i.options.threads
                        : std::max<size_t>(8, 2 * std::max(1u, std::thread::hardware_concurrency()));
  s.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  auto handler = [&i](const httplib::Request& req, httplib::Response& res) { i.Serve(req, res); };
  s.Get(".*", handler);  // GET and HEAD
  s.Post(".*", handler);
  s.Put(".*", handler);
  s.Delete(".*", handler);
  s.Options(".*", handler);
  s.Patch(".*", handler);

  i.port = i.options.port == 0 ? s.bind_to_any_port(i.options.host)
                               : (s.bind_to_port(i.options.host, i.options.port) ? i.options.port : -1);
  if (i.port <= 0) {
    throw std::system_error(errno ? errno : EADDRINUSE, std::generic_category(),
                            "fakeaws::Listener: cannot bind " + i.options.host + ":" +
                                std::to_string(i.options.port));
  }
  // bind_to_any_port already listens (cpp-httplib-notes.md "Readiness"):
  // the port accepts connections from here on.
  i.thread = std::thread([&s] { s.listen_after_bind(); });
  i.running = true;
  return endpoint();
}

void Listener::Stop() {
  Impl& i = *impl_;
  if (!i.running) return;
  i.server.stop();
  if (i.thread.joinable()) i.thread.join();
  i.running = false;
}

int Listener::port() const { return impl_->port; }

std::string Listener::endpoint() const {
  const std::string& h = impl_->options.host;
  const std::string host = h.find(':') != std::string::npos ? "[" + h + "]" : h;
  return "http://" + host + ":" + std::to_string(impl_->port);
}

}  // namespace fakeaws
