package net.smtpfeed.portal.format;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the portal writes points in time: always in UTC, the zone of the relay's logs and of support. */
@Named
@ApplicationScoped
public class Times {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    public String date(Instant instant) {
        return DATE.format(instant);
    }

    public String dateTime(Instant instant) {
        return DATE_TIME.format(instant);
    }
}
