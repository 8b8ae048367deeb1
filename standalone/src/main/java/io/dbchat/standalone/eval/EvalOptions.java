package io.dbchat.standalone.eval;

import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code dbchat eval --questions FILE [--datasource URL|demo] [--translator offline|openai|...] [--model NAME]
 * [--report FILE] [--timeout SECONDS]}: what to ask, of which database, with which translator, and where to write the report.
 */
record EvalOptions(Path questions, String datasource, String translator, String model, Path report, Duration timeout) {

    static final String USAGE = "usage: dbchat eval --questions FILE.csv|FILE.jsonl [--datasource postgresql://...|demo]"
            + " [--translator offline|openai|anthropic|ollama] [--model NAME] [--report FILE.json|FILE.csv] [--timeout SECONDS]";

    static final String HELP = """

            Asks every question of the file through the pipeline started in-process, runs the gold SQL and the
            answer's SQL on the same database and compares the results. The file is CSV with a header naming
            question, gold_sql and optionally category, or JSON Lines with those fields. "A >> B" asks B as a
            follow-up of A. A gold_sql of REFUSE marks a question the database cannot answer.

            Each question is scored as one of:
              correct            the answer's rows match the gold's (or an unanswerable question was refused)
              honest refusal     no SQL and a reason, or an answer that said which words it did not understand
              confidently wrong  a different result presented as an answer

              --questions FILE   the questions (required)
              --datasource URL   postgresql://host/db to evaluate, or demo (default: the embedded demo database)
              --translator NAME  offline (default), openai, anthropic or ollama
              --model NAME       the model of an LLM translator
              --report FILE      write the per-question report, CSV when FILE ends in .csv, else JSON
              --timeout SECONDS  per question (default 60)
              --help             print this and exit""";

    static EvalOptions parse(String[] args) {
        Path questions = null;
        String datasource = null;
        String translator = "offline";
        String model = null;
        Path report = null;
        Duration timeout = Duration.ofSeconds(60);
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("eval")) {
                continue;
            }
            if (i + 1 >= args.length || !name.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + name + "'");
            }
            String value = args[++i];
            switch (name) {
                case "--questions" -> questions = Path.of(value);
                case "--datasource" -> datasource = value;
                case "--translator" -> translator = value;
                case "--model" -> model = value;
                case "--report" -> report = Path.of(value);
                case "--timeout" -> timeout = Duration.ofSeconds(Long.parseLong(value));
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        if (questions == null) {
            throw new IllegalArgumentException("--questions is required");
        }
        return new EvalOptions(questions, datasource, translator, model, report, timeout);
    }

    /** True when the embedded demo database is evaluated (no datasource given, or "demo"). */
    boolean demo() {
        return datasource == null || datasource.isBlank() || datasource.equals("demo");
    }
}
