package net.smtpfeed.domain.request;

/** A customer request waits for staff, who approve or reject it once. */
public enum CustomerRequestState {
    SUBMITTED,
    APPROVED,
    REJECTED;

    public boolean isOpen() {
        return this == SUBMITTED;
    }
}
