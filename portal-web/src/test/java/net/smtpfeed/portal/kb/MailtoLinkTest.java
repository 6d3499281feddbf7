package net.smtpfeed.portal.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MailtoLinkTest {

    @Test
    void subjectAndTextArePercentEncodedWithSpacesAsPercent20() {
        assertEquals("mailto:?subject=Spam%20levels%20%26%20actions%3A%20Gr%C3%BC%C3%9Fe"
                        + "&body=http%3A%2F%2Fportal.example%2Fkb%2Farticle.xhtml%3Fid%3D67",
                MailtoLink.of("Spam levels & actions: Grüße", "http://portal.example/kb/article.xhtml?id=67"));
    }

    @Test
    void theAddresseeKeepsTheirAtSignAndHasTheRestEncoded() {
        assertEquals("mailto:ines%2Bportal@customer.example?subject=Welcome&body=Hello%20Ines",
                MailtoLink.to("ines+portal@customer.example", "Welcome", "Hello Ines"));
    }
}
