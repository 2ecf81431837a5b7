#pragma once
// The topic taxonomy (data/topics.tsv): weighted keyword phrases per topic,
// matched on normalised words, so tone styles and Unicode forms all count.

#include <filesystem>
#include <string>
#include <unordered_map>
#include <vector>

#include "metadata/analyzed_text.hpp"

namespace vankien::metadata {

class Topics {
 public:
  explicit Topics(const std::filesystem::path& file);

  /// Labels of every topic whose score reaches the threshold, best first.
  /// `text` is the whole text (title and lead included); the title's and the
  /// lead's keywords count again, as they say what the text is about.
  std::vector<std::string> classify(const AnalyzedText& text, const AnalyzedText& title,
                                    const AnalyzedText& lead) const;

  /// The label for a key or a label typed by a user ("xay_dung_dang",
  /// "Xây dựng Đảng, tổ chức cán bộ"); empty when unknown.
  std::string label_for(const std::string& key_or_label) const;

 private:
  struct Keyword {
    std::vector<std::string> words;
    std::size_t topic;
    int weight;
  };
  void add_scores(const AnalyzedText& text, int times, std::vector<int>& scores) const;

  std::vector<std::string> keys_, labels_;
  std::unordered_multimap<std::string, Keyword> by_first_word_;  // folded first word
};

}  // namespace vankien::metadata
