package net.smtpfeed.domain.greylist;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * What greylisting remembers of an attempt: the client's network, the envelope sender ("" for the null sender) and
 * one recipient, lower-cased so that a retry spelled differently is the same triplet.
 */
public record Triplet(ClientNetwork network, String sender, String recipient) {

    public Triplet {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(sender, "sender (use \"\" for the null sender)");
        Objects.requireNonNull(recipient, "recipient");
    }

    /** @throws IllegalArgumentException when clientAddress is not an IP address literal */
    public static Triplet of(String clientAddress, String sender, String recipient) {
        return new Triplet(ClientNetwork.of(clientAddress),
                sender == null ? "" : sender.strip().toLowerCase(Locale.ROOT),
                Objects.requireNonNull(recipient, "recipient").strip().toLowerCase(Locale.ROOT));
    }

    /**
     * Hex SHA-256 of network, sender and recipient joined by newlines: the database's unique key for the triplet (the
     * triplet itself is too long for a MySQL index). A newline cannot occur in an SMTP path, so no two triplets share
     * the hashed text.
     */
    public String hash() {
        String text = network.value() + "\n" + sender + "\n" + recipient;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
