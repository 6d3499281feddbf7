package net.smtpfeed.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.smtpfeed.relay.testing.FreePorts;
import org.subethamail.wiser.Wiser;
import org.subethamail.wiser.WiserMessage;

/** A real SMTP server on a loopback port the test picks, standing in for a customer's own mail server. */
final class CustomerMailServer implements AutoCloseable {

    private final Wiser wiser;

    private CustomerMailServer(Wiser wiser) {
        this.wiser = wiser;
    }

    static CustomerMailServer start() {
        Wiser wiser = Wiser.port(FreePorts.any());
        wiser.start();
        return new CustomerMailServer(wiser);
    }

    int port() {
        return wiser.getServer().getPort();
    }

    /** Waits until the relay has delivered the given number of messages here, then returns them. */
    List<WiserMessage> awaitMessages(int count, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (wiser.getMessages().size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        return List.copyOf(wiser.getMessages());
    }

    @Override
    public void close() {
        wiser.stop();
    }
}
