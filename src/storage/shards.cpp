#include "storage/shards.hpp"

#include <charconv>
#include <fstream>
#include <sstream>

#include "storage/database.hpp"
#include "vankien/error.hpp"
#include "vankien/schema.hpp"

namespace vankien::storage {

namespace {

constexpr std::string_view tcp_scheme = "tcp://";
constexpr std::uintmax_t max_stub_bytes = 1 << 20;

// "host:port", "[::1]:port" -> a tcp shard; throws Error naming `where`.
ShardLocation tcp_shard(std::string_view address, const std::string& where) {
  const std::size_t colon = address.rfind(':');
  unsigned port = 0;
  const char* end = address.data() + address.size();
  if (colon == std::string_view::npos || colon == 0 ||
      std::from_chars(address.data() + colon + 1, end, port).ptr != end || port == 0 || port > 65535) {
    throw Error(where + ": '" + std::string(address) + "' is not HOST:PORT");
  }
  std::string_view host = address.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  ShardLocation shard;
  shard.kind = ShardLocation::Kind::tcp;
  shard.host = std::string(host);
  shard.port = port;
  shard.name = std::string(tcp_scheme) + std::string(address);
  return shard;
}

ShardLocation local_shard(const std::filesystem::path& path) {
  ShardLocation shard;
  shard.path = path;
  shard.name = path.string();
  return shard;
}

// A stub file is text whose first word is one Xapian's stubs use; a
// database (a folder, or a single-file database) is not.
bool is_stub(const std::filesystem::path& path) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) return false;
  std::ifstream in(path);
  std::string word;
  in >> word;
  return word == "auto" || word == "remote" || word == "glass" || word == "chert" || word == "inmemory" ||
         (!word.empty() && word[0] == '#');
}

// Stubs may name stubs (a stub naming the one `vankien index --shards`
// wrote): each is read here, so that every shard is known, with whether it
// is remote, rather than opened by Xapian as one database of several.
constexpr int max_stub_depth = 8;

std::vector<ShardLocation> stub_shards(const std::filesystem::path& stub, int depth) {
  if (depth > max_stub_depth) {
    throw Error(stub.string() + ": stubs naming stubs more than " + std::to_string(max_stub_depth) +
                " deep (does one name itself?)");
  }
  std::error_code error;
  if (std::filesystem::file_size(stub, error) > max_stub_bytes) {
    throw Error(stub.string() + ": a stub file of more than 1 MiB");
  }
  std::ifstream in(stub);
  std::vector<ShardLocation> shards;
  std::string line;
  for (std::size_t number = 1; std::getline(in, line); ++number) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.pop_back();
    const std::string where = stub.string() + ":" + std::to_string(number);
    std::istringstream words(line);
    std::string kind, target;
    words >> kind;
    if (kind.empty() || kind[0] == '#') continue;
    std::getline(words >> std::ws, target);
    if (target.empty()) throw Error(where + ": '" + kind + "' names no database");
    if (kind == "auto" || kind == "glass" || kind == "chert") {
      const std::filesystem::path named(target);
      const std::filesystem::path path = named.is_absolute() ? named : stub.parent_path() / named;
      if (kind == "auto" && is_stub(path)) {
        for (ShardLocation& shard : stub_shards(path, depth + 1)) shards.push_back(std::move(shard));
      } else {
        shards.push_back(local_shard(path));
      }
    } else if (kind == "remote" && target[0] == ':') {
      ShardLocation shard;
      shard.kind = ShardLocation::Kind::program;
      const std::size_t space = target.find(' ');
      shard.program = target.substr(1, space == std::string::npos ? std::string::npos : space - 1);
      shard.args = space == std::string::npos ? std::string() : target.substr(space + 1);
      shard.name = "remote " + target;
      shards.push_back(std::move(shard));
    } else if (kind == "remote") {
      shards.push_back(tcp_shard(target, where));
    } else {
      throw Error(where + ": '" + kind + "' is not a shard this stub may name (auto, glass, remote)");
    }
  }
  if (shards.empty()) throw Error(stub.string() + ": a stub file naming no database");
  return shards;
}

}  // namespace

std::vector<ShardLocation> shard_locations(const std::string& location) {
  if (location.rfind(tcp_scheme, 0) == 0) {
    return {tcp_shard(std::string_view(location).substr(tcp_scheme.size()), location)};
  }
  if (is_stub(location)) return stub_shards(location, 1);
  return {local_shard(location)};
}

Xapian::Database open_shard(const ShardLocation& shard, const RemoteTimeouts& timeouts) {
  if (shard.kind == ShardLocation::Kind::local) return open_readable(shard.path);
  Xapian::Database db = shard.kind == ShardLocation::Kind::tcp
                            ? Xapian::Remote::open(shard.host, shard.port, timeouts.reply_ms, timeouts.connect_ms)
                            : Xapian::Remote::open(shard.program, shard.args, timeouts.reply_ms);
  check_readable_format(shard.name, db.get_metadata(std::string(schema::format_key)));
  return db;
}

}  // namespace vankien::storage
