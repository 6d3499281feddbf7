package net.smtpfeed.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.subethamail.wiser.Wiser;
import org.subethamail.wiser.WiserMessage;

/** A real SMTP server on a loopback port the test picks, standing in for a customer's own mail server. */
final class CustomerMailServer implements AutoCloseable {

    private final Wiser wiser;

    private CustomerMailServer(Wiser wiser) {
        this.wiser = wiser;
    }

    static CustomerMailServer start() throws IOException {
        Wiser wiser = Wiser.port(freePort());
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

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        wiser.stop();
    }
}
