package net.smtpfeed.portal.quarantine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class QuarantineFeedbackTest {

    private final QuarantineFeedback feedback = new QuarantineFeedback(
            ResourceBundle.getBundle("net.smtpfeed.portal.i18n.messages", Locale.ENGLISH), Locale.ENGLISH);

    @Test
    void aReleaseSaysWhichMessageGoesOutNowAndHowItIsMarked() {
        assertEquals("Released the message from promo@shop.example to alice@customer.example: it is being delivered "
                        + "now, marked with X-Spam headers.",
                feedback.released("promo@shop.example", "alice@customer.example"));
    }

    @Test
    void aCopyThatWentMeanwhileIsNamedAsNoLongerInQuarantine() {
        assertEquals("The message from <> to alice@customer.example is no longer in quarantine: it was released or "
                        + "purged in the meantime.",
                feedback.gone("<>", "alice@customer.example"));
    }
}
