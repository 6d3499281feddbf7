package net.smtpfeed.domain.hosting;

/** Whether the relay takes mail for a hosted domain. */
public enum DomainStatus {
    ACTIVE,
    SUSPENDED;

    public boolean acceptsMail() {
        return this == ACTIVE;
    }
}
