// Metadata of real documents from ../shared/data; skipped when absent.
#include <doctest/doctest.h>

#include <vector>

#include "support.hpp"
#include "vankien/metadata.hpp"
#include "vankien/reader.hpp"

using vankien::Document;

namespace {

Document completed(const std::filesystem::path& path) {
  std::vector<Document> documents;
  vankien::read_file(path, {}, [&](Document&& d) { documents.push_back(std::move(d)); },
                     [](vankien::Problem&& p) { FAIL(p.to_string()); });
  REQUIRE(documents.size() == 1);
  static const vankien::MetadataExtractor extractor(vankien::test::data_dir());
  extractor.complete(documents[0]);
  return documents[0];
}

}  // namespace

TEST_CASE("real data: the seed article") {
  const auto data = vankien::test::shared_data("seed article metadata");
  if (!data) return;
  const Document d = completed(*data / "seed" / "bach-thong-doi-moi-phuong-thuc-lanh-dao.txt");
  CHECK(d.title == "ĐỔI MỚI PHƯƠNG THỨC LÃNH ĐẠO");
  CHECK(d.district == "Bạch Thông");
  CHECK(d.province == "Bắc Kạn");
  CHECK(d.term == "2015-2020");
  CHECK_FALSE(d.term_inferred);
  CHECK(d.author == "Hoàng Sim");
  CHECK(d.type == "Bài viết");
  REQUIRE(!d.topics.empty());
  CHECK(d.topics.front() == "Xây dựng Đảng, tổ chức cán bộ");
}

TEST_CASE("real data: resolution 60-NQ/TW") {
  const auto data = vankien::test::shared_data("60-NQ/TW metadata");
  if (!data) return;
  const Document d = completed(*data / "resolutions" / "60-NQ_TW.md");
  CHECK(d.type == "Nghị quyết");
  CHECK(d.number == "60-NQ/TW");
  CHECK(d.numbering == "party");
  CHECK(d.issuer == "Ban Chấp hành Trung ương");
  CHECK(d.date == "2025-04-12");
  CHECK(d.term == "2021-2026");
  CHECK(d.district.empty());
}

TEST_CASE("real data: State resolution 1654/NQ-UBTVQH15") {
  const auto data = vankien::test::shared_data("1654/NQ-UBTVQH15 metadata");
  if (!data) return;
  const Document d = completed(*data / "resolutions" / "1654_NQ-UBTVQH15.md");
  CHECK(d.number == "1654/NQ-UBTVQH15");
  CHECK(d.numbering == "state");
  CHECK(d.type == "Nghị quyết");
  CHECK(d.issuer == "Ủy ban Thường vụ Quốc hội");
  CHECK(d.date == "2025-06-16");
  CHECK(d.term.empty());  // congress terms are the Party's
}
