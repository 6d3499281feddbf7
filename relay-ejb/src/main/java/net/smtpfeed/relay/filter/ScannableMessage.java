package net.smtpfeed.relay.filter;

import java.io.IOException;
import java.io.InputStream;

/** A message's raw bytes as a filter reads them: opened as often as needed, never required to fit in the heap. */
public interface ScannableMessage {

    InputStream open() throws IOException;

    long size();
}
