// QuestionStore: the SQL of the extra questions per category and of the
// answers stored with a signal (questions.h), on the caller's connection.
#pragma once

#include <cstdint>
#include <vector>

#include "core/db/database.h"
#include "core/result.h"
#include "features/signals/questions.h"

namespace wp::signals {

class QuestionStore {
 public:
  // The questions of a category (inactive ones too), in position order.
  static Result<std::vector<Question>> OfCategory(db::Connection& c, int64_t category_id);
  // Every question of every category, in position order (Open311 service list).
  static Result<std::vector<Question>> All(db::Connection& c);
  // Errors: kConflict when the code is taken in the category.
  static Result<int64_t> Insert(db::Connection& c, const Question& q);
  static Result<void> Update(db::Connection& c, const Question& q);

  static Result<void> InsertAnswers(db::Connection& c, int64_t signal_id, const std::vector<StoredAnswer>& answers);
  static Result<std::vector<StoredAnswer>> AnswersOf(db::Connection& c, int64_t signal_id);
};

}  // namespace wp::signals
