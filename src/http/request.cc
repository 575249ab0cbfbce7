#include "http/request.h"

#include <algorithm>

namespace muster::http {

bool Principal::HasScope(std::string_view scope) const {
  return std::find(scopes.begin(), scopes.end(), scope) != scopes.end();
}

std::string_view Request::Header(std::string_view lower_name) const {
  for (const auto& [k, v] : headers) {
    if (k == lower_name) return v;
  }
  return {};
}

bool Request::HasHeader(std::string_view lower_name) const {
  for (const auto& [k, v] : headers) {
    if (k == lower_name) return true;
  }
  return false;
}

std::string_view Request::Param(std::string_view name) const {
  for (const auto& [k, v] : path_params) {
    if (k == name) return v;
  }
  return {};
}

const FormFields& Request::QueryFields() const {
  if (!query_fields_) {
    auto parsed = ParseForm(query, 256);
    query_fields_ = parsed.ok() ? std::move(parsed).value() : FormFields{};
  }
  return *query_fields_;
}

std::optional<std::string_view> Request::QueryParam(std::string_view name) const {
  return FindField(QueryFields(), name);
}

}  // namespace muster::http
