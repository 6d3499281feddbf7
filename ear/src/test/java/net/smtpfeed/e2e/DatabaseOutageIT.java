package net.smtpfeed.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.smtpfeed.relay.testing.FreePorts;
import net.smtpfeed.relay.testing.SmtpConversation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A relay node whose MySQL goes away: it accepts nothing (451, never a 250 it could not keep), and when the database
 * is back it carries on without a restart. Runs with -Pmysql, where the database is a server that can go away.
 */
class DatabaseOutageIT {

    private static final String RECIPIENT = "someone@spamcheck.example";
    private static final Duration RECOVERY = Duration.ofSeconds(60);

    @TempDir
    Path workDir;

    @Test
    void whileTheDatabaseIsDownMailIsDeferredAndAfterwardsAcceptedAgain() throws Exception {
        assumeTrue("mysql".equals(System.getProperty("e2e.db.driver")), "needs a database server that can go away (-Pmysql)");
        try (TcpProxy database = new TcpProxy(FreePorts.any(), 3306);
             RelayProcess relay = RelayProcess.prepare(workDir, 500, 3125)) {
            relay.start(List.of("-Dsmtpfeed.db.driver=mysql",
                    "-Dsmtpfeed.db.url=" + System.getProperty("e2e.db.url").replaceFirst("//[^/]+/",
                            "//127.0.0.1:" + database.port() + "/") + "?connectTimeout=2000",
                    "-Dsmtpfeed.db.user=" + System.getProperty("e2e.db.user"),
                    "-Dsmtpfeed.db.password=" + System.getProperty("e2e.db.password")));
            assertTrue(send(relay).startsWith("250 "), "accepted while the database is up");

            database.cut();
            String whileDown = send(relay);
            assertTrue(whileDown.startsWith("451 4.3.0"), "deferred, not accepted, while the database is down: " + whileDown);

            database.restore();
            Instant deadline = Instant.now().plus(RECOVERY);
            String afterwards = send(relay);
            while (!afterwards.startsWith("250 ") && Instant.now().isBefore(deadline)) {
                Thread.sleep(1_000);
                afterwards = send(relay);
            }
            assertTrue(afterwards.startsWith("250 "), "accepted again without a restart: " + afterwards);
        }
    }

    private static String send(RelayProcess relay) throws Exception {
        try (SmtpConversation smtp = SmtpConversation.open("127.0.0.1", relay.smtpPort())) {
            smtp.send("EHLO mx.elsewhere.example");
            return smtp.sendMail("sender@elsewhere.example", RECIPIENT, "Subject: outage\r\n\r\nbody\r\n");
        }
    }
}
