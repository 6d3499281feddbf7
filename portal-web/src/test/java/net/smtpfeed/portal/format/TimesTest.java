package net.smtpfeed.portal.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TimesTest {

    private final Times times = new Times();
    private TimeZone systemZone;

    @BeforeEach
    void runFarFromUtc() {
        systemZone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Auckland"));
    }

    @AfterEach
    void restoreZone() {
        TimeZone.setDefault(systemZone);
    }

    @Test
    void aDateIsTheUtcDayWhateverTheServersZone() {
        assertEquals("2024-03-11", times.date(Instant.parse("2024-03-11T23:30:00Z")));
    }

    @Test
    void aDateTimeIsUtcToTheSecond() {
        assertEquals("2026-11-20 14:05:09", times.dateTime(Instant.parse("2026-11-20T14:05:09.750Z")));
    }
}
