package net.smtpfeed.relay.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import net.smtpfeed.domain.spam.SpamMark;

/**
 * Puts a domain's spam decision on the copy delivered to it (to its server or into its mailbox): our own X-Spam headers in place of any the sender wrote
 * (a spammer's "X-Spam-Flag: NO" must not reach the customer's filters), and the level's text before the subject,
 * which may be MIME encoded.
 */
public final class SpamMarking implements CopyEdit {

    static final String FLAG = "X-Spam-Flag";
    static final String LEVEL = "X-Spam-Level";
    static final String SCORE = "X-Spam-Score";

    private final SpamMark mark;

    private SpamMarking(SpamMark mark) {
        this.mark = mark;
    }

    /** What the copy gets: nothing for a domain that does not check spam or a message no engine scored. */
    public static CopyEdit of(Optional<SpamMark> mark) {
        return mark.<CopyEdit>map(SpamMarking::new).orElse(CopyEdit.NONE);
    }

    @Override
    public void applyTo(MimeMessage message) throws MessagingException {
        message.removeHeader(FLAG);
        message.removeHeader(LEVEL);
        message.removeHeader(SCORE);
        if (!mark.addsHeaders()) {
            return;
        }
        message.setHeader(FLAG, "YES");
        message.setHeader(LEVEL, mark.level().label());
        message.setHeader(SCORE, mark.scoreText());
        Optional<String> subject = mark.subjectFor(decodedSubject(message));
        if (subject.isPresent()) {
            message.setSubject(subject.get(), StandardCharsets.UTF_8.name());
        }
    }

    private static String decodedSubject(MimeMessage message) throws MessagingException {
        String raw = message.getHeader("Subject", null);
        if (raw == null) {
            return null;
        }
        String unfolded = MimeUtility.unfold(raw);
        try {
            return MimeUtility.decodeText(unfolded);
        } catch (UnsupportedEncodingException e) {
            return unfolded; // an unknown charset: tag what is there rather than lose the subject
        }
    }
}
