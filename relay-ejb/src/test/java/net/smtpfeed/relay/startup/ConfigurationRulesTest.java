package net.smtpfeed.relay.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigurationRulesTest {

    private static List<String> problemsOf(Map<String, String> settings) {
        return ConfigurationRules.problems(key -> Optional.ofNullable(settings.get(key)));
    }

    @Test
    void theDefaultsNeedNoSettingAtAll() {
        assertEquals(List.of(), problemsOf(Map.of()));
    }

    @Test
    void aMalformedCidrNamesTheKeyTheValueAndWhatIsExpected() {
        assertEquals(List.of("smtpfeed.greylist.whitelist-networks = '10.0.0.0/8,192.0.2.0/33': expected comma-separated"
                        + " networks such as 192.0.2.0/24; bad CIDR \"192.0.2.0/33\": prefix length 33 is longer than the"
                        + " address's 32 bits"),
                problemsOf(Map.of("smtpfeed.greylist.whitelist-networks", "10.0.0.0/8,192.0.2.0/33")));
    }

    @Test
    void aPortOutOfRangeIsRefused() {
        assertEquals(List.of("smtpfeed.smtp.port = '70000': expected a port number from 1 to 65535"),
                problemsOf(Map.of("smtpfeed.smtp.port", "70000")));
    }

    @Test
    void aDurationMustBeIso8601() {
        assertEquals(List.of("smtpfeed.queue.lease = '15m': expected an ISO-8601 duration longer than zero, such as PT30S or PT5M"),
                problemsOf(Map.of("smtpfeed.queue.lease", "15m")));
    }

    @Test
    void aGreylistDelayOfZeroIsAllowed() {
        assertEquals(List.of(), problemsOf(Map.of("smtpfeed.greylist.delay", "PT0S")));
    }

    @Test
    void aScannerAddressMustBeHostAndPort() {
        assertEquals(List.of("smtpfeed.clamd.address = 'localhost': expected host:port, such as 127.0.0.1:3310"),
                problemsOf(Map.of("smtpfeed.clamd.address", "localhost")));
    }

    @Test
    void anUnknownSpamEngineIsRefused() {
        assertEquals(List.of("smtpfeed.spam.engine = 'spamassassin': expected one of built-in, spamd, rspamd"),
                problemsOf(Map.of("smtpfeed.spam.engine", "spamassassin")));
    }

    @Test
    void aKeystoreWithoutItsPasswordIsMissingAValue() throws IOException {
        java.nio.file.Path keystore = java.nio.file.Files.createTempFile("smtpfeed", ".p12");
        try {
            assertEquals(List.of("smtpfeed.smtp.tls.keystore-password is missing: expected the password of " + keystore
                    + " (smtpfeed.smtp.tls.keystore)"), problemsOf(Map.of("smtpfeed.smtp.tls.keystore", keystore.toString())));
        } finally {
            java.nio.file.Files.delete(keystore);
        }
    }

    @Test
    void thePop3PortMayBeZeroForAnyFreePort() {
        assertEquals(List.of(), problemsOf(Map.of("smtpfeed.pop3.port", "0")));
    }

    @Test
    void anUnknownPop3PlaintextLoginPolicyIsRefused() {
        assertEquals(List.of("smtpfeed.pop3.plaintext-login = 'yes': expected one of NEVER, LOOPBACK, ALWAYS"),
                problemsOf(Map.of("smtpfeed.pop3.plaintext-login", "yes")));
    }

    @Test
    void everyWrongValueIsReportedNotOnlyTheFirst() {
        assertEquals(2, problemsOf(Map.of("smtpfeed.smtp.max-connections", "0", "smtpfeed.relay.own-addresses",
                "192.0.2.1,mx.example")).size());
    }

    @Test
    void aPortInUseNamesTheKeyAndTheLikelyCause() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Optional<String> problem = ListenerPortCheck.problem("smtp", "127.0.0.1", taken.getLocalPort());
            assertTrue(problem.orElseThrow().startsWith("smtpfeed.smtp.port = '" + taken.getLocalPort()
                    + "': expected a port free on 127.0.0.1"), problem.get());
        }
    }

    @Test
    void aFreePortPasses() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        assertEquals(Optional.empty(), ListenerPortCheck.problem("pop3", "127.0.0.1", port));
    }
}
