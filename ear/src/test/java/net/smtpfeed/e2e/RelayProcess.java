package net.smtpfeed.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A relay node the test starts and kills itself: the provisioned WildFly with its own copy of the standalone
 * directory, its own embedded database and ports, and the product EAR in its deployments directory.
 */
final class RelayProcess implements AutoCloseable {

    private final Path workDir;
    private final Path baseDir;
    private final Path dataDir;
    private final int portOffset;
    private final int smtpPort;
    private Process process;

    private Path log;

    private RelayProcess(Path workDir, Path baseDir, Path dataDir, int portOffset, int smtpPort) {
        this.workDir = workDir;
        this.baseDir = baseDir;
        this.dataDir = dataDir;
        this.portOffset = portOffset;
        this.smtpPort = smtpPort;
    }

    static RelayProcess prepare(Path workDir, int portOffset, int smtpPort) throws IOException {
        Path jbossHome = Path.of(System.getProperty("jboss.home"));
        Path baseDir = workDir.resolve("standalone");
        copyTree(jbossHome.resolve("standalone/configuration"), baseDir.resolve("configuration"));
        Files.createDirectories(baseDir.resolve("deployments"));
        Files.copy(Path.of(System.getProperty("e2e.ear")), baseDir.resolve("deployments/smtpfeed.ear"));
        return new RelayProcess(workDir, baseDir, workDir.resolve("data"), portOffset, smtpPort);
    }

    int smtpPort() {
        return smtpPort;
    }

    /** The JVM's own GC log (-Xlog:gc) of the last start: every collection with the heap in use before and after it. */
    Path gcLog() {
        return Path.of(log.toString().replaceFirst("\\.log$", ".gc.log"));
    }

    /** The console output of the last start. */
    Path log() {
        return log;
    }

    /** The relay's JVM (standalone.sh's child), for jcmd. */
    ProcessHandle jvm() {
        return process.descendants().filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
                .findFirst().orElseThrow(() -> new IllegalStateException("the relay has no running JVM"));
    }

    /**
     * Starts the node in demo mode on its own embedded database and waits for its SMTP banner. Its lease is short, so
     * that the deliveries it held when it was killed come back within the test.
     */
    void start() throws IOException, InterruptedException {
        start(List.of());
    }

    /** As {@link #start()}, with more system properties (another database, say). */
    void start(List<String> properties) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(System.getProperty("jboss.home") + "/bin/standalone.sh",
                "-Djboss.server.base.dir=" + baseDir, "-Djboss.socket.binding.port-offset=" + portOffset,
                "-Dsmtpfeed.demo=true", "-Dsmtpfeed.data-dir=" + dataDir, "-Dsmtpfeed.smtp.port=" + smtpPort,
                "-Dsmtpfeed.queue.poll-interval=PT1S", "-Dsmtpfeed.queue.lease=PT10S",
                // No test reads this relay's mailboxes: its POP3 server takes any free port, never the demo's.
                "-Dsmtpfeed.pop3.port=0"));
        command.addAll(properties);
        ProcessBuilder builder = new ProcessBuilder(command);
        // WildFly's default heap, stated here; a node out of memory dies rather than limping on. Its temporary files
        // (spooled and outgoing messages) stay in the test's directory, which is removed afterwards.
        Path tmp = Files.createDirectories(workDir.resolve("tmp"));
        Path logs = Files.createDirectories(Path.of(System.getProperty("e2e.relay-logs")));
        log = logs.resolve("relay-" + smtpPort + "-" + System.currentTimeMillis() + ".log");
        builder.environment().put("JBOSS_JAVA_SIZING", "-Xms64m -Xmx512m -XX:+ExitOnOutOfMemoryError"
                + " -Xlog:gc:file=" + gcLog() + " -Djava.io.tmpdir=" + tmp);
        process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the relay process ended with " + process.exitValue());
            }
            try (Socket ignored = new Socket("127.0.0.1", smtpPort)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("no SMTP banner on port " + smtpPort + " within 3 minutes");
    }

    /** SIGKILL, as a power cut or the OOM killer would: no shutdown hook, no orderly close of anything. */
    void kill() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor();
        Thread.sleep(500);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(source -> {
                try {
                    Path target = to.resolve(from.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
