package net.smtpfeed.relay.filter;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import net.smtpfeed.domain.spam.SpamScore;

/**
 * The embedded spam engine for a machine without spamd or rspamd: a handful of well-known heuristics on the headers
 * and the text, each a {@link SpamRule} with points on SpamAssassin's scale (the table is in {@link BuiltInSpamRules}).
 * A message is read once, as a stream, and never held whole: only its headers and a bounded share of each text part
 * are kept ({@link MessageFactsReader}), so a message with a 50 MB attachment costs no more heap than a short one.
 */
public final class BuiltInSpamEngine implements SpamEngine {

    /** The Generic Test for Unsolicited Bulk Email: SpamAssassin, rspamd and this engine all score it as spam. */
    public static final String GTUBE = "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X";

    private final List<SpamRule> rules;
    private final Clock clock;

    public BuiltInSpamEngine() {
        this(Clock.systemUTC());
    }

    /** @param clock the time a message is scored at, for its Date's sake */
    BuiltInSpamEngine(Clock clock) {
        this.rules = BuiltInSpamRules.ALL;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String engine() {
        return "built-in";
    }

    @Override
    public SpamScore score(ScannableMessage message) throws SpamEngineUnavailable {
        MessageFacts facts;
        try (InputStream raw = message.open()) {
            facts = MessageFactsReader.read(raw, clock.instant());
        } catch (IOException e) {
            throw new SpamEngineUnavailable("the message could not be read for scoring: " + e.getMessage(), e);
        }
        double points = 0;
        List<String> fired = new ArrayList<>();
        for (SpamRule rule : rules) {
            if (rule.matches(facts)) {
                points += rule.points();
                fired.add(rule.name());
            }
        }
        // sums of tenths in binary floating point: 3.9, not 3.9000000000000004
        return new SpamScore(Math.round(points * 1000) / 1000.0, fired);
    }
}
