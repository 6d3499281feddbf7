package net.smtpfeed.relay.smtp;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javax.net.ssl.SSLSocket;
import org.subethamail.smtp.server.Session;

/**
 * The Received header we put on top of each message (RFC 5321 section 4.4), laid out as Postfix does, and naming the
 * TLS protocol and cipher when the client used STARTTLS, so that whoever reads the trace can tell how it got here.
 *
 * @param clientHelo    what the client called itself, or null when it did not say
 * @param tls           protocol and cipher ("TLSv1.3:TLS_AES_256_GCM_SHA384"), or null for a plain-text session
 * @param recipient     the only recipient, or null when there are several: more would tell each recipient of the others
 */
record ReceivedHeader(String clientHelo, InetAddress clientAddress, String hostName, String software, String id, String tls,
                      String recipient, ZonedDateTime date) {

    private static final DateTimeFormatter RFC_5322_DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ENGLISH);

    static ReceivedHeader of(Session session, String recipient, ZonedDateTime date) {
        String tls = session.getSocket() instanceof SSLSocket ssl
                ? ssl.getSession().getProtocol() + ":" + ssl.getSession().getCipherSuite()
                : null;
        return new ReceivedHeader(session.getHelo().orElse(null), session.getRemoteAddress().getAddress(),
                session.getServer().getHostName(), session.getServer().getSoftwareName(), session.getSessionId(), tls,
                recipient, date);
    }

    String text() {
        String literal = "[" + (clientAddress instanceof Inet6Address ? "IPv6:" : "") + clientAddress.getHostAddress() + "]";
        StringBuilder header = new StringBuilder("Received: from ")
                .append(clientHelo == null ? literal : clientHelo).append(" (").append(literal).append(")\r\n")
                .append("\tby ").append(hostName).append(" (").append(software).append(") with ")
                .append(tls == null ? "ESMTP" : "ESMTPS (" + tls + ")").append(" id ").append(id);
        if (recipient == null) {
            header.append(";\r\n\t");
        } else {
            header.append("\r\n\tfor <").append(recipient).append(">; ");
        }
        return header.append(RFC_5322_DATE.format(date)).append("\r\n").toString();
    }
}
