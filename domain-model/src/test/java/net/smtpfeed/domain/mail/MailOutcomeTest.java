package net.smtpfeed.domain.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import net.smtpfeed.domain.spam.SpamLevel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class MailOutcomeTest {

    @ParameterizedTest(name = "{0} without a spam level is {1}")
    @CsvSource({"DELIVERED, DELIVERED", "DEFERRED, DEFERRED", "EXPIRED, DEFERRED"})
    void aCopyWithoutASpamLevelCountsByWhereItsDeliveryStands(DeliveryState state, MailOutcome outcome) {
        assertEquals(Optional.of(outcome), MailOutcome.ofCopy(state, null));
        assertEquals(Optional.of(outcome), MailOutcome.ofCopy(state, SpamLevel.NONE));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DeliveryState.class, names = {"QUEUED", "DELIVERING", "BOUNCED", "DISCARDED"})
    void aCopyOnItsFirstWayOrRefusedByTheCustomersServerIsNotCounted(DeliveryState state) {
        assertEquals(Optional.empty(), MailOutcome.ofCopy(state, null));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DeliveryState.class)
    void aCopyWithASpamLevelCountsAsSpamOfThatLevelWhereverItsDeliveryStands(DeliveryState state) {
        assertEquals(Optional.of(MailOutcome.SPAM_LOW), MailOutcome.ofCopy(state, SpamLevel.LOW));
        assertEquals(Optional.of(MailOutcome.SPAM_MED), MailOutcome.ofCopy(state, SpamLevel.MED));
        assertEquals(Optional.of(MailOutcome.SPAM_HIGH), MailOutcome.ofCopy(state, SpamLevel.HIGH));
    }
}
