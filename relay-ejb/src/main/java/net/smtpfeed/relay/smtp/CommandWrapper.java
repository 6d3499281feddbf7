package net.smtpfeed.relay.smtp;

import org.subethamail.smtp.internal.server.Command;
import org.subethamail.smtp.internal.server.CommandException;
import org.subethamail.smtp.internal.server.HelpMessage;

/** A SubEthaSMTP command that adds a step around another one, registered under the other's name in its place. */
abstract class CommandWrapper implements Command {

    protected final Command wrapped;

    CommandWrapper(Command wrapped) {
        this.wrapped = wrapped;
    }

    @Override
    public HelpMessage getHelp() throws CommandException {
        return wrapped.getHelp();
    }

    @Override
    public String getName() {
        return wrapped.getName();
    }
}
