package net.smtpfeed.domain.feed;

/** A feed's destination that the rules refuse, and why; nothing was changed. */
public class DestinationRefused extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final DestinationRules.Refusal refusal;

    public DestinationRefused(DestinationRules.Refusal refusal, String destination) {
        super("destination " + destination + " refused: " + refusal);
        this.refusal = refusal;
    }

    public DestinationRules.Refusal getRefusal() {
        return refusal;
    }
}
