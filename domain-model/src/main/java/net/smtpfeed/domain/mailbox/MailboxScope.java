package net.smtpfeed.domain.mailbox;

/** Whose mailboxes a caller may see: staff every domain's, a customer only their own domains'. */
public record MailboxScope(Long customerId) {

    public static MailboxScope staff() {
        return new MailboxScope(null);
    }

    public static MailboxScope customer(long customerId) {
        return new MailboxScope(customerId);
    }

    boolean covers(Mailbox mailbox) {
        return customerId == null || customerId.equals(mailbox.getDomain().getCustomer().getId());
    }
}
