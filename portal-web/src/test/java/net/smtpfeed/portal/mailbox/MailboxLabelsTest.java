package net.smtpfeed.portal.mailbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Stream;
import net.smtpfeed.domain.mailbox.MailboxRefused;
import net.smtpfeed.domain.mailbox.StoredMailDisposal;
import org.junit.jupiter.api.Test;

/** The mailbox pages look labels up by the name of a refusal or a disposal: every one that can reach a page has its label. */
class MailboxLabelsTest {

    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("net.smtpfeed.portal.i18n.messages",
            Locale.ENGLISH);

    @Test
    void everyRefusedChangeOfAMailboxIsExplained() {
        assertEquals(List.of(), missing(Stream.of(MailboxRefused.Reason.values()).map(r -> "mailboxes.refused." + r.name())));
    }

    @Test
    void everyChoiceForTheMailLeftInTheMailboxesIsNamed() {
        assertEquals(List.of(), missing(Stream.of(StoredMailDisposal.values()).map(d -> "mailboxes.disposal." + d.name())));
    }

    private static List<String> missing(Stream<String> keys) {
        return keys.filter(key -> !BUNDLE.containsKey(key)).toList();
    }
}
