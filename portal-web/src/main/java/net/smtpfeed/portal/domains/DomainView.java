package net.smtpfeed.portal.domains;

import java.util.List;
import net.smtpfeed.domain.audit.AuditEntry;
import net.smtpfeed.domain.hosting.HostedDomain;

/** One of the caller's domains as its page shows it: the domain and its audit history, newest first. */
public record DomainView(HostedDomain domain, List<AuditEntry> history) {
}
