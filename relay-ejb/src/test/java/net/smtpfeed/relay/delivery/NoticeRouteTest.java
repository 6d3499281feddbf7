package net.smtpfeed.relay.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.smtpfeed.domain.hosting.Destination;
import net.smtpfeed.domain.mail.SmtpReply;
import net.smtpfeed.relay.testing.DnsResponder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Resolver;

/** Routes for notices, the MX ones resolved through a real DNS server on a loopback port. */
class NoticeRouteTest {

    private DnsResponder dns;
    private NoticeRoute route;

    @BeforeEach
    void startDns() throws Exception {
        dns = DnsResponder.start();
        route = new NoticeRoute(Optional.empty(), NoticeRoute.resolver(Optional.of("127.0.0.1:" + dns.address().getPort()),
                Duration.ofMillis(500)));
    }

    @AfterEach
    void stopDns() throws Exception {
        dns.close();
    }

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
    void withAnOutboundRelayEveryNoticeGoesThroughItWithoutAskingDns() throws Exception {
        dns.with("elsewhere.example. 300 IN MX 10 mx.elsewhere.example.");
        Destination relay = new Destination("127.0.0.1", 2725);
        NoticeRoute throughRelay = new NoticeRoute(Optional.of(relay),
                NoticeRoute.resolver(Optional.of("127.0.0.1:" + dns.address().getPort())));

        assertEquals(relay, throughRelay.destinationsFor("sender@elsewhere.example").get(0));
        assertEquals(List.of(relay), throughRelay.destinationsFor("sender@elsewhere.example"));
        assertEquals(0, dns.queries());
    }

    @Test
    void theMxHostsComeInOrderOfPreference() throws Exception {
        dns.with("sender.example. 300 IN MX 20 backup.sender.example.",
                "sender.example. 300 IN MX 5 primary.sender.example.",
                "sender.example. 300 IN MX 30 last-resort.isp.example.");

        assertEquals(List.of(smtp("primary.sender.example"), smtp("backup.sender.example"), smtp("last-resort.isp.example")),
                route.destinationsFor("someone@sender.example"));
        assertEquals(smtp("primary.sender.example"), route.destinationsFor("someone@sender.example").get(0));
    }

    @Test
    void hostsOfEqualPreferenceShareTheirPlaceInTheOrder() throws Exception {
        dns.with("sender.example. 300 IN MX 10 a.sender.example.",
                "sender.example. 300 IN MX 10 b.sender.example.",
                "sender.example. 300 IN MX 50 c.sender.example.");

        List<Destination> hosts = route.destinationsFor("someone@sender.example");

        assertEquals(Set.of(smtp("a.sender.example"), smtp("b.sender.example")), Set.copyOf(hosts.subList(0, 2)));
        assertEquals(smtp("c.sender.example"), hosts.get(2));
    }

    @Test
    void aDomainWithoutMxButWithAnAddressIsItsOwnMailServer() throws Exception {
        dns.with("sender.example. 300 IN A 192.0.2.25", "v6.example. 300 IN AAAA 2001:db8::25");

        assertEquals(List.of(smtp("sender.example")), route.destinationsFor("someone@sender.example"));
        assertEquals(List.of(smtp("v6.example")), route.destinationsFor("someone@v6.example"));
    }

    @Test
    void aNullMxMeansTheDomainTakesNoMail() throws Exception {
        dns.with("nomail.example. 300 IN MX 0 .", "nomail.example. 300 IN A 192.0.2.25");

        NoticeRoute.NoRoute noRoute = assertThrows(NoticeRoute.NoRoute.class, () -> route.destinationsFor("someone@nomail.example"));

        assertTrue(noRoute.isPermanent());
        SmtpReply reply = SmtpReply.parse(noRoute.reply());
        assertEquals(556, reply.code());
        assertEquals("5.1.10", reply.enhancedStatus());
        assertTrue(reply.isPermanentFailure());
    }

    @Test
    void aDomainThatDoesNotExistHasNoRoute() {
        NoticeRoute.NoRoute noRoute = assertThrows(NoticeRoute.NoRoute.class, () -> route.destinationsFor("someone@gone.example").get(0));

        assertTrue(noRoute.isPermanent());
        assertEquals("5.1.2", SmtpReply.parse(noRoute.reply()).enhancedStatus());
    }

    @Test
    void aDomainWithNeitherMxNorAddressHasNoRoute() throws Exception {
        dns.with("textonly.example. 300 IN TXT \"v=spf1 -all\"");

        NoticeRoute.NoRoute noRoute = assertThrows(NoticeRoute.NoRoute.class, () -> route.destinationsFor("someone@textonly.example").get(0));

        assertTrue(noRoute.isPermanent());
        assertEquals("5.1.2", SmtpReply.parse(noRoute.reply()).enhancedStatus());
    }

    @Test
    void aFailingDnsServerIsATemporaryFailureNotABounce() throws Exception {
        dns.failing("broken.example");

        NoticeRoute.NoRoute noRoute = assertThrows(NoticeRoute.NoRoute.class, () -> route.destinationsFor("someone@broken.example").get(0));

        assertFalse(noRoute.isPermanent());
        SmtpReply reply = SmtpReply.parse(noRoute.reply());
        assertEquals(451, reply.code());
        assertEquals("4.4.3", reply.enhancedStatus());
        assertFalse(reply.isPermanentFailure());
    }

    @Test
    void aDnsServerThatDoesNotAnswerIsATemporaryFailure() throws Exception {
        dns.silentFor("slow.example");

        NoticeRoute.NoRoute noRoute = assertThrows(NoticeRoute.NoRoute.class, () -> route.destinationsFor("someone@slow.example").get(0));

        assertFalse(noRoute.isPermanent());
        assertTrue(dns.queries() > 0, "the question reached the server");
    }

    @Test
    void anAddressLookupThatFailsAfterAnEmptyMxAnswerIsTemporaryToo() throws Exception {
        dns.with("half.example. 300 IN TXT \"no mx here\"").failing("half.example", "A", "AAAA");

        NoticeRoute.NoRoute noRoute = assertThrows(NoticeRoute.NoRoute.class, () -> route.destinationsFor("someone@half.example").get(0));

        assertFalse(noRoute.isPermanent());
    }

    @Test
    void severalDnsServersAreTriedInTurn() throws Exception {
        dns.with("sender.example. 300 IN MX 10 mx.sender.example.");
        try (DnsResponder deaf = DnsResponder.start().silentFor("sender.example")) {
            Resolver both = NoticeRoute.resolver(Optional.of("127.0.0.1:" + deaf.address().getPort()
                    + ", 127.0.0.1:" + dns.address().getPort()), Duration.ofMillis(500));

            assertEquals(smtp("mx.sender.example"), new NoticeRoute(Optional.empty(), both).destinationsFor("someone@sender.example").get(0));
        }
    }

    private static Destination smtp(String host) {
        return new Destination(host, 25);
    }
}
