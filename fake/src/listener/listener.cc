#include "fakeaws/listener.h"

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <deque>
#include <functional>
#include <httplib.h>
#include <mutex>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <optional>
#include <poll.h>
#include <stdexcept>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <system_error>
#include <thread>
#include <unistd.h>
#include <vector>

#include "fakeaws/control.h"
#include "fakeaws/fake.h"
#include "listener/connection.h"
#include "pipeline/front_door.h"
#include "protocol/framework_errors.h"

namespace fakeaws {
namespace listener {
namespace {

// A request whose bytes stop arriving for this long is abandoned.
constexpr std::chrono::milliseconds kReadTimeout{30'000};
// A connection over the maximum waits this long for its request before it
// is closed unanswered.
constexpr std::chrono::milliseconds kOverCapacityWait{1'000};

// The connection the current worker thread is serving: cpp-httplib hands its
// handlers the parsed request, not the stream it came from.
thread_local Connection* t_connection = nullptr;

// Each connection holds a worker for as long as it stays open, so a fixed
// pool makes the (n+1)th keep-alive client wait until one of the others
// closes: a 209 ms latency maximum at 16 connections with 8 workers
// (cpp-httplib-notes.md). This pool starts with `base` workers and adds one
// whenever a connection arrives and none is free.
class ElasticPool final : public httplib::TaskQueue {
 public:
  ElasticPool(size_t base, size_t max) : max_(max) {
    std::lock_guard<std::mutex> lock(mu_);
    while (threads_.size() < base) Spawn();
  }

  void enqueue(std::function<void()> job) override {
    std::lock_guard<std::mutex> lock(mu_);
    jobs_.push_back(std::move(job));
    if (jobs_.size() > free_ && threads_.size() < max_) Spawn();
    cv_.notify_one();
  }

  // Runs the jobs still queued (each sees the listener stopping and closes
  // its connection at once) and joins every worker.
  void shutdown() override {
    {
      std::lock_guard<std::mutex> lock(mu_);
      shutdown_ = true;
    }
    cv_.notify_all();
    // No enqueue can race with this: cpp-httplib calls shutdown after its
    // accept loop, the only caller of enqueue, has ended.
    for (auto& t : threads_) t.join();
  }

 private:
  void Spawn() {
    ++free_;
    threads_.emplace_back([this] { Work(); });
  }

  void Work() {
    for (;;) {
      std::function<void()> job;
      {
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait(lock, [this] { return !jobs_.empty() || shutdown_; });
        if (jobs_.empty()) return;
        job = std::move(jobs_.front());
        jobs_.pop_front();
        --free_;
      }
      job();
      std::lock_guard<std::mutex> lock(mu_);
      ++free_;
    }
  }

  const size_t max_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> jobs_;
  std::vector<std::thread> threads_;
  size_t free_ = 0;  // workers not running a job
  bool shutdown_ = false;
};

// cpp-httplib's Server with the connection loop replaced (connection.h says
// why) and the listening socket under the listener's control.
class Server final : public httplib::Server {
 public:
  Server(const StopSignal& stop, std::chrono::milliseconds idle, size_t max_connections)
      : stop_(stop), idle_(idle), max_connections_(max_connections) {}

  // Binds and listens; returns the port or -1.
  int Bind(const std::string& host, int port) {
    const int bound = port == 0 ? bind_to_any_port(host) : (bind_to_port(host, port) ? port : -1);
    // cpp-httplib 0.11.4 listens with a backlog of 5: a burst of clients
    // connecting at once would see SYNs dropped and retried a second later.
    if (bound > 0) ::listen(svr_sock_, SOMAXCONN);
    return bound;
  }

  // Ends the accept loop for good and returns the listening socket, to be
  // closed once that loop has ended. (Server::stop() does nothing until the
  // loop has started, so a Stop right after Start would hang.)
  int StopAccepting() {
    const int sock = svr_sock_.exchange(INVALID_SOCKET);
    if (sock != INVALID_SOCKET) ::shutdown(sock, SHUT_RDWR);
    return sock;
  }

 private:
  bool process_and_close_socket(socket_t sock) override {
    int on = 1;
    ::setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    Connection connection(sock, stop_, kReadTimeout);
    const bool over = open_.fetch_add(1) >= max_connections_;
    if (over) connection.MarkOverCapacity();
    t_connection = &connection;
    bool ok = true;
    while (connection.AwaitRequest(over ? kOverCapacityWait : idle_)) {
      connection.BeginRequest();
      bool client_closes = false;
      ok = process_request(connection, /*close_connection=*/false, client_closes, nullptr);
      if (!ok || client_closes || connection.closing()) break;
    }
    t_connection = nullptr;
    open_.fetch_sub(1);
    ::shutdown(sock, SHUT_RDWR);
    ::close(sock);
    return ok;
  }

  const StopSignal& stop_;
  const std::chrono::milliseconds idle_;
  const size_t max_connections_;
  std::atomic<size_t> open_{0};
};

bool IsLoopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

// The head's fields come from the connection, as the client sent them
// (Connection::head_fields says why), not from cpp-httplib's parse.
HttpRequest FromHttplib(const httplib::Request& req, const Connection& connection) {
  HttpRequest out;
  out.method = req.method;
  out.target = req.target;
  out.headers = connection.head_fields();
  // The Request is cpp-httplib's own non-const local, handed over as const&;
  // it does not read the body again, so taking it saves copying uploads.
  out.body = std::move(const_cast<httplib::Request&>(req).body);
  return out;
}

}  // namespace
}  // namespace listener

struct Listener::Impl {
  Fake& fake;
  internal::FrontDoor door;
  ListenerOptions options;
  std::unique_ptr<ControlApi> control;
  std::unique_ptr<listener::Server> server;
  std::thread thread;
  listener::StopSignal stop;
  int port = -1;
  bool running = false;

  Impl(Fake& f, ListenerOptions o) : fake(f), door(f), options(std::move(o)) {
    if (options.control_api) control = std::make_unique<ControlApi>(fake);
  }

  // Runs once the head is read, before the body: answers (and closes) a
  // request that must not be read on. True when it answered.
  bool Screen(const httplib::Request& req) {
    listener::Connection& connection = *listener::t_connection;
    HttpRequest head = listener::FromHttplib(req, connection);
    if (control && ControlApi::Accepts(head)) return false;
    const protocol::Call& call = connection.Identify(head, door);
    const uint64_t max_body = options.max_body_bytes;
    const std::optional<uint64_t> length = protocol::DecimalHeader(head.headers, "Content-Length");
    std::optional<internal::Delivery> answer;
    if (connection.over_capacity()) {
      answer = door.Refuse(std::move(head), call, {internal::Refusal::kTooManyConnections, 0, 0});
    } else if (door.AnsweredByHead(call, head)) {
      // The fake's own answer to the whole request.
      answer = door.Serve(std::move(head), call);
    } else if (length && *length > max_body) {
      answer = door.Refuse(std::move(head), call, {internal::Refusal::kBodyTooLarge, *length, max_body});
    } else if (!length) {
      // A chunked body: refused once too much of it has arrived.
      connection.LimitBody(max_body, [this, head = std::move(head), call, max_body](uint64_t seen) {
        return door.Refuse(head, call, {internal::Refusal::kBodyTooLarge, seen, max_body});
      });
    }
    if (!answer) return false;
    connection.Deliver(*answer, req.method == "HEAD");
    connection.CloseAfterAnswer();
    return true;
  }

  void Serve(const httplib::Request& req, httplib::Response& res) {
    listener::Connection& connection = *listener::t_connection;
    HttpRequest request = listener::FromHttplib(req, connection);
    internal::Delivery delivery;
    if (control && ControlApi::Accepts(request)) {
      delivery.response = control->Handle(request);
    } else {
      const protocol::Call& call = connection.Identify(request, door);
      delivery = door.Serve(std::move(request), call);
    }
    res.status = delivery.response.status > 0 ? delivery.response.status : 500;  // cpp-httplib's bookkeeping only
    connection.Deliver(delivery, req.method == "HEAD");
  }
};

Listener::Listener(Fake& fake, ListenerOptions options)
    : impl_(std::make_unique<Impl>(fake, std::move(options))) {}

Listener::~Listener() { Stop(); }

std::string Listener::Start() {
  Impl& i = *impl_;
  if (i.running) return endpoint();
  if (!listener::IsLoopback(i.options.host) && !i.options.allow_non_loopback) {
    throw std::invalid_argument("fakeaws::Listener: binding " + i.options.host +
                                " needs ListenerOptions::allow_non_loopback");
  }
  i.stop.raised = false;
  i.stop.fd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (i.stop.fd < 0) throw std::system_error(errno, std::generic_category(), "fakeaws::Listener: eventfd");
  i.server = std::make_unique<listener::Server>(
      i.stop, std::chrono::duration_cast<std::chrono::milliseconds>(i.options.idle_timeout),
      i.options.max_connections);
  listener::Server& s = *i.server;
  // Debian's cpp-httplib 0.11.4 refuses bodies over 8 KiB unless told
  // otherwise, and stalls ~40 ms per keep-alive request without TCP_NODELAY
  // (cpp-httplib-notes.md). Keep-alive is the listener's own loop.
  s.set_payload_max_length(i.options.max_body_bytes);
  s.set_tcp_nodelay(true);
  // cpp-httplib's default sets SO_REUSEPORT, which lets a second server bind
  // a port in use and take half its connections. SO_REUSEADDR alone still
  // allows a restart while old connections sit in TIME_WAIT.
  s.set_socket_options([](socket_t sock) {
    int on = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
  });
  const size_t base = i.options.threads ? i.options.threads
                                        : std::max<size_t>(4, std::thread::hardware_concurrency());
  // One worker per allowed connection, and a few to turn away the rest.
  const size_t max_workers = std::max(base, i.options.max_connections + 4);
  s.new_task_queue = [base, max_workers] { return new listener::ElasticPool(base, max_workers); };
  // Sizes and capacity are decided from the head, before any body byte is
  // read and before `100 Continue` is sent: a refused upload is answered at
  // once, as S3 answers it (cpp-httplib writes nothing of its own: the
  // connection drops what it writes after the answer).
  s.set_expect_100_continue_handler(
      [&i](const httplib::Request& req, httplib::Response&) { return i.Screen(req) ? 400 : 100; });
  s.set_pre_routing_handler([&i](const httplib::Request& req, httplib::Response&) {
    return i.Screen(req) ? httplib::Server::HandlerResponse::Handled : httplib::Server::HandlerResponse::Unhandled;
  });
  auto handler = [&i](const httplib::Request& req, httplib::Response& res) { i.Serve(req, res); };
  // Every path: [\s\S] because S3 keys may hold a newline (%0A), which `.`
  // does not match.
  const std::string any = "[\\s\\S]*";
  s.Get(any, handler);  // GET and HEAD
  s.Post(any, handler);
  s.Put(any, handler);
  s.Delete(any, handler);
  s.Options(any, handler);
  s.Patch(any, handler);

  i.port = s.Bind(i.options.host, i.options.port);
  if (i.port <= 0) {
    const int error = errno ? errno : EADDRINUSE;
    ::close(i.stop.fd);
    i.stop.fd = -1;
    i.server.reset();
    i.port = -1;
    throw std::system_error(error, std::generic_category(),
                            "fakeaws::Listener: cannot bind " + i.options.host + ":" +
                                std::to_string(i.options.port));
  }
  // The socket already listens (cpp-httplib-notes.md "Readiness"): the port
  // accepts connections from here on, before the accept loop runs.
  i.thread = std::thread([&s] { s.listen_after_bind(); });
  i.running = true;
  return endpoint();
}

void Listener::Stop() {
  Impl& i = *impl_;
  if (!i.running) return;
  // Wakes every idle connection and any fault delay; requests being
  // answered finish, then their connections close.
  i.stop.raised = true;
  const uint64_t one = 1;
  (void)!::write(i.stop.fd, &one, sizeof one);
  const int sock = i.server->StopAccepting();
  if (i.thread.joinable()) i.thread.join();
  if (sock >= 0) ::close(sock);
  ::close(i.stop.fd);
  i.stop.fd = -1;
  i.server.reset();
  i.running = false;
}

int Listener::port() const { return impl_->running ? impl_->port : -1; }

std::string Listener::endpoint() const {
  if (!impl_->running) return "";
  const std::string& h = impl_->options.host;
  const std::string host = h.find(':') != std::string::npos ? "[" + h + "]" : h;
  return "http://" + host + ":" + std::to_string(port());
}

}  // namespace fakeaws
