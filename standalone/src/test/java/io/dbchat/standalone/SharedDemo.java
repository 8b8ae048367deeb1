package io.dbchat.standalone;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The embedded default (no settings but a free port), started once for every test class that needs nothing else:
 * such a class says {@code @ExtendWith(SharedDemo.class)}, takes the system from {@link #standalone()} and keeps its
 * work apart by its own conversations, never closing the system itself. The system is closed when the test run ends;
 * {@link SharedDemoLast} runs those classes last, one after the other, so it never idles while other classes start
 * systems of their own. A run of one such class alone starts and closes it just the same.
 */
public final class SharedDemo implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedDemo.class);
    private static volatile Standalone running;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).computeIfAbsent(Running.class, type -> new Running(), Running.class);
    }

    /** The shared system; only while a class that extends with SharedDemo runs. */
    public static Standalone standalone() {
        Standalone dbchat = running;
        if (dbchat == null) {
            throw new IllegalStateException("no shared system: the test class needs @ExtendWith(SharedDemo.class)");
        }
        return dbchat;
    }

    /** Whether this is the shared system, which a test class must leave running. */
    public static boolean isShared(Standalone dbchat) {
        return dbchat != null && dbchat == running;
    }

    /** The started system in the root store, closed with it at the end of the run. */
    private static final class Running implements AutoCloseable {

        Running() {
            running = Standalone.start(new StandaloneSettings(Map.of(), List.of("--server.port=0")));
        }

        @Override
        public void close() {
            Standalone dbchat = running;
            running = null;
            if (dbchat != null) {
                dbchat.close();
            }
        }
    }
}
