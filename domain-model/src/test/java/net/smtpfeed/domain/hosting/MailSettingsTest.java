package net.smtpfeed.domain.hosting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.smtpfeed.domain.customer.Customer;
import net.smtpfeed.domain.spam.SpamAction;
import net.smtpfeed.domain.spam.SpamLevel;
import net.smtpfeed.domain.spam.SpamPolicy;
import org.junit.jupiter.api.Test;

class MailSettingsTest {

    @Test
    void theAuditLogNamesAndWritesEachSettingInTheOrderAPageListsThem() {
        MailSettings settings = new MailSettings(true, false, SpamPolicy.defaults()
                .withThresholds(2.5, 6.0, 12.0).withAction(SpamLevel.HIGH, SpamAction.HEADER));

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("greylisting", "on");
        expected.put("spam.checking", "off");
        expected.put("spam.low.threshold", "2.5");
        expected.put("spam.low.action", "SUBJECT");
        expected.put("spam.low.subject", "[SPAM: low] ");
        expected.put("spam.med.threshold", "6.0");
        expected.put("spam.med.action", "SUBJECT");
        expected.put("spam.med.subject", "[SPAM: med] ");
        expected.put("spam.high.threshold", "12.0");
        expected.put("spam.high.action", "HEADER");
        expected.put("spam.high.subject", "[SPAM: high] ");
        assertEquals(expected, settings.auditValues());
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(settings.auditValues().keySet()));
    }

    @Test
    void aDomainTakesNewSettingsAsAWhole() {
        HostedDomain domain = HostedDomain.feed(DomainName.of("customer.example"),
                new Customer("Customer Example Ltd", Instant.EPOCH), new Destination("192.0.2.25", 25), Instant.EPOCH);
        MailSettings wanted = new MailSettings(false, true, SpamPolicy.defaults().withAction(SpamLevel.MED, SpamAction.DELETE));

        domain.changeMailSettings(wanted);

        assertEquals(wanted, domain.getMailSettings());
        assertEquals(SpamAction.DELETE, domain.getSpamPolicy().actionFor(SpamLevel.MED));
    }
}
