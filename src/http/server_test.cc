#include "http/server.h"

#include <utility>  // before Asio (Boost 1.74)

#include <gtest/gtest.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <thread>

namespace muster::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Route echo;
    echo.method = Method::kPost;
    echo.path = "/echo";
    echo.body_limit = 16;
    echo.handler = [](Request& r) -> Result<Response> { return Response::Text(200, r.body); };
    ASSERT_TRUE(router_.Add(std::move(echo)).ok());
    Route slow;
    slow.method = Method::kGet;
    slow.path = "/slow";
    slow.offload = true;
    slow.handler = [](Request&) -> Result<Response> {
      std::this_thread::sleep_for(std::chrono::milliseconds(400));
      return Response::Text(200, "done");
    };
    ASSERT_TRUE(router_.Add(std::move(slow)).ok());
    Route hello;
    hello.method = Method::kGet;
    hello.path = "/hello/{name}";
    hello.handler = [](Request& r) -> Result<Response> {
      return Response::Text(200, "hi " + std::string(r.Param("name")));
    };
    ASSERT_TRUE(router_.Add(std::move(hello)).ok());

    ServerOptions options;
    options.port = 0;
    options.threads = 2;
    options.worker_threads = 2;
    options.access_log = false;
    options.handle_signals = false;
    server_ = std::make_unique<Server>(options, router_, metrics_);
    ASSERT_TRUE(server_->Start().ok());
    thread_ = std::thread([this] { server_->Run(); });
  }

  void TearDown() override {
    server_->Shutdown();
    thread_.join();
  }

  beast::tcp_stream Connect() {
    beast::tcp_stream stream(io_);
    stream.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), server_->port()));
    return stream;
  }

  bhttp::response<bhttp::string_body> Send(beast::tcp_stream& stream, bhttp::verb verb,
                                           const std::string& target, std::string body = {}) {
    bhttp::request<bhttp::string_body> req{verb, target, 11};
    req.set(bhttp::field::host, "localhost");
    if (!body.empty()) {
      req.body() = std::move(body);
      req.prepare_payload();
    }
    bhttp::write(stream, req);
    beast::flat_buffer buffer;
    bhttp::response_parser<bhttp::string_body> parser;
    parser.skip(verb == bhttp::verb::head);
    bhttp::read(stream, buffer, parser);
    return parser.release();
  }

  Router router_;
  Metrics metrics_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
  asio::io_context io_;
};

TEST_F(ServerTest, KeepAliveServesSeveralRequestsOnOneConnection) {
  auto stream = Connect();
  for (int i = 0; i < 3; ++i) {
    auto res = Send(stream, bhttp::verb::get, "/hello/world");
    EXPECT_EQ(res.result_int(), 200);
    EXPECT_EQ(res.body(), "hi world");
    EXPECT_FALSE(res[bhttp::field::date].empty());
    EXPECT_FALSE(res["X-Request-Id"].empty());
    EXPECT_TRUE(res.keep_alive());
  }
  EXPECT_EQ(server_->ActiveConnections(), 1);
}

TEST_F(ServerTest, KeepsASaneCallerRequestId) {
  auto stream = Connect();
  bhttp::request<bhttp::string_body> req{bhttp::verb::get, "/hello/x", 11};
  req.set("X-Request-Id", "trace-123");
  bhttp::write(stream, req);
  beast::flat_buffer buffer;
  bhttp::response<bhttp::string_body> res;
  bhttp::read(stream, buffer, res);
  EXPECT_EQ(res["X-Request-Id"], "trace-123");
}

TEST_F(ServerTest, EnforcesThePerRouteBodyLimit) {
  auto stream = Connect();
  auto ok = Send(stream, bhttp::verb::post, "/echo", "0123456789");
  EXPECT_EQ(ok.body(), "0123456789");
  auto big = Send(stream, bhttp::verb::post, "/echo", std::string(100, 'x'));
  EXPECT_EQ(big.result_int(), 413);
}

TEST_F(ServerTest, AnswersNotFoundMethodNotAllowedAndHead) {
  auto stream = Connect();
  EXPECT_EQ(Send(stream, bhttp::verb::get, "/missing").result_int(), 404);
  auto r405 = Send(stream, bhttp::verb::get, "/echo");
  EXPECT_EQ(r405.result_int(), 405);
  EXPECT_EQ(r405[bhttp::field::allow], "POST");
  auto head = Send(stream, bhttp::verb::head, "/hello/x");
  EXPECT_EQ(head.result_int(), 200);
  EXPECT_EQ(head[bhttp::field::content_length], "4");
  EXPECT_TRUE(head.body().empty());
}

TEST_F(ServerTest, MalformedRequestGets400) {
  auto stream = Connect();
  std::string junk = "NOT HTTP AT ALL\r\n\r\n";
  asio::write(stream.socket(), asio::buffer(junk));
  beast::flat_buffer buffer;
  bhttp::response<bhttp::string_body> res;
  bhttp::read(stream, buffer, res);
  EXPECT_EQ(res.result_int(), 400);
}

TEST_F(ServerTest, ShutdownLetsInFlightRequestsFinish) {
  auto stream = Connect();
  bhttp::request<bhttp::string_body> req{bhttp::verb::get, "/slow", 11};
  bhttp::write(stream, req);
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  server_->Shutdown();
  beast::flat_buffer buffer;
  bhttp::response<bhttp::string_body> res;
  bhttp::read(stream, buffer, res);
  EXPECT_EQ(res.result_int(), 200);
  EXPECT_EQ(res.body(), "done");
  EXPECT_FALSE(res.keep_alive());
  // New connections are refused once the listeners are closed.
  beast::tcp_stream late(io_);
  beast::error_code ec;
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  late.socket().connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), server_->port()), ec);
  EXPECT_TRUE(ec);
}

TEST_F(ServerTest, CountsRequestsInMetrics) {
  auto stream = Connect();
  Send(stream, bhttp::verb::get, "/hello/a");
  Send(stream, bhttp::verb::get, "/nope");
  std::string text = metrics_.Render();
  EXPECT_NE(text.find(R"(route="/hello/{name}",status="200"} 1)"), std::string::npos);
  EXPECT_NE(text.find(R"(route="unmatched",status="404"} 1)"), std::string::npos);
}

}  // namespace
}  // namespace muster::http
