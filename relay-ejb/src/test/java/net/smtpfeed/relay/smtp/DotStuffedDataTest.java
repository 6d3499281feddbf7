package net.smtpfeed.relay.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.subethamail.smtp.internal.io.DotTerminatedInputStream;
import org.subethamail.smtp.internal.io.DotUnstuffingInputStream;

/** DotStuffedData reads what SubEthaSMTP's streams, which it replaces, read, and leaves the input where they leave it. */
class DotStuffedDataTest {

    private static final int CASES = 30_000;
    /** Read sizes mixed into a reading; 0 stands for read() of one byte. */
    private static final int[] READ_SIZES = {0, 1, 2, 3, 7, 16 * 1024};
    /** Pieces of lines: dots where they may be stuffed or end the message, and bare CRs and LFs where they may not. */
    private static final List<String> PIECES = List.of("", ".", "..", "...", "a", "Subject: x", "\r", "\n", ".\r", ".\n",
            "\r\n", "\r\n.", "\u00ff");
    private static final List<String> RESTS = List.of("", "QUIT\r\n", "RSET\r\nMAIL FROM:<a@example.org>\r\n", ".\r\n",
            "..\r\n.\r\n");
    /** Final dots after plain text, a stuffed dot, a stuffed dot's CR, a lone dot's line, and a bare LF. */
    private static final List<String> ENDINGS = List.of("\r\n.\r\nQUIT\r\n", "\r\n..x\r\n.\r\nQUIT\r\n",
            "\r\n.\rx\r\n.\r\nQUIT\r\n", "\r\n..\r\n.\r\n.\r\n", "\n.\r\n\r\n.\r\nQUIT\r\n");

    @Test
    void aDotStuffedLineArrivesUnstuffed() throws IOException {
        assertEquals(new Outcome("Subject: x\r\n\r\n.leading dot\r\n..two\r\n", ""),
                read("Subject: x\r\n\r\n..leading dot\r\n...two\r\n.\r\n"));
    }

    @Test
    void aStuffedFirstLineIsUnstuffedToo() throws IOException {
        // SubEthaSMTP's DotUnstuffingInputStream left the first line's dot; RFC 5321 section 4.5.2 does not.
        assertEquals(new Outcome(".first\r\n", ""), read("..first\r\n.\r\n"));
    }

    @Test
    void aMessageOfOnlyTheFinalDotIsEmpty() throws IOException {
        assertEquals(new Outcome("", ""), read(".\r\n"));
    }

    @Test
    void whatFollowsTheFinalDotIsLeftForTheSessionsNextCommands() throws IOException {
        assertEquals(new Outcome("body\r\n", "QUIT\r\n"), read("body\r\n.\r\nQUIT\r\n"));
    }

    @Test
    void onlyCrLfEndsALineSoADotAfterABareLfOrCrIsContent() throws IOException {
        assertEquals(new Outcome("a\n.\r\nb\r.\r\n.c\n..\r\n", ""), read("a\n.\r\nb\r.\r\n..c\n..\r\n.\r\n"));
    }

    @Test
    void anInputThatEndsBeforeTheFinalDotThrowsEofAsSubEthaSmtpsDoes() {
        for (String cut : List.of("body\r\n", "body\r\n.", "body\r\n.\r", "")) {
            InputStream data = new DotStuffedData(new BufferedInputStream(latin1(cut)));
            assertThrows(EOFException.class, data::readAllBytes, cut);
        }
    }

    @Test
    void readsWhatSubEthaSmtpsStreamsReadAndLeavesTheSameRestInTheInput() throws IOException {
        SplittableRandom random = new SplittableRandom(22);
        for (int i = 0; i < CASES; i++) {
            String input = randomInput(random);
            int chunkSize = random.nextInt(4) == 0 ? DotStuffedData.CHUNK_SIZE : 1 + random.nextInt(9);
            int bufferSize = 1 + random.nextInt(16);
            int[] sizes = random.nextBoolean() ? READ_SIZES : new int[] {READ_SIZES[random.nextInt(READ_SIZES.length)]};
            SplittableRandom reads = random.split();
            assertSameAsSubEthaSmtp(input, chunkSize, bufferSize, () -> sizes[reads.nextInt(sizes.length)]);
        }
    }

    @Test
    void theFinalDotIsFoundWhereverItFallsAgainstTheChunks() throws IOException {
        for (int chunkSize = 1; chunkSize <= 8; chunkSize++) {
            for (int padding = 0; padding <= 2 * chunkSize + 3; padding++) {
                for (String ending : ENDINGS) {
                    assertSameAsSubEthaSmtp("x".repeat(padding) + ending, chunkSize, 16, () -> 16 * 1024);
                }
            }
        }
    }

    private static String randomInput(SplittableRandom random) {
        StringBuilder input = new StringBuilder();
        if (random.nextBoolean()) {
            for (int lines = random.nextInt(6); lines > 0; lines--) {
                for (int pieces = random.nextInt(4); pieces > 0; pieces--) {
                    input.append(PIECES.get(random.nextInt(PIECES.size())));
                }
                input.append(random.nextInt(8) == 0 ? "\n" : "\r\n");
            }
        } else {
            for (int bytes = random.nextInt(24); bytes > 0; bytes--) {
                input.append(".\r\na".charAt(random.nextInt(4)));
            }
        }
        // Now and then without the final dot, or with only the start of its line: the input may end before the message.
        int end = random.nextInt(10);
        input.append(end == 0 ? "" : end == 1 ? ".\r" : ".\r\n");
        return input.append(RESTS.get(random.nextInt(RESTS.size()))).toString();
    }

    private static void assertSameAsSubEthaSmtp(String input, int chunkSize, int bufferSize, IntSupplier readSizes)
            throws IOException {
        assertEquals(subEthaSmtp(input, bufferSize), dotStuffedData(input, chunkSize, bufferSize, readSizes),
                () -> "input " + input.replace("\r", "\\r").replace("\n", "\\n") + ", chunks of " + chunkSize
                        + ", a buffer of " + bufferSize);
    }

    /**
     * What SubEthaSMTP's streams read, given a line end before the input and read without it: its
     * DotUnstuffingInputStream does not take the first line for a line start, as DotStuffedData does.
     */
    private static Outcome subEthaSmtp(String input, int bufferSize) throws IOException {
        BufferedInputStream in = new BufferedInputStream(new SequenceInputStream(latin1("\r\n"), latin1(input)), bufferSize);
        InputStream data = new DotUnstuffingInputStream(new DotTerminatedInputStream(in));
        try {
            String message = new String(data.readAllBytes(), StandardCharsets.ISO_8859_1);
            return new Outcome(message.substring(2), new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
        } catch (EOFException e) {
            return Outcome.ENDED_EARLY;
        }
    }

    private static Outcome dotStuffedData(String input, int chunkSize, int bufferSize, IntSupplier readSizes)
            throws IOException {
        BufferedInputStream in = new BufferedInputStream(latin1(input), bufferSize);
        InputStream data = new DotStuffedData(in, chunkSize);
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        try {
            while (readOnce(data, readSizes.getAsInt(), message)) {
                // until the end of the message
            }
        } catch (EOFException e) {
            return Outcome.ENDED_EARLY;
        }
        assertEquals(-1, data.read(), "the end, once reached, stays");
        return new Outcome(message.toString(StandardCharsets.ISO_8859_1),
                new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
    }

    /** Reads once, with read() for size 0 and into the middle of a buffer otherwise; false at the end. */
    private static boolean readOnce(InputStream data, int size, ByteArrayOutputStream message) throws IOException {
        if (size == 0) {
            int b = data.read();
            if (b != -1) {
                message.write(b);
            }
            return b != -1;
        }
        byte[] buffer = new byte[size + 2];
        int n = data.read(buffer, 1, size);
        if (n != -1) {
            message.write(buffer, 1, n);
        }
        return n != -1;
    }

    private static Outcome read(String input) throws IOException {
        return dotStuffedData(input, DotStuffedData.CHUNK_SIZE, 8192, () -> 16 * 1024);
    }

    private static InputStream latin1(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The message read, and what was left in the input for the session's next commands. */
    private record Outcome(String message, String rest) {
        static final Outcome ENDED_EARLY = new Outcome(null, null);
    }
}
