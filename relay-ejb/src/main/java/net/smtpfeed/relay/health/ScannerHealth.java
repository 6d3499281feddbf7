package net.smtpfeed.relay.health;

import jakarta.ejb.Local;
import java.util.List;

/**
 * Whether the scanners the relay is configured with answer now. Part of the relay's client jar: the staff status page
 * shows it.
 */
@Local
public interface ScannerHealth {

    /** One scanner: its role (virus, spam), its engine, where it is, and whether it answered (else why not). */
    record Scanner(String role, String engine, String address, boolean reachable, String problem) {
    }

    /** Each configured scanner, asked now; a built-in scanner has no address and is always reachable. */
    List<Scanner> check();
}
