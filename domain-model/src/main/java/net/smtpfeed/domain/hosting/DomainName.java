package net.smtpfeed.domain.hosting;

import java.util.Locale;
import java.util.regex.Pattern;

/** A DNS domain name in its canonical form: lower case, no trailing dot, syntax checked (RFC 1035 / 5321). */
public record DomainName(String value) {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    public DomainName {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a domain name: " + value);
        }
    }

    /** Canonicalises and checks a name as typed or as found in an address. */
    public static DomainName of(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no domain name");
        }
        String name = text.strip().toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        return new DomainName(name);
    }

    private static boolean isValid(String name) {
        if (name == null || name.isEmpty() || name.length() > 253) {
            return false;
        }
        String[] labels = name.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value;
    }
}
