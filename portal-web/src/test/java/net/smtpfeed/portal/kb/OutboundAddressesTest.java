package net.smtpfeed.portal.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class OutboundAddressesTest {

    @Test
    void theConfiguredListIsCommaSeparatedAndForgivesSpaces() {
        assertEquals(List.of("192.0.2.10", "2001:db8::25"), new OutboundAddresses(" 192.0.2.10 , 2001:db8::25,").list());
    }

    @Test
    void anArticleShowsEachAddressAsCodeWherePlaceholderStands() {
        assertEquals("<p>Allow <code>192.0.2.10</code>, <code>192.0.2.11</code> only.</p>",
                new OutboundAddresses("192.0.2.10,192.0.2.11").intoHtml("<p>Allow [[outbound-addresses]] only.</p>"));
    }

    @Test
    void anAddressIsEscapedWhereItIsWrittenIntoHtml() {
        assertEquals("<code>&lt;script&gt;</code>", new OutboundAddresses("<script>").intoHtml("[[outbound-addresses]]"));
    }

    @Test
    void aSearchExcerptNamesTheAddressesAsText() {
        assertEquals("Allow 192.0.2.10, 192.0.2.11 only.",
                new OutboundAddresses("192.0.2.10,192.0.2.11").intoText("Allow [[outbound-addresses]] only."));
    }
}
