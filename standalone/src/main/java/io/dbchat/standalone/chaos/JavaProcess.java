package io.dbchat.standalone.chaos;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

/**
 * One JVM of the system under test, started as a deployment starts it and killed as a crash kills it
 * ({@code SIGKILL}: no shutdown hook, no leave-group, no flush). Output goes to a log file per instance,
 * appended across restarts.
 */
final class JavaProcess {

    private final String name;
    private final Launch launch;
    private final List<String> jvmOptions;
    private final List<String> arguments;
    private final Map<String, String> environment;
    private final Path log;
    private Process process;

    /** How the JVM is launched: a main class on a class path, or an executable jar. */
    sealed interface Launch {

        List<String> command();

        /**
         * {@code java -cp <class path> <main class>} with this JVM's own class path, for the broker and for stages
         * when no service jars are given. Run from dbchat.jar, whose classes are nested, Spring Boot's
         * PropertiesLauncher starts the main class from inside it.
         */
        record MainClass(String mainClass) implements Launch {
            public List<String> command() {
                String classPath = System.getProperty("java.class.path");
                return isBootJar(classPath)
                        ? List.of("-cp", classPath, "-Dloader.main=" + mainClass,
                                "org.springframework.boot.loader.launch.PropertiesLauncher")
                        : List.of("-cp", classPath, mainClass);
            }

            private static boolean isBootJar(String classPath) {
                if (classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
                    return false;
                }
                try (var jar = new JarFile(classPath)) {
                    return jar.getEntry("BOOT-INF/classes/") != null;
                } catch (IOException e) {
                    return false;
                }
            }
        }

        /** {@code java -jar <stage>-exec.jar}: the way deploy/ runs a stage. */
        record ExecutableJar(Path jar) implements Launch {
            public List<String> command() {
                return List.of("-jar", jar.toString());
            }
        }
    }

    JavaProcess(String name, Launch launch, List<String> jvmOptions, List<String> arguments,
                Map<String, String> environment, Path log) {
        this.name = name;
        this.launch = launch;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.arguments = List.copyOf(arguments);
        this.environment = Map.copyOf(environment);
        this.log = log;
    }

    synchronized JavaProcess start() {
        if (isAlive()) {
            return this;
        }
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(launch.command());
        command.addAll(arguments);
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** SIGKILL, and waits until the process is gone. */
    synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        awaitExit(process);
        process = null;
    }

    /** SIGTERM, as an orchestrator stops a service; SIGKILL after 30 s. */
    synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        awaitExit(process);
        process = null;
    }

    synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The process's main-class run as a one-off command (the broker's storage format), returning its exit code. */
    static int runToEnd(Launch launch, List<String> arguments, Path log) {
        var once = new JavaProcess("command", launch, List.of("-Xmx256m"), arguments, Map.of(), log).start();
        try {
            return once.process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            once.kill();
            throw new IllegalStateException("interrupted while running " + arguments, e);
        }
    }

    private static void awaitExit(Process p) {
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
