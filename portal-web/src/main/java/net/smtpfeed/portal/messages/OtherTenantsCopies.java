package net.smtpfeed.portal.messages;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The copies of a message that went to other customers' domains, as the timeline names them. A message for several
 * customers has one timeline, and a line about one copy starts with its recipient or its domain: DELIVERY
 * "alice@a.example via ...", GREYLIST "alice@a.example: ...", QUARANTINE "alice@a.example released by ...",
 * SPAM_ACTION "a.example: ...". A customer sees no line that starts with another customer's recipient or domain.
 */
final class OtherTenantsCopies {

    private final List<String> names;

    /** @param names the recipients and the domain names of the copies that are not the customer's */
    OtherTenantsCopies(Collection<String> names) {
        this.names = names.stream().map(n -> n.toLowerCase(Locale.ROOT)).distinct().toList();
    }

    /** Whether a timeline line with this detail is about one of those copies. */
    boolean named(String detail) {
        if (detail == null) {
            return false;
        }
        String text = detail.toLowerCase(Locale.ROOT);
        return names.stream().anyMatch(name -> text.startsWith(name)
                && (text.length() == name.length() || text.charAt(name.length()) == ' ' || text.charAt(name.length()) == ':'));
    }
}
