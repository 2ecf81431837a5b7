// The HTTP API as functions of a request (server/api.hpp), its strict reading
// of request targets, and API keys. The server over real sockets is tested
// end to end in tests/cli/test_serve.py.
#include <doctest/doctest.h>

#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include "server/api.hpp"
#include "server/api_error.hpp"
#include "server/keys.hpp"
#include "server/query_string.hpp"
#include "support.hpp"
#include "vankien/indexer.hpp"
#include "vankien/text.hpp"

using vankien::Access;
using vankien::server::Api;
using vankien::server::ApiError;
using vankien::server::ApiRequest;
using vankien::server::KeyRing;

TEST_CASE("request targets decode strictly") {
  struct Case {
    std::string target, path;
    vankien::server::Parameters parameters;
  };
  const std::vector<Case> cases = {
      {"/search", "/search", {}},
      {"/search?q=nghi+quyet", "/search", {{"q", "nghi quyet"}}},
      {"/search?q=ngh%E1%BB%8B%20quy%E1%BA%BFt&limit=5", "/search", {{"q", "nghị quyết"}, {"limit", "5"}}},
      {"/search?q=a%2Bb%26c", "/search", {{"q", "a+b&c"}}},
      {"/search?q=&&limit=1&", "/search", {{"q", ""}, {"limit", "1"}}},
      {"/search?flag", "/search", {{"flag", ""}}},
      {"/documents/xml%2F2013-01", "/documents/xml/2013-01", {}},
      {"/documents/a+b", "/documents/a+b", {}},  // '+' is a space only in the query
  };
  for (const Case& c : cases) {
    CAPTURE(c.target);
    const vankien::server::Target target = vankien::server::parse_target(c.target);
    CHECK(target.path == c.path);
    CHECK(target.parameters == c.parameters);
  }
}

TEST_CASE("malformed escapes and bytes that are not UTF-8 are refused with their position") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"/search?q=%zz", "byte 0"},       {"/search?q=ab%4", "byte 2"},
      {"/search?q=%", "byte 0"},         {"/search?q=%FF", "not UTF-8"},
      {"/search?q=%C3%28", "not UTF-8"}, {"/search?q=%ED%A0%80", "not UTF-8"},  // a surrogate
      {"/documents/%C0%AF", "not UTF-8"},                                      // an overlong '/'
  };
  for (const auto& [target, message] : cases) {
    CAPTURE(target);
    try {
      vankien::server::parse_target(target);
      FAIL("accepted");
    } catch (const ApiError& error) {
      CHECK(error.status() == 400);
      CHECK(error.code() == "bad_query");
      CHECK(std::string(error.what()).find(message) != std::string::npos);
    }
  }
}

TEST_CASE("a key grants the clearance stored with its hash, and no other key does") {
  const vankien::test::TempDir dir;
  const auto file = dir / "keys";
  const std::string secret = vankien::server::add_key(file, Access::secret, "phong-luu-tru");
  const std::string internal = vankien::server::add_key(file, Access::internal, "");
  CHECK(secret.starts_with("vk_"));
  CHECK(secret.size() == 3 + 64);
  CHECK(secret != internal);
  const std::string text = vankien::test::read_file(file);
  CHECK(text.find(secret) == std::string::npos);  // only hashes are stored
  CHECK(text.find(vankien::server::hex(vankien::server::hash_key(secret))) != std::string::npos);
  CHECK((std::filesystem::status(file).permissions() & std::filesystem::perms::others_read) ==
        std::filesystem::perms::none);

  const KeyRing ring = KeyRing::load(file);
  REQUIRE(ring.entries().size() == 2);
  CHECK(ring.entries()[0].name == "phong-luu-tru");
  CHECK(ring.clearance_of(secret) == Access::secret);
  CHECK(ring.clearance_of(internal) == Access::internal);
  for (const std::string& wrong : {std::string(), secret.substr(0, 66), secret + "0", std::string("vk_") + "x"}) {
    CHECK_FALSE(ring.clearance_of(wrong).has_value());
  }

  CHECK(vankien::server::remove_key(file, "phong-luu-tru") == 1);
  CHECK_FALSE(KeyRing::load(file).clearance_of(secret).has_value());
  CHECK(KeyRing::load(file).clearance_of(internal) == Access::internal);
  CHECK(vankien::server::remove_key(file, "phong-luu-tru") == 0);
}

TEST_CASE("a keys file with a bad line is refused, naming the file and line") {
  const vankien::test::TempDir dir;
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"sha256:abc confidential\n", ":1: expected sha256:"},
      {"# comment\n\nsha256:" + std::string(64, 'a') + " bogus\n", ":3: unknown clearance 'bogus'"},
      {"md5:" + std::string(64, 'a') + " public\n", ":1: expected sha256:"},
      {"sha256:" + std::string(63, 'a') + "g public\n", ":1: expected sha256:"},
  };
  for (const auto& [content, message] : cases) {
    CAPTURE(content);
    vankien::test::write_file(dir / "keys", content);
    try {
      KeyRing::load(dir / "keys");
      FAIL("accepted");
    } catch (const vankien::Error& error) {
      CHECK(std::string(error.what()).find(message) != std::string::npos);
    }
  }
  CHECK_THROWS_AS(KeyRing::load(dir / "missing"), vankien::Error);
}

namespace {

struct Level {
  Access access;
  std::string id, word;
};

const std::vector<Level> levels = {
    {Access::public_, "cong-khai", "đồng"}, {Access::internal, "noi-bo", "ruộng"}, {Access::confidential, "mat", "thuyền"},
    {Access::secret, "toi-mat", "biển"},    {Access::top_secret, "tuyet-mat", "núi"},
};

std::filesystem::path database() {
  static const vankien::test::TempDir dir;
  static const bool built = [] {
    vankien::Indexer indexer(dir / "db");
    for (const Level& level : levels) {
      vankien::Document document;
      document.id = level.id;
      document.title = "Phương án " + level.word;
      document.body = "Huyện ủy Bạch Thông bàn phương án " + level.word + " và phương án chung.";
      document.district = level.access == Access::public_ ? "Bạch Thông" : "Chợ Mới";
      document.province = "Bắc Kạn";
      document.date = "2020-0" + std::to_string(1 + static_cast<int>(level.access)) + "-15";
      document.access = level.access;
      indexer.add(document);
    }
    indexer.commit();
    return true;
  }();
  (void)built;
  return dir / "db";
}

// An Api over the five-level database, with one key per level.
struct Fixture {
  vankien::test::TempDir dir;
  vankien::Searcher searcher{{database()}};
  std::vector<std::string> keys;
  std::shared_ptr<const KeyRing> ring;
  Api api{searcher, [this] { return ring; }};

  Fixture() {
    for (const Level& level : levels) keys.push_back(vankien::server::add_key(dir / "keys", level.access, level.id));
    ring = std::make_shared<KeyRing>(KeyRing::load(dir / "keys"));
  }

  vankien::server::ApiResponse get(const std::string& target, const std::string& key = "") const {
    return api.handle({"GET", target, key.empty() ? "" : "Bearer " + key});
  }
};

std::string dumped(const nlohmann::json& json) { return json.dump(); }

}  // namespace

TEST_CASE("no endpoint shows a caller a document above its clearance") {
  const Fixture f;
  for (std::size_t caller = 0; caller <= levels.size(); ++caller) {
    // caller == levels.size(): no key at all, a public caller.
    const std::string key = caller < levels.size() ? f.keys[caller] : "";
    const Access clearance = caller < levels.size() ? levels[caller].access : Access::public_;
    CAPTURE(static_cast<int>(clearance));
    std::size_t allowed = 0;
    for (const Level& level : levels) allowed += level.access <= clearance;

    const auto search = f.get("/search?q=phuong+an&limit=100&facets=all", key);
    REQUIRE(search.status == 200);
    CHECK(search.body["hits"].size() == allowed);
    CHECK(search.body["total"] == allowed);
    CHECK(search.body["total_upper"] == allowed);
    CHECK(search.body["facets"]["province"][0]["count"] == allowed);
    const auto stats = f.get("/stats", key);
    REQUIRE(stats.status == 200);
    CHECK(stats.body["documents"] == allowed);
    // The whole dictionary's and files' sizes only to a caller who sees every document.
    const bool sees_all = clearance == Access::top_secret;
    CHECK((stats.body["terms"].get<std::size_t>() > 0) == sees_all);
    CHECK((stats.body["bytes_on_disk"].get<std::size_t>() > 0) == sees_all);
    for (const Level& level : levels) {
      CAPTURE(level.id);
      const bool visible = level.access <= clearance;
      const auto document = f.get("/documents/" + level.id, key);
      CHECK(document.status == (visible ? 200 : 404));
      if (visible) CHECK(document.body["body"].get<std::string>().find(level.word) != std::string::npos);
      CHECK((dumped(search.body).find(level.word) != std::string::npos) == visible);
      CHECK((dumped(stats.body).find("Chợ Mới") != std::string::npos) == (clearance > Access::public_));
      // The accent table must not restore a word only a hidden document has.
      const auto suggest = f.get("/suggest?q=" + vankien::fold(level.word), key);
      REQUIRE(suggest.status == 200);
      CHECK((suggest.body["suggestion"].get<std::string>().find(level.word) != std::string::npos) == visible);
    }
  }
}

TEST_CASE("a filter's hints never name a value only hidden documents have, nor tell it apart") {
  const Fixture f;
  const std::string top = f.keys.back();
  // Chợ Mới is the district of every document above public.
  const std::vector<std::string> targets = {"/search?q=phuong+an&district=Cho+Moj",
                                            "/search?q=phuong+an+huy%E1%BB%87n:%22Cho+Moj%22"};
  for (const std::string& target : targets) {
    CAPTURE(target);
    const auto hidden = f.get(target);
    REQUIRE(hidden.status == 200);
    CHECK(dumped(hidden.body["warnings"]).find("no district named") != std::string::npos);
    CHECK(dumped(hidden.body["warnings"]).find("Chợ Mới") == std::string::npos);
    const auto cleared = f.get(target, top);
    CHECK(dumped(cleared.body["warnings"]).find("did you mean 'Chợ Mới") != std::string::npos);
  }
  const auto exists_but_hidden = f.get("/search?q=phuong+an&district=Cho+Moi");
  const auto exists_nowhere = f.get("/search?q=phuong+an&district=Cho+Moo");
  CHECK(exists_but_hidden.body["total"] == 0);
  CHECK(dumped(exists_but_hidden.body["warnings"]).find("no district named 'Cho Moi'") != std::string::npos);
  CHECK(dumped(exists_nowhere.body["warnings"]).find("no district named 'Cho Moo'") != std::string::npos);
  CHECK(f.get("/search?q=phuong+an&district=Cho+Moi", top).body["warnings"].empty());
}

TEST_CASE("the Bearer scheme is read in any case, with spaces around the key") {
  const Fixture f;
  const std::string key = f.keys.back();
  for (const std::string& header : {"Bearer " + key, "bearer " + key, "BEARER  " + key + " "}) {
    CAPTURE(header);
    const auto response = f.api.handle({"GET", "/documents/tuyet-mat", header});
    CHECK(response.status == 200);
  }
  for (const std::string& header : {std::string("Bearer"), std::string("Bearer "), "Bearerx " + key, key}) {
    CAPTURE(header);
    CHECK(f.api.handle({"GET", "/documents/tuyet-mat", header}).status == 401);
  }
}

TEST_CASE("a hidden document and a missing one get the same answer") {
  const Fixture f;
  const auto hidden = f.get("/documents/tuyet-mat");
  const auto missing = f.get("/documents/khong-co");
  CHECK(hidden.status == 404);
  CHECK(hidden.body["error"]["code"] == missing.body["error"]["code"]);
  CHECK(hidden.body["error"]["message"].get<std::string>().find("tuyet-mat") != std::string::npos);
}

TEST_CASE("search parameters reach the search: filters, sort, paging, facets, snippets") {
  const Fixture f;
  const std::string top = f.keys.back();
  const auto by_date = f.get("/search?sort=-date&limit=2&offset=1", top);
  REQUIRE(by_date.status == 200);
  REQUIRE(by_date.body["hits"].size() == 2);
  CHECK(by_date.body["hits"][0]["id"] == "toi-mat");  // newest is tuyet-mat, skipped by offset 1
  CHECK(by_date.body["hits"][1]["id"] == "mat");
  CHECK(by_date.body["hits"][0]["rank"] == 2);
  CHECK(by_date.body["offset"] == 1);

  const auto district = f.get("/search?q=phuong+an&district=B%E1%BA%A1ch+Th%C3%B4ng&facets=district", top);
  REQUIRE(district.status == 200);
  CHECK(district.body["total"] == 1);
  CHECK(district.body["hits"][0]["id"] == "cong-khai");
  CHECK(district.body["facets"]["district"][0]["value"] == "Bạch Thông, Bắc Kạn");
  CHECK_FALSE(district.body["hits"][0].contains("source"));  // no paths of the indexing host

  const auto snippet = f.get("/search?q=thuyen&snippet=60", top);
  REQUIRE(snippet.status == 200);
  const auto& hit = snippet.body["hits"][0];
  CHECK(hit["snippet"]["html"].get<std::string>().find("<mark>thuyền</mark>") != std::string::npos);
  CHECK(hit["snippet"]["highlights"].size() == 1);
  CHECK(snippet.body["suggestion"] == "thuyền");

  const auto none = f.get("/search?q=phuong+an&snippet=0", top);
  CHECK(none.body["hits"][0]["snippet"]["text"] == "");
  CHECK(none.body["facets"].empty());
}

TEST_CASE("each malformed request gets its status and stable error code") {
  const Fixture f;
  struct Case {
    std::string method, target, authorization;
    int status;
    std::string code, message;
  };
  const std::vector<Case> cases = {
      {"GET", "/search?qq=a", "", 400, "bad_query", "unknown parameter 'qq'"},
      {"GET", "/search?q=a&q=b", "", 400, "bad_query", "'q' given twice"},
      {"GET", "/search?limit=abc", "", 400, "bad_query", "whole number"},
      {"GET", "/search?limit=-1", "", 400, "bad_query", "whole number"},
      {"GET", "/search?offset=1e3", "", 400, "bad_query", "whole number"},
      {"GET", "/search?limit=101", "", 400, "bad_query", "most allowed, 100"},
      {"GET", "/search?limit=99999999999999999999999", "", 400, "bad_query", "whole number"},
      {"GET", "/search?offset=9995&limit=10", "", 400, "bad_query", "reaches past"},
      {"GET", "/search?snippet=100000", "", 400, "bad_query", "snippet"},
      {"GET", "/search?sort=newest", "", 400, "bad_query", "sort must be"},
      {"GET", "/search?facets=district,colour", "", 400, "bad_query", "unknown facet 'colour'"},
      {"GET", "/search?from=2020-02-30", "", 400, "bad_query", ""},
      {"GET", "/search?q=%ZZ", "", 400, "bad_query", "percent escape"},
      {"GET", "/search?q=" + std::string(5000, 'a'), "", 400, "bad_query", "longer than the limit"},
      {"GET", "/suggest", "", 400, "bad_query", "needs q"},
      {"GET", "/stats?x=1", "", 400, "bad_query", "unknown parameter"},
      {"GET", "/nowhere", "", 404, "not_found", "no such endpoint"},
      {"GET", "/documents/", "", 404, "not_found", ""},
      {"POST", "/search", "", 405, "method_not_allowed", "GET only"},
      {"DELETE", "/documents/mat", "", 405, "method_not_allowed", "GET only"},
      {"GET", "/search", "Bearer vk_wrong", 401, "unauthorized", "unknown key"},
      {"GET", "/search", "Basic dXNlcjpwYXNz", 401, "unauthorized", "Bearer"},
      {"GET", "/stats", "Bearer ", 401, "unauthorized", "unknown key"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.method);
    CAPTURE(c.target.substr(0, 80));
    const auto response = f.api.handle({c.method, c.target, c.authorization});
    CHECK(response.status == c.status);
    CHECK(response.body["error"]["code"] == c.code);
    CHECK(response.body["error"]["message"].get<std::string>().find(c.message) != std::string::npos);
  }
}

TEST_CASE("/suggest gives the suggestion /search gives") {
  const Fixture f;
  for (const std::string q : {"phuong an thuyen", "huyen uy bach thong", "phuong an chung"}) {
    CAPTURE(q);
    const std::string encoded = std::regex_replace(q, std::regex(" "), "+");
    const auto suggest = f.get("/suggest?q=" + encoded, f.keys.back());
    const auto search = f.get("/search?q=" + encoded, f.keys.back());
    CHECK(suggest.body["suggestion"] == search.body["suggestion"]);
    CHECK(suggest.body["suggestion"] != "");
  }
}

TEST_CASE("health says ok over a readable database") {
  const Fixture f;
  const auto health = f.get("/health");
  CHECK(health.status == 200);
  CHECK(health.body["status"] == "ok");
  CHECK(health.body["missing_shards"].empty());
}
