package net.smtpfeed.relay.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The certificate STARTTLS offers when none is configured: made at the first start, kept across restarts. */
class ServerTlsTest {

    @TempDir
    Path dataDirectory;

    @Test
    void aSelfSignedCertificateForTheHostNameIsMadeOnceAndKeptInTheDataDirectory() throws Exception {
        ServerTls.selfSigned(dataDirectory, "relay.test");
        Path file = dataDirectory.resolve("tls/relay.test.p12");
        X509Certificate first = certificate(file);
        ServerTls.selfSigned(dataDirectory, "relay.test");

        assertEquals(first, certificate(file), "a restart finds the same certificate");
        assertEquals("CN=relay.test", first.getSubjectX500Principal().getName());
        assertEquals(List.of(List.of(2, "relay.test")), List.copyOf(first.getSubjectAlternativeNames()));
        first.verify(first.getPublicKey());
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file));
    }

    @Test
    void aConfiguredKeyStoreThatCannotBeOpenedStopsTheStartNamingTheFile() {
        ServerTls.selfSigned(dataDirectory, "relay.test");
        Path file = dataDirectory.resolve("tls/relay.test.p12");
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> ServerTls.fromKeyStore(file, "wrong".toCharArray()));
        assertTrue(failure.getMessage().startsWith("cannot read the TLS key store " + file), failure.getMessage());
    }

    private static X509Certificate certificate(Path file) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, "smtpfeed".toCharArray());
        }
        return (X509Certificate) store.getCertificate("smtpfeed");
    }
}
