package net.smtpfeed.domain.mailbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import net.smtpfeed.domain.hosting.HostedDomain;

/**
 * A temporary POP3 mailbox for one address of a domain in mailbox mode, or its catch-all, which takes the mail for the
 * domain's addresses that have no mailbox. Its row also names the mode its domain must be in (column domain_mode, left
 * to its database default): the database refuses a mailbox for a domain on its feed, and a switch back to the feed
 * while a mailbox is left.
 */
@Entity
public class Mailbox {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private HostedDomain domain;

    private String localPart;

    private String passwordHash;

    /** The domain's id while this is its catch-all, else null: a unique column, so a domain has at most one. */
    @Column(name = "catch_all_domain_id")
    private Long catchAllOf;

    private Instant createdAt;

    protected Mailbox() {
    }

    Mailbox(HostedDomain domain, String localPart, String passwordHash, Instant createdAt) {
        if (!domain.isInMailboxMode()) {
            throw new MailboxRefused(MailboxRefused.Reason.DOMAIN_NOT_IN_MAILBOX_MODE,
                    "domain " + domain.getName() + " is on its feed; it has no mailboxes");
        }
        this.domain = domain;
        this.localPart = canonicalLocalPart(localPart);
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    /**
     * The local part as mailboxes are kept and found: lower case, so that RCPT TO and POP3 USER find it whatever case
     * they write it in.
     *
     * @throws MailboxRefused if it is not a local part of an address
     */
    public static String canonicalLocalPart(String localPart) {
        String lower = localPart == null ? "" : localPart.strip().toLowerCase(Locale.ROOT);
        if (lower.isEmpty() || lower.length() > 64 || lower.chars().anyMatch(c -> c <= ' ' || c == '@' || c == '<'
                || c == '>' || c == '"' || c == ',' || c == ';' || c == ':' || c == '\\' || c >= 127)) {
            throw new MailboxRefused(MailboxRefused.Reason.BAD_LOCAL_PART, "not a local part: " + localPart);
        }
        return lower;
    }

    /** Whether the password is this mailbox's. */
    public boolean passwordMatches(char[] password) {
        return MailboxPassword.matches(password, passwordHash);
    }

    void changePasswordHash(String hash) {
        passwordHash = Objects.requireNonNull(hash, "hash");
    }

    void catchAll(boolean on) {
        catchAllOf = on ? domain.getId() : null;
    }

    public Long getId() {
        return id;
    }

    public HostedDomain getDomain() {
        return domain;
    }

    public String getLocalPart() {
        return localPart;
    }

    /** The address the mailbox receives for and the POP3 user name: local part @ domain. */
    public String getAddress() {
        return localPart + "@" + domain.getName();
    }

    public boolean isCatchAll() {
        return catchAllOf != null;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** How the audit log names this mailbox as the subject of a change. */
    public String auditSubject() {
        return "mailbox " + getAddress();
    }
}
