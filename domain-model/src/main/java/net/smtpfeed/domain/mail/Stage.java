package net.smtpfeed.domain.mail;

/** The step of a message's path that a message event reports on. */
public enum Stage {
    RECEIVED,
    /** Greylisting at RCPT TO: the sending server came back after the delay, or was whitelisted. */
    GREYLIST,
    /** The virus scan at the end of DATA, before the reply. */
    VIRUS_SCAN,
    DELIVERY,
    /** A delivery status notification to the sender about this message. */
    NOTICE
}
