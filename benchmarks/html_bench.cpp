// HTML extraction and indexing of pages against baselines in the same run:
// Gumbo's parse alone, and the same text read and indexed as JSON Lines.
//
//   html_bench CORPUS.jsonl WORKDIR [DOCUMENTS]
//
// Each article of CORPUS (VNTC: "title", "text") becomes a portal-like page:
// menus, a sidebar, related links, scripts, a comment form and a footer
// around the article, about the weight of real district portal pages.
#include <gumbo.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "vankien/indexer.hpp"
#include "vankien/reader.hpp"

namespace {

using Clock = std::chrono::steady_clock;

struct Article {
  std::string id, title, text;
};

std::string escaped(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '&') out += "&amp;";
    else out += c;
  }
  return out;
}

std::string page_of(const Article& article, std::size_t n) {
  std::string links;
  for (int i = 0; i < 10; ++i) {
    links += "<li><a href=\"/tin/" + std::to_string(n + i) + ".html\">Hội nghị triển khai nhiệm vụ công tác "
             "năm, số " + std::to_string(i) + "</a></li>";
  }
  std::string body;
  std::istringstream lines(article.text);
  for (std::string line; std::getline(lines, line);) {
    if (line.find_first_not_of(" \t\r") != std::string::npos) body += "<p>" + escaped(line) + "</p>\n";
  }
  return "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>" + escaped(article.title) +
         " - Cổng thông tin điện tử</title><meta property=\"og:title\" content=\"" + escaped(article.title) +
         "\"><meta property=\"article:published_time\" content=\"2020-05-12T08:15:00+07:00\">"
         "<link rel=\"stylesheet\" href=\"/style.css\"><script>var menu = {items: [1, 2, 3]};"
         "function open() { return menu; }</script><style>.menu { float: left } .sidebar { width: 30% }</style>"
         "</head><body><div id=\"header\"><div class=\"logo\">CỔNG THÔNG TIN ĐIỆN TỬ</div><ul class=\"main-menu\">"
         "<li><a href=\"/\">Trang chủ</a></li><li><a href=\"/gt\">Giới thiệu</a></li><li><a href=\"/tt\">Tin tức"
         "</a></li><li><a href=\"/vb\">Văn bản</a></li></ul></div><div class=\"container\"><div class=\"col-main\">"
         "<div class=\"breadcrumb\"><a href=\"/\">Trang chủ</a> / <a href=\"/tt\">Tin tức</a></div>"
         "<div class=\"news-detail\"><h1 class=\"title\">" + escaped(article.title) + "</h1>"
         "<div class=\"date\">Thứ Ba, 12/05/2020 - 08:15</div>" + body +
         "<div class=\"share-bar\"><a href=\"#\">Facebook</a> <a href=\"#\">Zalo</a></div></div>"
         "<div class=\"tin-lien-quan\"><h3>Tin liên quan</h3><ul>" + links + "</ul></div>"
         "<div class=\"comment-box\"><form><textarea></textarea><button>Gửi</button></form></div></div>"
         "<div class=\"sidebar\"><div class=\"widget\"><h3>Văn bản mới</h3><ul>" + links + "</ul></div></div></div>"
         "<div id=\"footer\">Bản quyền thuộc Cổng thông tin điện tử. Địa chỉ: số 1, đường Trần Hưng Đạo.</div>"
         "<script>track('page');</script></body></html>\n";
}

std::string read_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The best of `passes` timings of `run`, in seconds.
double best_of(int passes, const std::function<void()>& run) {
  double best = 1e300;
  for (int i = 0; i < passes; ++i) {
    const auto start = Clock::now();
    run();
    best = std::min(best, std::chrono::duration<double>(Clock::now() - start).count());
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: html_bench CORPUS.jsonl WORKDIR [DOCUMENTS]\n";
    return 2;
  }
  const std::filesystem::path workdir = argv[2];
  const std::size_t limit = argc > 3 ? std::stoul(argv[3]) : 2000;
  std::vector<Article> articles;
  std::ifstream in(argv[1]);
  for (std::string line; articles.size() < limit && std::getline(in, line);) {
    const auto json = nlohmann::json::parse(line, nullptr, false);
    if (!json.is_object()) continue;
    std::string text = json.value("text", json.value("body", ""));
    std::string title = json.value("title", "");
    if (title.empty()) title = text.substr(0, text.find('\n'));
    articles.push_back({"a" + std::to_string(articles.size()), std::move(title), std::move(text)});
  }
  std::filesystem::remove_all(workdir);
  std::filesystem::create_directories(workdir / "pages");
  std::vector<std::string> pages;
  std::size_t page_bytes = 0, text_bytes = 0;
  {
    std::ofstream jsonl(workdir / "same.jsonl");
    for (std::size_t i = 0; i < articles.size(); ++i) {
      pages.push_back(page_of(articles[i], i));
      page_bytes += pages.back().size();
      text_bytes += articles[i].text.size();
      std::ofstream(workdir / "pages" / (articles[i].id + ".html")) << pages.back();
      jsonl << nlohmann::json{{"id", "pages/" + articles[i].id + ".html"}, {"title", articles[i].title},
                              {"date", "2020-05-12"}, {"body", articles[i].text}}.dump() << '\n';
    }
  }
  const std::string jsonl_text = read_all(workdir / "same.jsonl");

  std::size_t read_count = 0;
  const auto count = [&](vankien::Document&&) { ++read_count; };
  const auto ignore = [](vankien::Problem&&) {};
  vankien::ReadOptions html_options;
  html_options.format = vankien::Format::html;
  vankien::ReadOptions jsonl_options;
  jsonl_options.format = vankien::Format::jsonl;

  // Extraction: passes alternate between the three, the best of each counts.
  double gumbo = 1e300, extraction = 1e300, jsonl = 1e300;
  for (int pass = 0; pass < 3; ++pass) {
    gumbo = std::min(gumbo, best_of(1, [&] {
      for (const std::string& page : pages) {
        GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, page.data(), page.size());
        gumbo_destroy_output(&kGumboDefaultOptions, output);
      }
    }));
    extraction = std::min(extraction, best_of(1, [&] {
      for (const std::string& page : pages) vankien::read_documents(page, "p.html", html_options, count, ignore);
    }));
    jsonl = std::min(jsonl, best_of(1, [&] { vankien::read_documents(jsonl_text, "s.jsonl", jsonl_options, count, ignore); }));
  }

  // Indexing: the folder of pages against the JSON Lines file of the same text.
  double index_html = 1e300, index_jsonl = 1e300;
  for (int pass = 0; pass < 2; ++pass) {
    index_jsonl = std::min(index_jsonl, best_of(1, [&] {
      std::filesystem::remove_all(workdir / "jsonl.db");
      vankien::Indexer indexer(workdir / "jsonl.db");
      indexer.add_files({workdir / "same.jsonl"});
    }));
    index_html = std::min(index_html, best_of(1, [&] {
      std::filesystem::remove_all(workdir / "html.db");
      vankien::Indexer indexer(workdir / "html.db");
      indexer.add_files({workdir / "pages"});
    }));
  }

  const double n = static_cast<double>(articles.size());
  const double page_mb = static_cast<double>(page_bytes) / 1e6, text_mb = static_cast<double>(text_bytes) / 1e6;
  std::printf("%zu pages, %.1f MB of HTML holding %.1f MB of article text\n", articles.size(), page_mb, text_mb);
  std::printf("%-44s %10s %10s %8s\n", "reading", "pages/s", "HTML MB/s", "ratio");
  std::printf("%-44s %10.0f %10.1f %8.2f\n", "Gumbo parse alone (baseline)", n / gumbo, page_mb / gumbo, 1.0);
  std::printf("%-44s %10.0f %10.1f %8.2f\n", "vankien HTML reader (parse, content, metadata)", n / extraction,
              page_mb / extraction, gumbo / extraction);
  std::printf("%-44s %10.0f %10s %8.2f\n", "vankien JSON Lines reader, the same text", n / jsonl, "-", gumbo / jsonl);
  std::printf("%-44s %10s %10s %8s\n", "indexing", "docs/s", "", "cost");
  std::printf("%-44s %10.0f %10s %8.2f\n", "JSON Lines file (baseline)", n / index_jsonl, "", 1.0);
  std::printf("%-44s %10.0f %10s %8.2f\n", "folder of HTML pages", n / index_html, "", index_html / index_jsonl);
  return 0;
}
