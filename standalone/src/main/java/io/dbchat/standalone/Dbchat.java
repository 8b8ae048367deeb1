package io.dbchat.standalone;

import io.dbchat.standalone.audit.AuditCommand;
import io.dbchat.standalone.bench.model.ModelBenchCommand;
import io.dbchat.standalone.bench.pipeline.PipelineBenchCommand;
import io.dbchat.standalone.chaos.ChaosCommand;
import io.dbchat.standalone.eval.EvalCommand;
import io.dbchat.standalone.grants.GrantsCommand;
import io.dbchat.standalone.knowledge.KnowledgeCommand;
import io.dbchat.standalone.replay.ReplayCommand;
import io.dbchat.standalone.replay.ReplayWorkerCommand;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code dbchat} command: with no command, starts the embedded default (all stages in one process);
 * {@code dbchat eval ...} measures a translator's execution accuracy on a question file; {@code dbchat grants ...}
 * prints the SQL of the executor's read-only role for a database; {@code dbchat chaos ...} runs the stages as
 * separate processes and kills them while asking questions (see deploy/README.md); {@code dbchat audit ...} prints
 * or exports the audit records of the broker's queries; {@code dbchat replay ...} re-runs a stretch of them and reports
 * what changed; {@code dbchat replay-worker} runs the replays that gateways are asked for; {@code dbchat bench model ...}
 * measures the whole path with a scripted model (standalone/BENCHMARK-model.md); {@code dbchat knowledge import|export ...} moves
 * knowledge entries between a YAML file and a running dbchat; {@code dbchat bench pipeline ...} measures the whole path
 * beside a bare Kafka Streams chain (standalone/BENCHMARK.md).
 */
public final class Dbchat {

    private static final Logger log = LoggerFactory.getLogger(Dbchat.class);

    private Dbchat() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("eval")) {
            // the pipeline's client threads would keep the JVM alive after the report
            System.exit(EvalCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals("grants")) {
            System.exit(GrantsCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals("audit")) {
            System.exit(AuditCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals("knowledge")) {
            System.exit(KnowledgeCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals("replay")) {
            System.exit(ReplayCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 1 && args[0].equals("bench") && args[1].equals("model")) {
            // the clients' and the stages' threads would keep the JVM alive after the report
            System.exit(ModelBenchCommand.run(Arrays.copyOfRange(args, 2, args.length)));
        }
        if (args.length > 0 && args[0].equals("replay-worker")) {
            System.exit(ReplayWorkerCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (args.length > 1 && args[0].equals("bench") && args[1].equals("pipeline")) {
            // the pipeline's client threads would keep the JVM alive after the report
            System.exit(PipelineBenchCommand.run(Arrays.copyOfRange(args, 2, args.length)));
        }
        if (args.length > 0 && args[0].equals("bench")) {
            boolean help = args.length > 1 && (args[1].equals("--help") || args[1].equals("-h"));
            (help ? System.out : System.err).println("usage: dbchat bench pipeline|model [--help] [options]\n"
                    + "  pipeline  the whole path with the offline translator beside a bare Kafka Streams chain\n"
                    + "  model     the whole path with a scripted model answering each call after a delay");
            System.exit(help ? 0 : 2);
        }
        if (args.length > 0 && args[0].equals("chaos")) {
            // the cluster's child processes are stopped by then; the clients' threads would keep the JVM alive
            System.exit(ChaosCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        long started = System.nanoTime();
        Standalone standalone = Standalone.start(StandaloneSettings.fromProcess(args));
        Runtime.getRuntime().addShutdownHook(new Thread(standalone::close, "dbchat-shutdown"));
        log.info("dbchat is ready at http://localhost:{}/ after {} ms. Ask: curl -s localhost:{}/api/chat/query/ "
                        + "-H 'content-type: application/json' -d '{\"query\":\"How many users are there?\"}'",
                standalone.port(), (System.nanoTime() - started) / 1_000_000, standalone.port());
    }
}
