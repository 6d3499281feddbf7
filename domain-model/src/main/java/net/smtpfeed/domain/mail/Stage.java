package net.smtpfeed.domain.mail;

/** The step of a message's path that a message event reports on. */
public enum Stage {
    RECEIVED,
    DELIVERY,
    /** A delivery status notification to the sender about this message. */
    NOTICE
}
