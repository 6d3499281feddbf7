package net.smtpfeed.relay.filter;

/** One heuristic of the built-in spam engine: its name, the points it adds on SpamAssassin's scale, and its test. */
interface SpamRule {

    /** Upper case with underscores, as SpamAssassin names its rules; SpamAssassin's own name where it has the rule. */
    String name();

    double points();

    boolean matches(MessageFacts message);
}
