package net.smtpfeed.domain.mail;

/** The step of a message's path that a message event reports on. */
public enum Stage {
    RECEIVED,
    /** The virus scan at the end of DATA, before the reply. */
    VIRUS_SCAN,
    DELIVERY,
    /** A delivery status notification to the sender about this message. */
    NOTICE
}
