// ParseJwt: total decoding of untrusted compact JWTs (declared in jwt.h).

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cmath>
#include <string_view>

#include "core/base64.h"
#include "jose/jwt.h"

namespace muster::jose {
namespace {

using rapidjson::Document;
using rapidjson::Value;

constexpr size_t kMaxTokenBytes = 16 * 1024;
constexpr int kMaxJsonDepth = 32;
// NumericDate range we accept: far beyond any real date, safely inside int64.
constexpr double kMaxNumericDate = 1e15;

Error Malformed(std::string_view defect) {
  return MakeError(ErrorCode::kInvalidArgument, "invalid_token", "The token is malformed.",
                   "JwtMalformed: " + std::string(defect));
}

std::string_view Name(const Value& v) { return {v.GetString(), v.GetStringLength()}; }

std::optional<std::string> DecodeSegment(std::string_view segment) {
  if (segment.find('=') != std::string_view::npos) return std::nullopt;  // JWS forbids padding
  return Base64UrlDecode(segment);
}

// Bounds nesting before RapidJSON's recursive parser and writer see the text.
bool DepthWithin(std::string_view json, int max_depth) {
  int depth = 0;
  bool in_string = false;
  bool escaped = false;
  for (char c : json) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > max_depth) return false;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return true;
}

bool HasDuplicateNames(const Value& object) {
  std::vector<std::string_view> names;
  names.reserve(object.MemberCount());
  for (const auto& m : object.GetObject()) names.push_back(Name(m.name));
  std::sort(names.begin(), names.end());
  return std::adjacent_find(names.begin(), names.end()) != names.end();
}

// Parses `json` into `doc` as one JSON object; returns the defect, or empty on success.
std::string ParseObject(std::string_view json, Document& doc) {
  // A NUL would end RapidJSON's input early and hide trailing bytes.
  if (json.find('\0') != std::string_view::npos) return "NUL byte in JSON";
  if (!DepthWithin(json, kMaxJsonDepth)) return "JSON nested too deeply";
  doc.Parse<rapidjson::kParseValidateEncodingFlag>(json.data(), json.size());
  if (doc.HasParseError()) {
    return std::string("JSON: ") + rapidjson::GetParseError_En(doc.GetParseError());
  }
  if (!doc.IsObject()) return "JSON is not an object";
  if (HasDuplicateNames(doc)) return "duplicate JSON member";
  return {};
}

std::string ToJson(const Value& v) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  v.Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::optional<int64_t> NumericDate(const Value& v) {
  if (v.IsInt64()) return v.GetInt64();
  if (!v.IsDouble()) return std::nullopt;  // also rejects integers beyond int64
  double d = v.GetDouble();
  if (!std::isfinite(d) || std::fabs(d) > kMaxNumericDate) return std::nullopt;
  return static_cast<int64_t>(std::floor(d));
}

// A string, or an array of strings; `split_spaces` also splits a string on ' ' (scope).
bool StringList(const Value& v, bool split_spaces, std::vector<std::string>& out) {
  out.clear();
  if (v.IsString()) {
    std::string_view s = Name(v);
    if (!split_spaces) {
      out.emplace_back(s);
      return true;
    }
    while (!s.empty()) {
      size_t space = s.find(' ');
      std::string_view word = s.substr(0, space);
      if (!word.empty()) out.emplace_back(word);
      s.remove_prefix(space == std::string_view::npos ? s.size() : space + 1);
    }
    return true;
  }
  if (!v.IsArray()) return false;
  for (const Value& item : v.GetArray()) {
    if (!item.IsString()) return false;
    out.emplace_back(Name(item));
  }
  return true;
}

struct StringClaim {
  std::string_view name;
  std::string JwtClaims::*field;
};
constexpr StringClaim kStringClaims[] = {
    {"iss", &JwtClaims::iss},
    {"jti", &JwtClaims::jti},
    {"sub", &JwtClaims::sub},
    {"client_id", &JwtClaims::client_id},
    {"userorganisationidentifier", &JwtClaims::userorganisationidentifier},
    {"vendorid", &JwtClaims::vendorid},
    {"applicationid", &JwtClaims::applicationid},
    {"applicationname", &JwtClaims::applicationname},
};

struct DateClaim {
  std::string_view name;
  int64_t JwtClaims::*field;
  bool JwtClaims::*present;  // may be null
};
constexpr DateClaim kDateClaims[] = {
    {"exp", &JwtClaims::exp, &JwtClaims::has_exp},
    {"nbf", &JwtClaims::nbf, &JwtClaims::has_nbf},
    {"iat", &JwtClaims::iat, nullptr},
};

// Reads one claim; returns false when a known claim has the wrong JSON type.
bool ReadClaim(std::string_view name, const Value& value, JwtClaims& claims) {
  for (const StringClaim& c : kStringClaims) {
    if (name != c.name) continue;
    if (!value.IsString()) return false;
    claims.*c.field = std::string(Name(value));
    return true;
  }
  for (const DateClaim& c : kDateClaims) {
    if (name != c.name) continue;
    std::optional<int64_t> date = NumericDate(value);
    if (!date) return false;
    claims.*c.field = *date;
    if (c.present != nullptr) claims.*c.present = true;
    return true;
  }
  if (name == "aud") return StringList(value, /*split_spaces=*/false, claims.aud);
  if (name == "scope") return StringList(value, /*split_spaces=*/true, claims.scope);
  claims.extra.emplace_back(name, ToJson(value));
  return true;
}

// Reads an optional string header parameter; false when present but not a string.
bool HeaderString(const Document& header, const char* name, std::string& out) {
  auto it = header.FindMember(name);
  if (it == header.MemberEnd()) return true;
  if (!it->value.IsString()) return false;
  out = std::string(Name(it->value));
  return true;
}

Result<JwtHeader> ReadHeader(std::string_view json) {
  Document doc;
  std::string defect = ParseObject(json, doc);
  if (!defect.empty()) return Malformed("header " + defect);
  JwtHeader header;
  if (!doc.HasMember("alg")) return Malformed("header has no alg");
  if (!HeaderString(doc, "alg", header.alg) || !HeaderString(doc, "kid", header.kid) ||
      !HeaderString(doc, "typ", header.typ) || !HeaderString(doc, "x5t", header.x5t)) {
    return Malformed("header parameter is not a string");
  }
  // RFC 7515 §4.1.11: we understand no extensions, so "crit" cannot be honoured.
  if (doc.HasMember("crit")) return Malformed("header has crit");
  return header;
}

Result<JwtClaims> ReadClaims(std::string_view json) {
  Document doc;
  std::string defect = ParseObject(json, doc);
  if (!defect.empty()) return Malformed("payload " + defect);
  JwtClaims claims;
  // Iterate a const view: RapidJSON 1.1's mutable member iterators trip clang's C++20
  // -Wambiguous-reversed-operator.
  const Value& object = doc;
  for (const auto& member : object.GetObject()) {
    std::string_view name = Name(member.name);
    if (!ReadClaim(name, member.value, claims)) {
      return Malformed("claim " + std::string(name.substr(0, 32)) + " has the wrong type");
    }
  }
  return claims;
}

}  // namespace

Result<ParsedJwt> ParseJwt(std::string_view token) {
  if (token.size() > kMaxTokenBytes) return Malformed("token larger than 16 KiB");
  size_t dot1 = token.find('.');
  size_t dot2 = dot1 == std::string_view::npos ? dot1 : token.find('.', dot1 + 1);
  if (dot2 == std::string_view::npos || token.find('.', dot2 + 1) != std::string_view::npos) {
    return Malformed("not three segments");
  }
  std::optional<std::string> header_json = DecodeSegment(token.substr(0, dot1));
  std::optional<std::string> payload_json = DecodeSegment(token.substr(dot1 + 1, dot2 - dot1 - 1));
  std::optional<std::string> signature = DecodeSegment(token.substr(dot2 + 1));
  if (!header_json || !payload_json || !signature) return Malformed("segment is not base64url");

  ParsedJwt parsed;
  MUSTER_ASSIGN_OR_RETURN(parsed.header, ReadHeader(*header_json));
  MUSTER_ASSIGN_OR_RETURN(parsed.claims, ReadClaims(*payload_json));
  parsed.signing_input = std::string(token.substr(0, dot2));
  parsed.signature = std::move(*signature);
  return parsed;
}

}  // namespace muster::jose
