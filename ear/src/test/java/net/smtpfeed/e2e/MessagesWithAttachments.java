package net.smtpfeed.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Messages as a sending server would pass them on, with a file zipped and attached. */
final class MessagesWithAttachments {

    private MessagesWithAttachments() {
    }

    /** The EICAR test file, joined at run time so that no class or source file here is itself taken for a virus. */
    static String eicar() {
        return String.join("", "X5O!P%@AP[4\\PZX54(P^)7CC)7}$", "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*");
    }

    static String withZippedAttachment(String fileName, String content) throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry(fileName));
            out.write(content.getBytes(StandardCharsets.US_ASCII));
            out.closeEntry();
        }
        String attachment = Base64.getMimeEncoder().encodeToString(zip.toByteArray());
        return "From: Sender <sender@elsewhere.example>\r\nSubject: the file you asked for\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nSee the attachment.\r\n"
                + "--b1\r\nContent-Type: application/zip; name=\"files.zip\"\r\nContent-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: attachment; filename=\"files.zip\"\r\n\r\n" + attachment + "\r\n--b1--\r\n";
    }
}
