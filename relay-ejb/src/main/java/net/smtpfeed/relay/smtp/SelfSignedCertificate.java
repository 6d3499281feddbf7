package net.smtpfeed.relay.smtp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * Makes an RSA key and a self-signed X.509 certificate for one host name with the JDK alone. The JDK can sign but has
 * no public API to build a certificate (keytool's classes are internal), so the few DER structures of RFC 5280 are
 * written here. Sending MTAs do not verify a relay's certificate, so this is enough for opportunistic STARTTLS.
 */
final class SelfSignedCertificate {

    private static final Duration VALIDITY = Duration.ofDays(3650);
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] SHA256_WITH_RSA = HEX.parseHex("300d06092a864886f70d01010b0500");
    private static final byte[] COMMON_NAME = HEX.parseHex("0603550403");
    private static final byte[] SUBJECT_ALT_NAME = HEX.parseHex("0603551d11");
    private static final int SEQUENCE = 0x30;
    private static final int SET = 0x31;
    private static final int INTEGER = 0x02;
    private static final int BIT_STRING = 0x03;
    private static final int OCTET_STRING = 0x04;
    private static final int UTF8_STRING = 0x0c;
    private static final int UTC_TIME = 0x17;
    private static final int GENERALIZED_TIME = 0x18;
    private static final int DNS_NAME = 0x82;
    private static final int VERSION = 0xa0;
    private static final int EXTENSIONS = 0xa3;

    private SelfSignedCertificate() {
    }

    static KeyStore.PrivateKeyEntry create(String hostName) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        byte[] name = der(SEQUENCE, der(SET, der(SEQUENCE, COMMON_NAME, der(UTF8_STRING, utf8(hostName)))));
        Instant now = Instant.now();
        byte[] toBeSigned = der(SEQUENCE,
                der(VERSION, der(INTEGER, new byte[] {2})),
                der(INTEGER, new BigInteger(127, new SecureRandom()).add(BigInteger.ONE).toByteArray()),
                SHA256_WITH_RSA,
                name,
                der(SEQUENCE, time(now.minus(Duration.ofDays(1))), time(now.plus(VALIDITY))),
                name,
                keys.getPublic().getEncoded(),
                der(EXTENSIONS, der(SEQUENCE, der(SEQUENCE, SUBJECT_ALT_NAME,
                        der(OCTET_STRING, der(SEQUENCE, der(DNS_NAME, utf8(hostName))))))));
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(keys.getPrivate());
        signer.update(toBeSigned);
        byte[] signature = signer.sign();
        byte[] bitString = new byte[signature.length + 1];
        System.arraycopy(signature, 0, bitString, 1, signature.length);
        byte[] certificate = der(SEQUENCE, toBeSigned, SHA256_WITH_RSA, der(BIT_STRING, bitString));
        Certificate parsed = CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(certificate));
        return new KeyStore.PrivateKeyEntry(keys.getPrivate(), new Certificate[] {parsed});
    }

    /** RFC 5280 section 4.1.2.5: UTCTime up to 2049, GeneralizedTime from 2050. */
    private static byte[] time(Instant instant) {
        ZonedDateTime utc = instant.atZone(ZoneOffset.UTC);
        return utc.getYear() < 2050
                ? der(UTC_TIME, utf8(DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").format(utc)))
                : der(GENERALIZED_TIME, utf8(DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").format(utc)));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** One DER element: its tag, its length in the shortest form, and its content. */
    private static byte[] der(int tag, byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            content.writeBytes(part);
        }
        ByteArrayOutputStream element = new ByteArrayOutputStream();
        element.write(tag);
        int length = content.size();
        if (length < 0x80) {
            element.write(length);
        } else {
            byte[] lengthBytes = BigInteger.valueOf(length).toByteArray();
            int skip = lengthBytes[0] == 0 ? 1 : 0;
            element.write(0x80 | (lengthBytes.length - skip));
            element.write(lengthBytes, skip, lengthBytes.length - skip);
        }
        element.writeBytes(content.toByteArray());
        return element.toByteArray();
    }
}
