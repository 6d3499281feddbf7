package net.smtpfeed.relay.pop3;

/** Where USER and PASS may be sent before STLS, in clear text (RFC 2595 leaves it to the server's policy). */
public enum PlaintextLogin {
    /** Only over TLS. */
    NEVER,
    /** Over TLS, or in clear from this host (a local client, the tests, the demo). */
    LOOPBACK,
    /** From anywhere: only behind a network that protects it otherwise. */
    ALWAYS
}
