// The third column of bench/listener_vs_moto.py: Debian's cpp-httplib 0.11.4
// answering every request with one constant body, configured as the
// listener is (TCP_NODELAY, keep-alive without a request limit, a pool
// larger than the clients), so the only difference left is the listener's
// own work and the fake's.
//
//   fakeaws_bare_httplib --port 0 --body-bytes 382
#include <httplib.h>

#include <iostream>
#include <string>

int main(int argc, char** argv) {
  int port = 0;
  size_t body_bytes = 382;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--port") port = std::stoi(argv[i + 1]);
    if (flag == "--body-bytes") body_bytes = std::stoul(argv[i + 1]);
  }
  httplib::Server server;
  server.set_tcp_nodelay(true);
  server.set_keep_alive_max_count(100000);
  server.set_keep_alive_timeout(60);
  server.set_payload_max_length(size_t{1} << 30);
  server.new_task_queue = [] { return new httplib::ThreadPool(64); };
  const std::string body(body_bytes, 'x');
  auto answer = [&body](const httplib::Request&, httplib::Response& res) {
    res.set_content(body, "application/x-amz-json-1.1");
  };
  server.Post(".*", answer);
  server.Get(".*", answer);
  const int bound = port == 0 ? server.bind_to_any_port("127.0.0.1")
                              : (server.bind_to_port("127.0.0.1", port) ? port : -1);
  if (bound <= 0) {
    std::cerr << "fakeaws_bare_httplib: cannot bind\n";
    return 1;
  }
  std::cout << "listening on http://127.0.0.1:" << bound << std::endl;
  return server.listen_after_bind() ? 0 : 1;
}
