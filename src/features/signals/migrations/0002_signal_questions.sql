-- Extra questions per category (Open311 service attributes: questions.h) and
-- the answers given with a signal, as a snapshot of the question and the
-- answer in words so later edits of a question do not change old signals.
CREATE TABLE signal_questions (
  id {{id}},
  category_id {{bigint}} NOT NULL REFERENCES signal_categories(id),
  code TEXT NOT NULL,
  kind TEXT NOT NULL,
  required INTEGER NOT NULL DEFAULT 0,
  question_text TEXT NOT NULL,
  question_text_en TEXT NOT NULL DEFAULT '',
  position INTEGER NOT NULL DEFAULT 0,
  choices TEXT NOT NULL DEFAULT '[]',
  active INTEGER NOT NULL DEFAULT 1,
  UNIQUE (category_id, code)
);

CREATE TABLE signal_answers (
  signal_id {{bigint}} NOT NULL REFERENCES signals(id),
  position INTEGER NOT NULL,
  code TEXT NOT NULL,
  question_text TEXT NOT NULL,
  answer_value TEXT NOT NULL,
  answer_text TEXT NOT NULL,
  PRIMARY KEY (signal_id, position)
);
