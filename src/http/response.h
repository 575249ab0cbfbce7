#pragma once

// Response: the value a handler returns. The session serialises it; handlers never write
// to the socket. Not thread-safe.

#include <string>
#include <utility>
#include <vector>

namespace muster::http {

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  bool close = false;  // ask the session to close the connection after this response

  Response& Header(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }

  static Response Json(int status, std::string body) {
    Response r;
    r.status = status;
    r.body = std::move(body);
    return r;
  }
  static Response Text(int status, std::string body, std::string content_type = "text/plain") {
    Response r;
    r.status = status;
    r.content_type = std::move(content_type);
    r.body = std::move(body);
    return r;
  }
};

}  // namespace muster::http
