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
