#include "cli/output.h"

#include "core/time_format.h"

namespace muster::cli {

void WithRuntime(const GlobalOptions& g, int& exit_code, const std::string& name,
                 const std::function<Status(app::Runtime&)>& fn) {
  auto cfg = LoadOrReport(g);
  if (!cfg) {
    exit_code = 2;
    return;
  }
  auto rt = app::Runtime::Open(*cfg, app::OpenOptions{});
  if (!rt.ok()) {
    std::cerr << "muster " << name << ": " << rt.error().message << "\n";
    exit_code = 1;
    return;
  }
  Status s = fn(**rt);
  if (!s.ok()) {
    std::cerr << "muster " << name << ": " << s.error().message << "\n";
    exit_code = s.error().code == ErrorCode::kInvalidArgument ? 2 : 1;
  }
}

Printer::Printer(bool json) : json_(json), w_(out_) {
  if (json_) w_.BeginArray();
}

Printer::~Printer() {
  if (json_) {
    w_.EndArray();
    std::cout << out_ << "\n";
  }
}

Printer& Printer::Begin() {
  if (json_) w_.BeginObject();
  return *this;
}

Printer& Printer::Field(const std::string& key, const std::string& value) {
  if (json_) {
    w_.Member(key, value);
  } else {
    std::cout << key << ": " << value << "\n";
  }
  return *this;
}

void Printer::End() {
  if (json_) {
    w_.EndObject();
  } else {
    std::cout << "\n";
  }
}

std::string When(int64_t ms) { return ms == 0 ? "-" : FormatIso8601Millis(ms); }

}  // namespace muster::cli
