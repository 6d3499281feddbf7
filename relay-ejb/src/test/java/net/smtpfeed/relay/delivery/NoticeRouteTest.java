package net.smtpfeed.relay.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import net.smtpfeed.domain.hosting.Destination;
import org.junit.jupiter.api.Test;

class NoticeRouteTest {

    @Test
    void theOutboundRelayIsGivenAsHostAndPort() {
        assertEquals(new Destination("relay.isp.example", 2525), NoticeRoute.parseRelay("relay.isp.example:2525"));
    }

    @Test
    void anOutboundRelayWithoutAPortIsOnPort25() {
        assertEquals(new Destination("relay.isp.example", 25), NoticeRoute.parseRelay(" relay.isp.example "));
    }

    @Test
    void anIpv6OutboundRelayIsWrittenInBrackets() {
        assertEquals(new Destination("2001:db8::25", 587), NoticeRoute.parseRelay("[2001:db8::25]:587"));
        assertEquals(new Destination("2001:db8::25", 25), NoticeRoute.parseRelay("[2001:db8::25]"));
    }

    @Test
    void withAnOutboundRelayEveryNoticeGoesThroughIt() {
        Destination relay = new Destination("127.0.0.1", 2725);
        assertEquals(relay, new NoticeRoute(Optional.of(relay)).forRecipient("sender@elsewhere.example"));
    }
}
