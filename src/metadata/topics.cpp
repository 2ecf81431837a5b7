#include "metadata/topics.hpp"

#include <algorithm>
#include <charconv>

#include "metadata/data_files.hpp"
#include "vankien/error.hpp"
#include "vankien/schema.hpp"
#include "vankien/text.hpp"

namespace vankien::metadata {

namespace {

// A topic needs this score, and half the best topic's score, so a long text
// does not collect every topic it touches in passing. Chosen on the labelled
// district posts (benchmarks/README.md, "Metadata"): a quarter of the best
// collected the congress topic for every post that names a congress.
constexpr int score_threshold = 4;
constexpr std::size_t max_topics = 3;
// A keyword in the title counts this many times more than in the body, one in the lead this many.
constexpr int extra_title_weight = 2;
constexpr int extra_lead_weight = 1;

}  // namespace

Topics::Topics(const std::filesystem::path& file) {
  for (const Row& row : read_tsv(file)) {
    require_fields(file, row, 3);
    const std::size_t topic = keys_.size();
    keys_.push_back(row.fields[0]);
    labels_.push_back(row.fields[1]);
    for (const std::string& entry : split(row.fields[2], ';')) {
      const std::size_t equals = entry.rfind('=');
      int weight = 0;
      const char* end = entry.data() + entry.size();
      if (equals == std::string::npos ||
          std::from_chars(entry.data() + equals + 1, end, weight).ptr != end || weight <= 0) {
        throw Error(file.string() + ":" + std::to_string(row.line) + ": keyword '" + entry +
                    "' needs a positive weight, as in 'cán bộ=1'");
      }
      Keyword keyword{phrase_words(entry.substr(0, equals)), topic, weight};
      if (keyword.words.empty()) continue;
      // Keyed by the first word without marks, so that a text typed without
      // diacritics finds its keywords too (AnalyzedText::matches).
      const std::string first = fold(keyword.words.front());
      by_first_word_.emplace(first, std::move(keyword));
    }
  }
}

void Topics::add_scores(const AnalyzedText& text, int times, std::vector<int>& scores) const {
  const auto& words = text.words();
  for (std::size_t i = 0; i < words.size(); ++i) {
    const auto [first, last] = by_first_word_.equal_range(words[i].folded);
    for (auto it = first; it != last; ++it) {
      if (text.matches(i, it->second.words)) scores[it->second.topic] += times * it->second.weight;
    }
  }
}

std::vector<std::string> Topics::classify(const AnalyzedText& text, const AnalyzedText& title,
                                          const AnalyzedText& lead) const {
  std::vector<int> scores(keys_.size(), 0);
  add_scores(text, 1, scores);
  add_scores(title, extra_title_weight, scores);
  add_scores(lead, extra_lead_weight, scores);
  const int best = scores.empty() ? 0 : *std::max_element(scores.begin(), scores.end());
  std::vector<std::size_t> order;
  for (std::size_t topic = 0; topic < scores.size(); ++topic) {
    if (scores[topic] >= score_threshold && scores[topic] * 2 >= best) order.push_back(topic);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return scores[a] > scores[b]; });
  if (order.size() > max_topics) order.resize(max_topics);
  std::vector<std::string> out;
  for (std::size_t topic : order) out.push_back(labels_[topic]);
  return out;
}

std::string Topics::label_for(const std::string& key_or_label) const {
  const std::string key = schema::facet_key(key_or_label);
  for (std::size_t topic = 0; topic < keys_.size(); ++topic) {
    if (key == keys_[topic] || key == schema::facet_key(labels_[topic])) return labels_[topic];
  }
  return {};
}

}  // namespace vankien::metadata
