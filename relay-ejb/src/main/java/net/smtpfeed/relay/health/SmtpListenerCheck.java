package net.smtpfeed.relay.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/** Ready only while the SMTP listener accepts connections on its address and port. */
@ApplicationScoped
public class SmtpListenerCheck implements HealthCheck {

    private static final int CONNECT_MILLIS = 2000;

    @Inject
    @ConfigProperty(name = "smtpfeed.smtp.bind-address", defaultValue = "127.0.0.1")
    String bindAddress;

    @Inject
    @ConfigProperty(name = "smtpfeed.smtp.port", defaultValue = "2525")
    int port;

    @Override
    public HealthCheckResponse call() {
        // A listener bound to every address is reached on loopback.
        String host = bindAddress.equals("0.0.0.0") || bindAddress.equals("::") ? "127.0.0.1" : bindAddress;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), CONNECT_MILLIS);
            return HealthCheckResponse.named("smtp-listener").up().withData("address", host + ":" + port).build();
        } catch (IOException e) {
            return HealthCheckResponse.named("smtp-listener").down().withData("address", host + ":" + port)
                    .withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
