package net.smtpfeed.relay.filter;

import java.util.Objects;

/** What a virus scanner found: nothing, or the name of what it found. */
public record ScanVerdict(String virusName) {

    public static final ScanVerdict CLEAN = new ScanVerdict(null);

    public static ScanVerdict infected(String virusName) {
        return new ScanVerdict(Objects.requireNonNull(virusName));
    }

    public boolean isInfected() {
        return virusName != null;
    }
}
