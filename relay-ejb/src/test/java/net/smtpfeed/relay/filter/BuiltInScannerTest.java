package net.smtpfeed.relay.filter;

import static net.smtpfeed.relay.filter.TestMessages.eicar;
import static net.smtpfeed.relay.filter.TestMessages.file;
import static net.smtpfeed.relay.filter.TestMessages.forwarding;
import static net.smtpfeed.relay.filter.TestMessages.plainText;
import static net.smtpfeed.relay.filter.TestMessages.scannable;
import static net.smtpfeed.relay.filter.TestMessages.withAttachments;
import static net.smtpfeed.relay.filter.TestMessages.zip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;

import org.junit.jupiter.api.Test;

class BuiltInScannerTest {

    private static final String EICAR_TEXT = new String(eicar(), StandardCharsets.US_ASCII);
    private static final byte[] HARMLESS_PDF = "%PDF-1.4\n% an invoice, nothing more\n".getBytes(StandardCharsets.US_ASCII);

    private final BuiltInScanner scanner = new BuiltInScanner(Set.of());

    @Test
    void findsEicarAsThePlainTextOfAMessage() throws Exception {
        ScanVerdict verdict = scanner.scan(scannable(plainText(EICAR_TEXT + "\r\n")));

        assertEquals(ScanVerdict.infected("Eicar-Test-Signature"), verdict);
    }

    @Test
    void findsEicarInABase64Attachment() throws Exception {
        ScanVerdict verdict = scanner.scan(scannable(withAttachments(file("eicar.com", eicar()))));

        assertEquals(ScanVerdict.infected("Eicar-Test-Signature"), verdict);
    }

    @Test
    void findsEicarInAQuotedPrintablePartWithTrailingWhitespace() throws Exception {
        String raw = """
                From: sender@example.org
                To: customer@customer.example
                Subject: test file
                MIME-Version: 1.0
                Content-Type: text/plain; charset=us-ascii
                Content-Transfer-Encoding: quoted-printable

                %s=20=20
                """.formatted(EICAR_TEXT.replace("=", "=3D"));

        assertEquals(ScanVerdict.infected("Eicar-Test-Signature"), scanner.scan(scannable(raw)));
    }

    @Test
    void findsEicarInsideAZipAttachment() throws Exception {
        ScanVerdict verdict = scanner.scan(scannable(withAttachments(
                zip("invoice.zip", file("invoice.pdf", HARMLESS_PDF), file("eicar.com", eicar())))));

        assertEquals(ScanVerdict.infected("Eicar-Test-Signature"), verdict);
    }

    @Test
    void findsEicarInsideAZipInsideAZip() throws Exception {
        TestMessages.Attachment inner = zip("inner.zip", file("eicar.com", eicar()));

        ScanVerdict verdict = scanner.scan(scannable(withAttachments(zip("outer.zip", inner))));

        assertEquals(ScanVerdict.infected("Eicar-Test-Signature"), verdict);
    }

    @Test
    void findsEicarInAForwardedMessage() throws Exception {
        ScanVerdict verdict = scanner.scan(scannable(forwarding(withAttachments(zip("a.zip", file("e.com", eicar()))))));

        assertEquals(ScanVerdict.infected("Eicar-Test-Signature"), verdict);
    }

    @Test
    void eicarInTheMiddleOfAFileIsNotTheTestFile() throws Exception {
        byte[] quoted = ("Our scanner should catch this string: " + EICAR_TEXT).getBytes(StandardCharsets.US_ASCII);

        assertEquals(ScanVerdict.CLEAN, scanner.scan(scannable(withAttachments(file("note.txt", quoted)))));
    }

    @Test
    void findsAnAttachmentAndAZipEntryWhoseSha256IsListed() throws Exception {
        byte[] malware = "pretend this is a known trojan".getBytes(StandardCharsets.US_ASCII);
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(malware));
        BuiltInScanner listing = new BuiltInScanner(Set.of(digest.toUpperCase()));
        ScanVerdict expected = ScanVerdict.infected("SHA256:" + digest.substring(0, 16));

        assertEquals(expected, listing.scan(scannable(withAttachments(file("setup.exe", malware)))));
        assertEquals(expected, listing.scan(scannable(withAttachments(zip("setup.zip", file("setup.exe", malware))))));
        assertEquals(ScanVerdict.CLEAN, listing.scan(scannable(withAttachments(file("invoice.pdf", HARMLESS_PDF)))));
    }

    @Test
    void aMultipartMessageWithAHarmlessZipIsClean() throws Exception {
        ScanVerdict verdict = scanner.scan(scannable(withAttachments(
                file("invoice.pdf", HARMLESS_PDF),
                zip("reports.zip", file("q1.txt", "revenue up".getBytes(StandardCharsets.US_ASCII)),
                        zip("old.zip", file("q4.txt", "revenue down".getBytes(StandardCharsets.US_ASCII)))))));

        assertEquals(ScanVerdict.CLEAN, verdict);
    }

    @Test
    void aZipBombIsInflatedOnlyUpToTheBudgetAndThePartsAfterItAreStillScanned() {
        // 16 archives of 16 entries of 16 MB of zeros: 4 GB inflated from under 1 MB of attachment
        byte[] sixteenMegabytesOfZeros = new byte[16 * 1024 * 1024];
        TestMessages.Attachment[] zeros = new TestMessages.Attachment[16];
        Arrays.setAll(zeros, i -> file("zeros-" + i + ".bin", sixteenMegabytesOfZeros));
        TestMessages.Attachment layer = zip("layer.zip", zeros);
        TestMessages.Attachment[] layers = new TestMessages.Attachment[16];
        Arrays.setAll(layers, i -> new TestMessages.Attachment("layer-" + i + ".zip", "application/zip", layer.content()));
        ScannableMessage bombThenEicar = scannable(withAttachments(zip("bomb.zip", layers), file("eicar.com", eicar())));
        BuiltInScanner scannerWithListedHashes = new BuiltInScanner(Set.of("00".repeat(32)), 64L * 1024 * 1024);

        ScanVerdict verdict = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> scannerWithListedHashes.scan(bombThenEicar));

        assertEquals(ScanVerdict.infected("Eicar-Test-Signature"), verdict);
    }

    @Test
    void aPartThatDoesNotDecodeIsScannedAsItStands() throws Exception {
        String raw = """
                From: sender@example.org
                Subject: broken
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b1"

                --b1
                Content-Type: application/octet-stream
                Content-Transfer-Encoding: base64

                %s
                --b1--
                """.formatted(EICAR_TEXT);

        assertEquals(ScanVerdict.infected("Eicar-Test-Signature"), scanner.scan(scannable(raw)));
    }

    @Test
    void malformedMimeIsScannedWithoutCrashing() throws Exception {
        String multipartWithoutBoundary = """
                From: sender@example.org
                MIME-Version: 1.0
                Content-Type: multipart/mixed

                --nowhere
                Content-Type: text/plain

                hello
                """;
        String truncatedMultipartAndZip = """
                From: sender@example.org
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b1"

                --b1
                Content-Type: application/zip
                Content-Transfer-Encoding: base64

                UEsDBBQACAgIAAAAAAAAAAAAAAAAAAAAAAAIAAAAZWljYXIu
                """;
        String nonsense = "\u0000\u00ff not a message at all\n\n--\n";

        for (String raw : new String[] {multipartWithoutBoundary, truncatedMultipartAndZip, nonsense}) {
            assertFalse(scanner.scan(scannable(raw)).isInfected(), raw);
        }
    }

    @Test
    void aLargeMessageIsScannedFromAFileWithItsAttachmentsDecoded() throws Exception {
        byte[] twoMegabytes = new byte[2 * 1024 * 1024];
        new java.util.Random(7).nextBytes(twoMegabytes);

        ScanVerdict verdict = scanner.scan(scannable(withAttachments(
                file("holiday.jpg", twoMegabytes), zip("eicar.zip", file("eicar.com", eicar())))));

        assertEquals(ScanVerdict.infected("Eicar-Test-Signature"), verdict);
    }
}
