package net.smtpfeed.relay.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** The exact text of our Received header, as a reader of a message's trace sees it. */
class ReceivedHeaderTest {

    private static final ZonedDateTime DATE = ZonedDateTime.parse("2026-11-28T12:00:00+01:00");

    @Test
    void aTlsSessionForOneRecipientNamesTheCipherAndTheRecipient() throws UnknownHostException {
        ReceivedHeader header = new ReceivedHeader("mx.elsewhere.example", InetAddress.getByName("192.0.2.7"), "relay.test",
                "smtpfeed", "1a2b3c", "TLSv1.3:TLS_AES_256_GCM_SHA384", "someone@customer.example", DATE);
        assertEquals("Received: from mx.elsewhere.example ([192.0.2.7])\r\n"
                + "\tby relay.test (smtpfeed) with ESMTPS (TLSv1.3:TLS_AES_256_GCM_SHA384) id 1a2b3c\r\n"
                + "\tfor <someone@customer.example>; Sat, 28 Nov 2026 12:00:00 +0100\r\n", header.text());
    }

    @Test
    void aPlainSessionFromAClientThatNeverSaidHeloIsNamedByItsIpv6Literal() throws UnknownHostException {
        ReceivedHeader header = new ReceivedHeader(null, InetAddress.getByName("2001:db8::7"), "relay.test", "smtpfeed",
                "1a2b3c", null, null, DATE);
        assertEquals("Received: from [IPv6:2001:db8:0:0:0:0:0:7] ([IPv6:2001:db8:0:0:0:0:0:7])\r\n"
                + "\tby relay.test (smtpfeed) with ESMTP id 1a2b3c;\r\n"
                + "\tSat, 28 Nov 2026 12:00:00 +0100\r\n", header.text());
    }
}
