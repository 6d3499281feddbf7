package net.smtpfeed.relay.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import net.smtpfeed.relay.smtp.SmtpListener;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/** Alive while the SMTP listener's acceptor thread runs: a node without it takes no mail and should be restarted. */
@ApplicationScoped
public class ListenerThreadsCheck implements HealthCheck {

    @Inject
    SmtpListener listener;

    @Override
    public HealthCheckResponse call() {
        boolean acceptorAlive = Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals(SmtpListener.ACCEPTOR_THREAD) && t.isAlive());
        return HealthCheckResponse.named("smtp-listener-threads").status(listener.isRunning() && acceptorAlive)
                .withData("acceptor", acceptorAlive ? "running" : "stopped").build();
    }
}
