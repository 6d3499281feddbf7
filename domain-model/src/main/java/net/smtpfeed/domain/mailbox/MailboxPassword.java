package net.smtpfeed.domain.mailbox;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Mailbox passwords: made at random and shown once, kept only as a PBKDF2 hash in Jakarta Security's format
 * ({@code algorithm:iterations:salt:hash}, Base64, as the portal's own users' hashes), and checked at POP3 login. Here
 * rather than in the container's Pbkdf2PasswordHash so that the relay's POP3 server and its tests need no CDI for it;
 * the format is the same, which a test holds it to with a hash the portal made.
 */
public final class MailboxPassword {

    /** The shortest password a customer may choose for a mailbox. */
    public static final int MINIMUM_LENGTH = 10;

    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int ITERATIONS = 210_000;
    private static final int SALT_BYTES = 32;
    private static final int KEY_BYTES = 32;
    private static final int GENERATED_LENGTH = 16;
    /** Letters and digits that cannot be mistaken for one another when read off a screen (no 0/O, 1/l/I). */
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private MailboxPassword() {
    }

    /** A new random password of 16 characters (about 92 bits). */
    public static String generate() {
        StringBuilder password = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    /**
     * The hash to keep for a password a person chose.
     *
     * @throws MailboxRefused if the password is shorter than {@link #MINIMUM_LENGTH}
     */
    public static String hashChosen(char[] password) {
        if (password == null || password.length < MINIMUM_LENGTH) {
            throw new MailboxRefused(MailboxRefused.Reason.PASSWORD_TOO_SHORT,
                    "a mailbox password needs at least " + MINIMUM_LENGTH + " characters");
        }
        return hash(password);
    }

    /** The hash to keep for a password; never the password itself. */
    public static String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder base64 = Base64.getEncoder();
        return ALGORITHM + ":" + ITERATIONS + ":" + base64.encodeToString(salt) + ":"
                + base64.encodeToString(derive(ALGORITHM, password, salt, ITERATIONS, KEY_BYTES));
    }

    /** Whether the password is the one the hash was made of; false for a hash it cannot read. */
    public static boolean matches(char[] password, String hash) {
        String[] parts = hash == null ? new String[0] : hash.split(":");
        if (parts.length != 4 || password == null) {
            return false;
        }
        try {
            Base64.Decoder base64 = Base64.getDecoder();
            byte[] expected = base64.decode(parts[3]);
            byte[] actual = derive(parts[0], password, base64.decode(parts[2]), Integer.parseInt(parts[1]), expected.length);
            return MessageDigest.isEqual(expected, actual);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] derive(String algorithm, char[] password, byte[] salt, int iterations, int keyBytes) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, keyBytes * 8);
        try {
            return SecretKeyFactory.getInstance(algorithm).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot derive a " + algorithm + " key", e);
        } finally {
            spec.clearPassword();
        }
    }
}
