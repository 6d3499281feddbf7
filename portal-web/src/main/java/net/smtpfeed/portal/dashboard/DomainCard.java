package net.smtpfeed.portal.dashboard;

import net.smtpfeed.domain.hosting.HostedDomain;

/** One of the caller's domains on the dashboard: how it is set up, and its mail of the last days. */
public record DomainCard(HostedDomain domain, DomainTraffic traffic) {
}
