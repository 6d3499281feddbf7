package net.smtpfeed.relay.filter;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Ends what an engine keeps open between messages (pooled connections, watchdog threads) when the relay stops. */
final class EngineConnections {

    private static final Logger LOG = Logger.getLogger(EngineConnections.class.getName());

    private EngineConnections() {
    }

    static void close(Object engine) {
        if (engine instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "closing " + engine, e);
            }
        }
    }
}
