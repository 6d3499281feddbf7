package net.smtpfeed.domain.feed;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.smtpfeed.domain.customer.Customer;
import net.smtpfeed.domain.hosting.Destination;
import net.smtpfeed.domain.hosting.DomainName;
import net.smtpfeed.domain.spam.SpamAction;
import net.smtpfeed.domain.spam.SpamLevel;
import net.smtpfeed.domain.spam.SpamPolicy;

/**
 * A feed request as the customer typed it, before it is one. Every field is checked at once, and each problem is
 * reported at its field, so that the customer can put all of them right in one go.
 *
 * @param port       null for the SMTP port
 * @param spamLevels the thresholds, actions and subject texts per level (Low, Med, High); looked at only when spam
 *                   checking is asked for; otherwise the request keeps the defaults, for the day it is switched on
 */
public record FeedApplication(String domainName, String address, Integer port, boolean greylisting,
                              boolean spamChecking, List<LevelChoice> spamLevels) {

    /** What the customer chose for one spam level. */
    public record LevelChoice(SpamLevel level, double threshold, SpamAction action, String subjectText) {
    }

    /** The fields of the form that a problem is shown at. */
    public enum Field {
        DOMAIN,
        ADDRESS,
        PORT,
        THRESHOLDS,
        LOW_TEXT,
        MED_TEXT,
        HIGH_TEXT;

        static Field subjectTextOf(SpamLevel level) {
            return valueOf(level.name() + "_TEXT");
        }
    }

    /** Problems of the typed values themselves; the others are {@link DomainClaim}s and {@link DestinationRules.Refusal}s. */
    public enum Invalid {
        NOT_A_DOMAIN_NAME,
        THRESHOLDS_NOT_RISING,
        SUBJECT_TEXT_INVALID
    }

    public FeedApplication {
        spamLevels = List.copyOf(spamLevels);
    }

    /**
     * @param claims who holds a domain, for the customer who applies
     * @return the problems by field, empty when the application may become a request
     */
    public Map<Field, Enum<?>> problems(DestinationRules destinations, Function<DomainName, DomainClaim> claims) {
        return check(destinations, claims).problems();
    }

    /**
     * @throws IllegalArgumentException when the application has {@link #problems}
     */
    public FeedRequest toRequest(Customer customer, DestinationRules destinations,
                                 Function<DomainName, DomainClaim> claims, String requestedBy, Instant now) {
        Checked checked = check(destinations, claims);
        if (!checked.problems().isEmpty()) {
            throw new IllegalArgumentException("feed application for " + domainName + ": " + checked.problems());
        }
        return new FeedRequest(customer, checked.domain(), checked.destination(), greylisting, spamChecking,
                checked.spamPolicy(), requestedBy, now);
    }

    private record Checked(Map<Field, Enum<?>> problems, DomainName domain, Destination destination,
                           SpamPolicy spamPolicy) {
    }

    private Checked check(DestinationRules destinations, Function<DomainName, DomainClaim> claims) {
        Map<Field, Enum<?>> problems = new EnumMap<>(Field.class);
        DomainName domain = null;
        try {
            domain = DomainName.of(domainName);
            DomainClaim claim = claims.apply(domain);
            if (claim != DomainClaim.FREE) {
                problems.put(Field.DOMAIN, claim);
            }
        } catch (IllegalArgumentException notADomain) {
            problems.put(Field.DOMAIN, Invalid.NOT_A_DOMAIN_NAME);
        }
        Destination destination = null;
        try {
            destination = destinations.check(address, port == null ? Destination.SMTP_PORT : port);
        } catch (DestinationRefused refused) {
            problems.put(refused.getRefusal() == DestinationRules.Refusal.PORT_OUT_OF_RANGE ? Field.PORT : Field.ADDRESS,
                    refused.getRefusal());
        }
        SpamPolicy policy = spamChecking ? spamPolicy(problems) : SpamPolicy.defaults();
        return new Checked(Collections.unmodifiableMap(problems), domain, destination, policy);
    }

    private SpamPolicy spamPolicy(Map<Field, Enum<?>> problems) {
        SpamPolicy policy = SpamPolicy.defaults();
        try {
            policy = policy.withThresholds(choice(SpamLevel.LOW).threshold(), choice(SpamLevel.MED).threshold(),
                    choice(SpamLevel.HIGH).threshold());
        } catch (IllegalArgumentException notRising) {
            problems.put(Field.THRESHOLDS, Invalid.THRESHOLDS_NOT_RISING);
        }
        for (LevelChoice choice : spamLevels) {
            policy = policy.withAction(choice.level(), choice.action());
            boolean textUnused = choice.action() != SpamAction.SUBJECT
                    && (choice.subjectText() == null || choice.subjectText().isBlank());
            if (textUnused) {
                continue;
            }
            try {
                policy = policy.withSubjectText(choice.level(), choice.subjectText());
            } catch (IllegalArgumentException invalid) {
                problems.put(Field.subjectTextOf(choice.level()), Invalid.SUBJECT_TEXT_INVALID);
            }
        }
        return policy;
    }

    private LevelChoice choice(SpamLevel level) {
        return spamLevels.stream().filter(c -> c.level() == level).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no choice for spam level " + level));
    }
}
