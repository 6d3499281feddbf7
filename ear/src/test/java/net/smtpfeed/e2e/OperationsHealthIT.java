package net.smtpfeed.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.smtpfeed.relay.testing.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readiness follows what the relay depends on: it goes down, naming the check, when clamd or the database goes away,
 * and comes back with them. And a wrong configuration value, or a database that cannot be reached, stops the start
 * with one line naming the key.
 */
class OperationsHealthIT {

    @TempDir
    Path workDir;

    @Test
    void readinessGoesDownNamingClamdOrTheDatabaseWhileTheyAreAwayAndUpAgainAfterwards() throws Exception {
        String clamd = System.getenv("SMTPFEED_IT_CLAMD");
        assumeTrue(clamd != null, "needs a real clamd (SMTPFEED_IT_CLAMD)");
        boolean mysql = "mysql".equals(System.getProperty("e2e.db.driver"));
        try (TcpProxy clamdProxy = new TcpProxy(FreePorts.any(), Integer.parseInt(clamd.substring(clamd.lastIndexOf(':') + 1)));
             TcpProxy database = mysql ? new TcpProxy(FreePorts.any(), 3306) : null;
             RelayProcess relay = RelayProcess.prepare(workDir, 800, 3525)) {
            List<String> properties = new ArrayList<>(List.of("-Dsmtpfeed.clamd.address=127.0.0.1:" + clamdProxy.port(),
                    "-Dsmtpfeed.clamd.connect-timeout=PT1S"));
            if (mysql) {
                properties.addAll(List.of("-Dsmtpfeed.db.driver=mysql",
                        "-Dsmtpfeed.db.url=" + System.getProperty("e2e.db.url").replaceFirst("//[^/]+/",
                                "//127.0.0.1:" + database.port() + "/") + "?connectTimeout=2000",
                        "-Dsmtpfeed.db.user=" + System.getProperty("e2e.db.user"),
                        "-Dsmtpfeed.db.password=" + System.getProperty("e2e.db.password")));
            }
            relay.start(properties);
            assertEquals(200, awaitReadiness(relay, 200).statusCode());

            clamdProxy.cut();
            HttpResponse<String> withoutClamd = awaitReadiness(relay, 503);
            assertTrue(withoutClamd.body().contains("{\"name\":\"clamd\",\"status\":\"DOWN\""), withoutClamd.body());
            clamdProxy.restore();
            assertEquals(200, awaitReadiness(relay, 200).statusCode());

            if (mysql) {
                database.cut();
                HttpResponse<String> withoutDatabase = awaitReadiness(relay, 503);
                assertTrue(withoutDatabase.body().contains("{\"name\":\"database\",\"status\":\"DOWN\""), withoutDatabase.body());
                database.restore();
                assertEquals(200, awaitReadiness(relay, 200).statusCode());
            }
        }
    }

    @Test
    void aMalformedCidrStopsTheStartWithOneLineNamingTheKey() throws Exception {
        try (RelayProcess relay = RelayProcess.prepare(workDir, 800, 3525)) {
            relay.startExpectingFailure(List.of("-Dsmtpfeed.greylist.whitelist-networks=10.0.0.0/8,192.0.2.0/33"));

            assertOneLineSaying(relay, "smtpfeed.greylist.whitelist-networks = '10.0.0.0/8,192.0.2.0/33': expected"
                    + " comma-separated networks such as 192.0.2.0/24; bad CIDR \"192.0.2.0/33\": prefix length 33 is"
                    + " longer than the address's 32 bits");
        }
    }

    @Test
    void aMysqlUrlNobodyListensAtStopsTheStartWithOneLineNamingTheKeyAndWhatTheDriverSaid() throws Exception {
        String url = "jdbc:mysql://127.0.0.1:" + FreePorts.any() + "/smtpfeed?connectTimeout=2000";
        try (RelayProcess relay = RelayProcess.prepare(workDir, 800, 3525)) {
            relay.startExpectingFailure(List.of("-Dsmtpfeed.db.driver=mysql", "-Dsmtpfeed.db.url=" + url,
                    "-Dsmtpfeed.db.user=smtpfeed", "-Dsmtpfeed.db.password=smtpfeed"));

            assertOneLineSaying(relay, "smtpfeed.db.url = '" + url + "': expected a database that accepts"
                    + " smtpfeed.db.user's connection; it said: Connection refused");
        }
    }

    @Test
    void anH2ServerUrlNobodyListensAtStopsTheStartWithOneLineNamingTheKeyAndWhatTheDriverSaid() throws Exception {
        String url = "jdbc:h2:tcp://127.0.0.1:" + FreePorts.any() + "/smtpfeed";
        try (RelayProcess relay = RelayProcess.prepare(workDir, 800, 3525)) {
            relay.startExpectingFailure(List.of("-Dsmtpfeed.db.driver=h2", "-Dsmtpfeed.db.url=" + url));

            assertOneLineSaying(relay, "smtpfeed.db.url = '" + url + "': expected a database that accepts"
                    + " smtpfeed.db.user's connection; it said: Connection refused");
        }
    }

    @Test
    void aPasswordTheDatabaseRefusesStopsTheStartWithOneLineNamingTheUserAndWhatTheDatabaseSaid() throws Exception {
        assumeTrue("mysql".equals(System.getProperty("e2e.db.driver")), "needs the MySQL test database (-Pmysql)");
        String url = System.getProperty("e2e.db.url");
        String user = System.getProperty("e2e.db.user");
        try (RelayProcess relay = RelayProcess.prepare(workDir, 800, 3525)) {
            relay.startExpectingFailure(List.of("-Dsmtpfeed.db.driver=mysql", "-Dsmtpfeed.db.url=" + url,
                    "-Dsmtpfeed.db.user=" + user, "-Dsmtpfeed.db.password=not-" + System.getProperty("e2e.db.password")));

            // The host after the @ is the client as the database names it: 127.0.0.1 or localhost, by its settings.
            String line = theOneLine(relay);
            assertTrue(line.contains("smtpfeed will not start: smtpfeed.db.user = '" + user + "': expected a user that "
                    + url + " lets in with smtpfeed.db.password; it said: Access denied for user '" + user + "'@'"), line);
            assertTrue(line.endsWith("' (using password: YES)"), line);
        }
    }

    /** The start stopped with exactly one "smtpfeed will not start" line in the server log, ending with this. */
    private static void assertOneLineSaying(RelayProcess relay, String problem) throws Exception {
        String line = theOneLine(relay);
        assertTrue(line.endsWith("smtpfeed will not start: " + problem), line);
    }

    private static String theOneLine(RelayProcess relay) throws Exception {
        List<String> lines = Files.readAllLines(relay.log()).stream()
                .filter(line -> line.contains("smtpfeed will not start: ")).toList();
        assertEquals(1, lines.size(), String.join("\n", lines));
        return lines.get(0);
    }

    private static HttpResponse<String> awaitReadiness(RelayProcess relay, int status) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + relay.managementPort() + "/health/ready"))
                .build();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        HttpResponse<String> response = http.send(ready, HttpResponse.BodyHandlers.ofString());
        while (response.statusCode() != status && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            response = http.send(ready, HttpResponse.BodyHandlers.ofString());
        }
        return response;
    }
}
