#include "http/document_route.h"

#include <utility>

namespace muster::http {

Status AddDocumentRoute(Router& router, std::string path, std::string help, std::string_view json) {
  Route doc;
  doc.method = Method::kGet;
  doc.path = std::move(path);
  doc.group = "docs";
  doc.help = std::move(help);
  doc.handler = [json](Request&) -> Result<Response> {
    Response r = Response::Json(200, std::string(json));
    r.Header("Cache-Control", "public, max-age=3600");
    return r;
  };
  return router.Add(std::move(doc));
}

}  // namespace muster::http
