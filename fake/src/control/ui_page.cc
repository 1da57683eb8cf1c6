// GET /_fakeaws/ui: one page, its style and script inline, built into the
// library from fake/src/control/ui/ (embed.cmake), so it needs nothing from
// anywhere else. The script reads and drives the control API only.
//
// The Content-Security-Policy lets in exactly this page's own script and
// style (by their SHA-256) and requests to its own origin: markup that data
// smuggles into the page (a key or a body holding <script>) could not run
// even if the script ever put it in as HTML, which it does not.
#include <string>
#include <string_view>

#include "base/base64.h"
#include "base/sha256.h"
#include "control/answers.h"

namespace fakeaws::control {
namespace {

#include "control/ui_assets.inc"  // kUiHtml, kUiCss, kUiJs (generated)

std::string CspHash(std::string_view text) {
  const auto digest = base::Sha256Digest(text);
  return "'sha256-" + base::Base64Encode(std::string_view(reinterpret_cast<const char*>(digest.data()), digest.size())) +
         "'";
}

// The template with each marker replaced once.
std::string Fill(std::string_view html, std::string_view marker, std::string_view text) {
  std::string out(html);
  const size_t at = out.find(marker);
  if (at != std::string::npos) out.replace(at, marker.size(), text);
  return out;
}

struct Page {
  std::string html;
  std::string csp;
};

const Page& ThePage() {
  static const Page page = [] {
    Page p;
    p.html = Fill(Fill(kUiHtml, "@@UI_CSS@@", kUiCss), "@@UI_JS@@", kUiJs);
    p.csp = "default-src 'none'; script-src " + CspHash(kUiJs) + "; style-src " + CspHash(kUiCss) +
            "; connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    return p;
  }();
  return page;
}

}  // namespace

HttpResponse UiPage() {
  const Page& page = ThePage();
  HttpResponse r;
  r.body = page.html;
  r.headers.Add("Content-Type", "text/html; charset=utf-8");
  r.headers.Add("Content-Length", std::to_string(r.body.size()));
  r.headers.Add("Content-Security-Policy", page.csp);
  r.headers.Add("X-Content-Type-Options", "nosniff");
  r.headers.Add("Referrer-Policy", "no-referrer");
  r.headers.Add("Cache-Control", "no-store");
  return r;
}

}  // namespace fakeaws::control
