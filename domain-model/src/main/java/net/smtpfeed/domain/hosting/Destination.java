package net.smtpfeed.domain.hosting;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/** The customer's own mail server: an IP literal and a port. The relay never looks up MX records for it. */
@Embeddable
public class Destination {

    public static final int SMTP_PORT = 25;

    @Column(name = "destination_host")
    private String host;

    @Column(name = "destination_port")
    private Integer port;

    protected Destination() {
    }

    public Destination(String host, int port) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("a destination needs a host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        this.host = host.strip();
        this.port = port;
    }

    public String getHost() {
        return host;
    }

    public int getPort() {
        return port;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Destination d && host.equals(d.host) && port.equals(d.port);
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, port);
    }

    @Override
    public String toString() {
        return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    }
}
