package net.smtpfeed.relay.filter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import net.smtpfeed.relay.metrics.RelayMeters;
import net.smtpfeed.relay.smtp.ContentInspection;
import net.smtpfeed.relay.smtp.Envelope;
import net.smtpfeed.relay.smtp.Inspection;
import net.smtpfeed.relay.smtp.SpooledMessage;
import org.subethamail.smtp.RejectException;

/**
 * The filters at the end of DATA, in their order: the mandatory virus scan first, which refuses what it cannot pass,
 * then the spam score for the domains that want one.
 */
@ApplicationScoped
public class ContentFilters implements ContentInspection {

    @Inject
    VirusInspection virusScan;

    @Inject
    SpamInspection spamCheck;

    @Inject
    RelayMeters meters;

    @Override
    public Inspection inspect(Envelope envelope, SpooledMessage message) throws RejectException {
        return Inspection.of(List.of(meters.timeFilter("virus_scan", () -> virusScan.scan(envelope, message))))
                .then(meters.timeFilter("spam_check", () -> spamCheck.inspect(envelope, message)));
    }
}
