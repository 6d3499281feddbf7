package net.smtpfeed.domain.spam;

/**
 * The range staff let customers move their spam thresholds in (smtpfeed.spam.threshold-min and -max), so that a
 * customer cannot, say, tag every message as spam from 0.1 points or switch spam checking off by a threshold of 100.
 */
public record SpamThresholdBounds(double min, double max) {

    public SpamThresholdBounds {
        if (!(min > 0 && min < max && max <= SpamPolicy.MAX_THRESHOLD)) {
            throw new IllegalArgumentException("spam threshold bounds must satisfy 0 < min < max <= "
                    + SpamPolicy.MAX_THRESHOLD + ", not min " + min + ", max " + max);
        }
    }

    public boolean admits(double threshold) {
        return threshold >= min && threshold <= max;
    }

    /**
     * The policy with the thresholds a customer asked for. Each threshold they changed must lie within the bounds; one
     * left as it was may stay outside them (staff may have narrowed the bounds since), so that the customer can still
     * change their actions. The thresholds must rise from Low to High in any case.
     *
     * @throws SpamThresholdsRefused when a changed threshold is outside the bounds, or they do not rise
     */
    public SpamPolicy withThresholds(SpamPolicy policy, double low, double med, double high) {
        if (outside(policy, SpamLevel.LOW, low) || outside(policy, SpamLevel.MED, med)
                || outside(policy, SpamLevel.HIGH, high)) {
            throw new SpamThresholdsRefused(SpamThresholdsRefused.Reason.OUTSIDE_BOUNDS, this, low, med, high);
        }
        if (!(low < med && med < high)) {
            throw new SpamThresholdsRefused(SpamThresholdsRefused.Reason.NOT_RISING, this, low, med, high);
        }
        return policy.withThresholds(low, med, high);
    }

    private boolean outside(SpamPolicy policy, SpamLevel level, double wanted) {
        return Double.compare(wanted, policy.threshold(level)) != 0 && !admits(wanted);
    }
}
