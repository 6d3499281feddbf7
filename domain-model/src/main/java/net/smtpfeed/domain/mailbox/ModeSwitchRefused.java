package net.smtpfeed.domain.mailbox;

/** A switch between feed and mailboxes that was refused; the domain stays in its mode. */
public class ModeSwitchRefused extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public ModeSwitchRefused(String message) {
        super(message);
    }
}
