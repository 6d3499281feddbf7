package net.smtpfeed.portal.messages;

import java.util.List;
import net.smtpfeed.domain.mail.Delivery;
import net.smtpfeed.domain.mail.MailMessage;
import net.smtpfeed.domain.mail.MessageEvent;

/**
 * One message as a customer sees it: its envelope, its copies for their domains, and its timeline in time order with
 * only the lines that are not about another customer's copy.
 */
public record MessageHistory(MailMessage message, List<Delivery> copies, List<MessageEvent> timeline) {
}
