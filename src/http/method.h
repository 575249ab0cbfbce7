#pragma once

#include <string_view>

namespace muster::http {

enum class Method { kGet, kHead, kPost, kPut, kPatch, kDelete, kOptions, kOther };

Method ParseMethod(std::string_view text);
const char* MethodName(Method method);

}  // namespace muster::http
