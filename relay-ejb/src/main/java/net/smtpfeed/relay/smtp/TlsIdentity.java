package net.smtpfeed.relay.smtp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The relay's one TLS identity, as configuration says, for SMTP's STARTTLS and POP3's STLS alike. Made once, so that
 * two listeners starting together do not both generate the self-signed certificate into the data directory.
 */
@ApplicationScoped
public class TlsIdentity {

    @Inject
    @ConfigProperty(name = "smtpfeed.smtp.tls.keystore")
    Optional<String> keyStore;

    @Inject
    @ConfigProperty(name = "smtpfeed.smtp.tls.keystore-password")
    Optional<String> keyStorePassword;

    @Inject
    @ConfigProperty(name = "smtpfeed.data-dir", defaultValue = "./data")
    String dataDirectory;

    @Inject
    @ConfigProperty(name = "smtpfeed.smtp.hostname", defaultValue = "localhost")
    String hostName;

    private SSLContext context;

    public synchronized SSLContext context() {
        if (context == null) {
            context = ServerTls.configured(keyStore, keyStorePassword, Path.of(dataDirectory), hostName);
        }
        return context;
    }
}
