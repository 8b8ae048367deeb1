package io.dbchat.standalone.eval;

import io.dbchat.contracts.runtime.PostgresUrl;
import io.dbchat.standalone.Standalone;
import io.dbchat.standalone.StandaloneSettings;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * {@code dbchat eval}: starts the pipeline in-process with the chosen translator and datasource, asks every
 * question of the file through the gateway's HTTP API, scores execution accuracy against the gold SQL,
 * prints the summary and writes the per-question report. Exit code 0 when run, 2 on bad usage, 1 on failure.
 */
public final class EvalCommand {

    private EvalCommand() {
    }

    public static int run(String[] args) {
        return run(args, System.getenv(), System.out, System.err);
    }

    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            out.println(EvalOptions.USAGE);
            out.println(EvalOptions.HELP);
            return 0;
        }
        EvalOptions options;
        List<EvalQuestion> questions;
        try {
            options = EvalOptions.parse(args);
            questions = QuestionFile.read(options.questions());
        } catch (Exception e) {
            err.println("dbchat eval: " + e.getMessage());
            err.println(EvalOptions.USAGE);
            return 2;
        }
        var settings = new StandaloneSettings(env(environment, options), arguments(environment, options));
        try {
            EvalReport report;
            // the summary is printed once the pipeline has stopped, so no log line of its shutdown follows it
            try (Standalone pipeline = Standalone.start(settings)) {
                report = evaluate(pipeline, options, questions, environment);
            }
            if (options.report() != null) {
                report.write(options.report());
            }
            out.print(framed(report.summary()));
            if (options.report() != null) {
                out.println("Report: " + options.report().toAbsolutePath());
            }
            return 0;
        } catch (Exception e) {
            err.println("dbchat eval failed: " + e.getMessage());
            return 1;
        }
    }

    /** The summary between rules, so it stands out below the pipeline's log. */
    static String framed(String summary) {
        String rule = "=".repeat(72) + System.lineSeparator();
        return System.lineSeparator() + rule + "dbchat eval summary" + System.lineSeparator() + rule + summary + rule;
    }

    private static Map<String, String> env(Map<String, String> environment, EvalOptions options) {
        Map<String, String> env = new HashMap<>(environment);
        env.remove("DBCHAT_DATASOURCE_URL");
        if (!options.demo()) {
            env.put("DBCHAT_DATASOURCE_URL", options.datasource());
        }
        env.put("DBCHAT_LLM_PROVIDER", options.translator());
        if (options.model() != null) {
            env.put("DBCHAT_LLM_MODEL", options.model());
        }
        return env;
    }

    /**
     * The stages bind the process environment, not the settings' map, so the chosen translator and datasource
     * go to them as arguments, which win over everything else (an OPENAI_API_KEY in the environment included).
     */
    static List<String> arguments(Map<String, String> environment, EvalOptions options) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--dbchat.llm.provider=" + options.translator()));
        if (options.model() != null) {
            args.add("--dbchat.llm.model=" + options.model());
        }
        if (!options.demo()) {
            args.add("--dbchat.datasource.url=" + options.datasource());
            for (String name : List.of("USERNAME", "PASSWORD")) {
                String value = environment.get("DBCHAT_DATASOURCE_" + name);
                if (value != null && !value.isBlank()) {
                    args.add("--dbchat.datasource." + name.toLowerCase(java.util.Locale.ROOT) + "=" + value);
                }
            }
        }
        return args;
    }

    private static EvalReport evaluate(Standalone pipeline, EvalOptions options, List<EvalQuestion> questions,
                                       Map<String, String> environment) throws Exception {
        ChatClient chat = new ChatClient(pipeline.port(), options.timeout());
        chat.awaitSchema(Duration.ofMinutes(2));
        EvalDatabase database = new EvalDatabase(datasource(pipeline, options, environment), options.timeout());
        Evaluator evaluator = new Evaluator((question, conversation) -> answer(chat.ask(question, conversation)),
                database::execute);
        String label = options.model() == null ? options.translator() : options.translator() + " (" + options.model() + ")";
        return new EvalReport(label, evaluator.evaluate(questions));
    }

    /** The evaluated database as the pipeline reaches it: the embedded demo one, or the given URL. */
    private static PostgresUrl datasource(Standalone pipeline, EvalOptions options, Map<String, String> environment) {
        if (options.demo()) {
            Map<String, String> p = pipeline.infrastructureProperties();
            return PostgresUrl.parse(p.get("dbchat.datasource.url"))
                    .withCredentials(p.get("dbchat.datasource.username"), p.get("dbchat.datasource.password"));
        }
        return PostgresUrl.parse(options.datasource()).withCredentials(environment.get("DBCHAT_DATASOURCE_USERNAME"),
                environment.get("DBCHAT_DATASOURCE_PASSWORD"));
    }

    private static Evaluator.Answer answer(JsonNode body) {
        JsonNode sql = body.get("sql");
        JsonNode conversation = body.get("conversation_id");
        JsonNode reply = body.get("reply");
        return new Evaluator.Answer(sql == null || sql.isNull() ? null : sql.asString(),
                conversation == null || conversation.isNull() ? null : conversation.asString(),
                reply == null || reply.isNull() ? "" : reply.asString(), caveat(body));
    }

    /** What the answer said it assumed or did not understand, from its {@code understanding} object; null if nothing. */
    static String caveat(JsonNode body) {
        JsonNode understanding = body.get("understanding");
        if (understanding == null || understanding.isNull()) {
            return null;
        }
        List<String> said = new ArrayList<>();
        for (String field : List.of("assumed", "ignored")) {
            JsonNode list = understanding.get(field);
            if (list != null && list.isArray()) {
                list.forEach(item -> said.add(field + ": " + item.asString()));
            }
        }
        return said.isEmpty() ? null : String.join("; ", said);
    }
}
