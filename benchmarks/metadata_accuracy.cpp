// Metadata extraction measured against hand labels: per-field accuracy on
// the labelled district posts (tests/data/district_posts), each split apart.
//
//   metadata_accuracy [--posts DIR] [--no-site] [--mismatches] [--check]
//
// The posts are read as `vankien index` reads them, with the site's own unit
// (Đắk Song, Đắk Nông) as a folder's vankien.toml would give it, unless
// --no-site. --check exits 1 when a field of the held-out split misses its
// goal (district, date and term 0.95, numbers F1 0.90, topics F1 0.70).
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "vankien/metadata.hpp"
#include "vankien/reader.hpp"
#include "vankien/text.hpp"

namespace {

struct Expected {
  std::string district, province, date, term, type, number;
  std::vector<std::string> cited, topics;
};

// Counts for one split: exact matches per field, and true/false positives
// and false negatives for the set-valued ones.
struct Tally {
  std::size_t posts = 0;
  std::map<std::string, std::size_t> right;
  struct Sets {
    std::size_t true_positive = 0, false_positive = 0, false_negative = 0;
    double f1() const {
      const auto denominator = static_cast<double>(2 * true_positive + false_positive + false_negative);
      return denominator == 0 ? 1.0 : static_cast<double>(2 * true_positive) / denominator;
    }
  } numbers, topics;
};

void count_sets(const std::set<std::string>& found, const std::set<std::string>& expected, Tally::Sets& sets) {
  for (const std::string& value : found) (expected.count(value) ? sets.true_positive : sets.false_positive)++;
  for (const std::string& value : expected) {
    if (!found.count(value)) ++sets.false_negative;
  }
}

std::set<std::string> folded_numbers(const std::string& own, const std::vector<std::string>& cited) {
  std::set<std::string> out;
  if (!own.empty()) out.insert(vankien::fold(own));
  for (const std::string& number : cited) out.insert(vankien::fold(number));
  return out;
}

std::string joined(const std::set<std::string>& values) {
  std::string out;
  for (const std::string& value : values) out.append(out.empty() ? "" : ", ").append(value);
  return out;
}

std::string split_of(const std::string& id) { return id.substr(0, id.find('-')); }

// Topic labels by key, from the taxonomy the extractor reads (key, label, keywords).
std::map<std::string, std::string> topic_keys_by_label(const std::filesystem::path& file) {
  std::map<std::string, std::string> keys;
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const std::size_t tab = line.find('\t'), next = line.find('\t', tab + 1);
    if (tab == std::string::npos || next == std::string::npos) continue;
    keys[line.substr(tab + 1, next - tab - 1)] = line.substr(0, tab);
  }
  return keys;
}

}  // namespace

int main(int argc, char** argv) {
  std::filesystem::path dir = std::filesystem::path(VANKIEN_SOURCE_DIR) / "tests/data/district_posts";
  bool site = true, mismatches = false, check = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--posts" && i + 1 < argc) {
      dir = argv[++i];
    } else if (arg == "--no-site") {
      site = false;
    } else if (arg == "--mismatches") {
      mismatches = true;
    } else if (arg == "--check") {
      check = true;
    } else {
      std::cerr << "usage: metadata_accuracy [--posts DIR] [--no-site] [--mismatches] [--check]\n";
      return 2;
    }
  }

  std::map<std::string, Expected> expected;
  {
    std::ifstream in(dir / "expected.jsonl");
    std::string line;
    while (std::getline(in, line)) {
      const auto json = nlohmann::json::parse(line);
      Expected e{json["district"], json["province"], json["date"], json["term"], json["type"], json["number"],
                 json["cited_numbers"].get<std::vector<std::string>>(), json["topics"].get<std::vector<std::string>>()};
      expected.emplace(json["id"].get<std::string>(), std::move(e));
    }
  }
  if (expected.empty()) {
    std::cerr << "metadata_accuracy: no labels in " << (dir / "expected.jsonl").string() << "\n";
    return 2;
  }

  const vankien::MetadataExtractor extractor;
  const auto topic_keys = topic_keys_by_label(vankien::default_data_dir() / "topics.tsv");
  vankien::ReadOptions options;
  if (site) {
    options.default_district = "Đắk Song";
    options.default_province = "Đắk Nông";
  }
  std::map<std::string, Tally> tallies;  // by split, and "all"
  int failures = 0;
  vankien::read_file(
      dir / "posts.jsonl", options,
      [&](vankien::Document&& doc) {
        const auto label = expected.find(doc.id);
        if (label == expected.end()) return;
        const Expected& e = label->second;
        try {
          extractor.complete(doc);
        } catch (const std::exception& error) {
          std::cerr << doc.id << ": " << error.what() << "\n";
          ++failures;
          return;
        }
        std::vector<std::string> found_keys;
        for (const std::string& topic : doc.topics) {
          const auto key = topic_keys.find(topic);
          found_keys.push_back(key == topic_keys.end() ? topic : key->second);
        }
        const std::set<std::string> expected_topics(e.topics.begin(), e.topics.end());
        const std::set<std::string> found_topics(found_keys.begin(), found_keys.end());
        const std::set<std::string> found_numbers = folded_numbers(doc.number, doc.cited_numbers);
        const std::set<std::string> expected_numbers = folded_numbers(e.number, e.cited);
        const std::map<std::string, std::pair<std::string, std::string>> fields = {
            {"district", {doc.district + " / " + doc.province, e.district + " / " + e.province}},
            {"date", {doc.date, e.date}},
            {"term", {doc.term, e.term}},
            {"type", {doc.type, e.type}},
        };
        for (const std::string& split : {split_of(doc.id), std::string("all")}) {
          Tally& tally = tallies[split];
          ++tally.posts;
          for (const auto& [field, values] : fields) tally.right[field] += values.first == values.second;
          count_sets(found_numbers, expected_numbers, tally.numbers);
          count_sets(found_topics, expected_topics, tally.topics);
          tally.right["first topic"] += !found_keys.empty() && !e.topics.empty() && found_keys.front() == e.topics.front();
        }
        if (!mismatches) return;
        for (const auto& [field, values] : fields) {
          if (values.first != values.second) {
            std::cout << doc.id << "\t" << field << "\tgot '" << values.first << "'\twant '" << values.second << "'\n";
          }
        }
        if (found_numbers != expected_numbers) {
          std::cout << doc.id << "\tnumbers\tgot [" << joined(found_numbers) << "]\twant [" << joined(expected_numbers)
                    << "]\n";
        }
        if (found_topics != expected_topics) {
          std::cout << doc.id << "\ttopics\tgot [" << joined(found_topics) << "]\twant [" << joined(expected_topics)
                    << "]\n";
        }
      },
      [&](vankien::Problem&& problem) {
        std::cerr << problem.to_string() << "\n";
        ++failures;
      });

  std::printf("%-10s %6s %9s %6s %6s %6s %11s %10s %12s\n", "split", "posts", "district", "date", "term", "type",
              "numbers F1", "topics F1", "first topic");
  bool goals_met = true;
  for (const auto& [split, tally] : tallies) {
    const auto share = [&](const char* field) {
      const auto found = tally.right.find(field);
      return tally.posts == 0 || found == tally.right.end() ? 0.0 : static_cast<double>(found->second) / static_cast<double>(tally.posts);
    };
    std::printf("%-10s %6zu %9.3f %6.3f %6.3f %6.3f %11.3f %10.3f %12.3f\n", split.c_str(), tally.posts,
                share("district"), share("date"), share("term"), share("type"), tally.numbers.f1(),
                tally.topics.f1(), share("first topic"));
    if (split == "held") {
      goals_met = share("district") >= 0.95 && share("date") >= 0.95 && share("term") >= 0.95 &&
                  tally.numbers.f1() >= 0.90 && tally.topics.f1() >= 0.70;
    }
  }
  if (failures > 0) return 1;
  if (check && !goals_met) {
    std::cerr << "metadata_accuracy: the held-out split misses a goal (district, date, term 0.95; numbers F1 "
                 "0.90; topics F1 0.70)\n";
    return 1;
  }
  return 0;
}
