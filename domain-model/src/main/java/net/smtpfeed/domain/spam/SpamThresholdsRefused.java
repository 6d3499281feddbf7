package net.smtpfeed.domain.spam;

/** A customer's spam thresholds were not taken; nothing was changed. Carries what a page needs to say why. */
public class SpamThresholdsRefused extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** A threshold the customer changed lies outside the bounds staff set. */
        OUTSIDE_BOUNDS,
        /** The thresholds do not rise from Low over Med to High. */
        NOT_RISING
    }

    private final Reason reason;
    private final SpamThresholdBounds bounds;

    public SpamThresholdsRefused(Reason reason, SpamThresholdBounds bounds, double low, double med, double high) {
        super("spam thresholds low " + low + ", med " + med + ", high " + high + " refused: " + reason + " (bounds "
                + bounds.min() + " to " + bounds.max() + ")");
        this.reason = reason;
        this.bounds = bounds;
    }

    public Reason getReason() {
        return reason;
    }

    public SpamThresholdBounds getBounds() {
        return bounds;
    }
}
