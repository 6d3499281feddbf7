package net.smtpfeed.relay.testing;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** A TLS client context that takes any server certificate: the relay's is self-signed in tests. */
final class TrustingEveryone {

    private TrustingEveryone() {
    }

    static SSLContext context() throws IOException {
        TrustManager everyone = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {everyone}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    /** Turns a plain connection into TLS (after STARTTLS or STLS), with the handshake made. */
    static SSLSocket upgrade(Socket plain) throws IOException {
        SSLSocket tls = (SSLSocket) context().getSocketFactory()
                .createSocket(plain, plain.getInetAddress().getHostAddress(), plain.getPort(), true);
        tls.setUseClientMode(true);
        tls.startHandshake();
        return tls;
    }
}
