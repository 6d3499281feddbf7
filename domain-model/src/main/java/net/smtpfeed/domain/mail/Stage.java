package net.smtpfeed.domain.mail;

/** The step of a message's path that a message event reports on. */
public enum Stage {
    RECEIVED,
    /** Greylisting at RCPT TO: the sending server came back after the delay, or was whitelisted. */
    GREYLIST,
    /** The virus scan at the end of DATA, before the reply. */
    VIRUS_SCAN,
    /** The spam score at the end of DATA, for messages to a domain that checks spam: engine, points, rules, time. */
    SPAM_CHECK,
    /** What one domain's spam settings did with its copy: level and action. */
    SPAM_ACTION,
    /** A copy kept in quarantine was released to delivery, or purged. */
    QUARANTINE,
    DELIVERY,
    /** A delivery status notification to the sender about this message. */
    NOTICE
}
