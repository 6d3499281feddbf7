package net.smtpfeed.e2e;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import net.smtpfeed.relay.testing.Pop3Conversation;
import org.eclipse.angus.mail.pop3.POP3Folder;

/**
 * Real POP3 clients against the deployed relay's mailboxes: Jakarta Mail's POP3 store and Debian's fetchmail, both
 * over STLS (the relay's certificate is self-signed: not checked), both leaving the messages on the server.
 */
final class Pop3Clients {

    /** One message as a client read it: its unique id (UIDL), subject and whole text. */
    record Fetched(String uid, String subject, String text) {
    }

    private Pop3Clients() {
    }

    static int port() {
        return Integer.getInteger("e2e.pop3-port");
    }

    static Pop3Conversation conversation() throws IOException {
        return Pop3Conversation.open("127.0.0.1", port());
    }

    /** Every message of the mailbox, read with Jakarta Mail over STLS, oldest first; none deleted. */
    static List<Fetched> jakartaMail(String user, String password) throws MessagingException, IOException {
        Properties properties = new Properties();
        properties.setProperty("mail.pop3.host", "127.0.0.1");
        properties.setProperty("mail.pop3.port", String.valueOf(port()));
        properties.setProperty("mail.pop3.starttls.enable", "true");
        properties.setProperty("mail.pop3.starttls.required", "true");
        properties.setProperty("mail.pop3.ssl.trust", "*");
        properties.setProperty("mail.pop3.ssl.checkserveridentity", "false");
        properties.setProperty("mail.pop3.timeout", "30000");
        Store store = Session.getInstance(properties).getStore("pop3");
        store.connect(user, password);
        try {
            POP3Folder inbox = (POP3Folder) store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<Fetched> fetched = new ArrayList<>();
            for (Message message : inbox.getMessages()) {
                ByteArrayOutputStream text = new ByteArrayOutputStream();
                message.writeTo(text);
                fetched.add(new Fetched(inbox.getUID(message), message.getSubject(), text.toString()));
            }
            inbox.close(false);
            return fetched;
        } finally {
            store.close();
        }
    }

    /**
     * What fetchmail fetches from the mailbox over STLS (required: sslproto without ssl), keeping the messages on the
     * server: each message's text as its mail delivery agent got it.
     */
    static List<String> fetchmail(String user, String password, Path workDir) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        Path delivered = workDir.resolve("delivered");
        Path rc = workDir.resolve("fetchmailrc");
        Files.writeString(rc, """
                set no syslog
                poll 127.0.0.1 protocol pop3 port %d timeout 30
                  user "%s" password "%s" is root here
                  keep fetchall sslproto "TLS1.2+" no sslcertck
                  mda "/bin/sh -c 'cat > $(mktemp -p %s message-XXXXXX)'"
                """.formatted(port(), user, password, delivered));
        Files.setPosixFilePermissions(rc, PosixFilePermissions.fromString("rw-------"));
        Files.createDirectories(delivered);
        Process fetchmail = new ProcessBuilder("/usr/bin/fetchmail", "--fetchmailrc", rc.toString(),
                "--idfile", workDir.resolve("fetchids").toString(), "--pidfile", workDir.resolve("pid").toString(),
                "--nodetach", "--verbose")
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("fetchmail.log").toFile())
                .start();
        if (!fetchmail.waitFor(Duration.ofMinutes(2).toSeconds(), TimeUnit.SECONDS)) {
            fetchmail.destroyForcibly();
            throw new IOException("fetchmail did not finish; see " + workDir.resolve("fetchmail.log"));
        }
        // fetchmail exits 0 when it fetched mail, 1 when there was none.
        if (fetchmail.exitValue() > 1) {
            throw new IOException("fetchmail exited with " + fetchmail.exitValue() + ": "
                    + Files.readString(workDir.resolve("fetchmail.log")));
        }
        try (var files = Files.list(delivered)) {
            List<String> texts = new ArrayList<>();
            for (Path file : files.sorted().toList()) {
                texts.add(Files.readString(file));
            }
            return texts;
        }
    }
}
