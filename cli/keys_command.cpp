// `vankien keys add|list|remove`: the API keys file of `vankien serve`.
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "options.hpp"
#include "server/keys.hpp"

namespace vankien::cli {

namespace {

struct KeysOptions {
  std::string file;
  std::string clearance = "public";
  std::string name;
};

int run_add(const KeysOptions& options) {
  const std::string key = server::add_key(options.file, clearance_of(options.clearance), options.name);
  std::cout << key << '\n';
  std::cerr << "vankien keys: key added to " << options.file << " with clearance "
            << access_name(clearance_of(options.clearance))
            << "; it is shown only now (the file keeps its hash): send it as 'Authorization: Bearer KEY'\n";
  return 0;
}

int run_list(const KeysOptions& options) {
  const server::KeyRing ring = server::KeyRing::load(options.file);
  for (const server::KeyEntry& entry : ring.entries()) {
    std::cout << access_name(entry.clearance) << '\t' << (entry.name.empty() ? "-" : entry.name) << "\tsha256:"
              << server::hex(entry.hash).substr(0, 12) << "…\n";
  }
  return 0;
}

int run_remove(const KeysOptions& options) {
  const std::size_t removed = server::remove_key(options.file, options.name);
  std::cerr << "vankien keys: " << removed << " key(s) named '" << options.name << "' removed\n";
  return removed > 0 ? 0 : 1;
}

}  // namespace

CommandRunner add_keys_command(CLI::App& app) {
  auto options = std::make_shared<KeysOptions>();
  CLI::App* command = app.add_subcommand("keys", "Manage the API keys of vankien serve");
  command->require_subcommand(1);
  CLI::App* add = command->add_subcommand("add", "Make a key, print it once, store its hash");
  CLI::App* list = command->add_subcommand("list", "List the keys' clearances and names");
  CLI::App* remove = command->add_subcommand("remove", "Remove the keys with this name");
  for (CLI::App* sub : {add, list, remove}) {
    sub->add_option("--keys", options->file, "The keys file")->required();
  }
  add_clearance_option(*add, options->clearance, "What the key may read: public, internal, confidential (mat), "
                                                 "secret, top_secret");
  add->add_option("--name", options->name, "A name to find the key by (who holds it)");
  remove->add_option("name", options->name, "The name given at add")->required();
  command->footer(
      "Examples:\n"
      "  vankien keys add --keys keys.txt --clearance mat --name phong-luu-tru\n"
      "  vankien serve --db archive.db --keys keys.txt\n"
      "  curl -H 'Authorization: Bearer vk_...' 'http://127.0.0.1:8080/search?q=ke+hoach'");
  return [options, add, list] {
    if (add->parsed()) return run_add(*options);
    if (list->parsed()) return run_list(*options);
    return run_remove(*options);
  };
}

}  // namespace vankien::cli
