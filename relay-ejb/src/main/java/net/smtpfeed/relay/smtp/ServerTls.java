package net.smtpfeed.relay.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.subethamail.smtp.server.SSLSocketCreator;

/** The key and certificate the listener offers with STARTTLS: from a configured PKCS12 file, or made once and kept. */
public final class ServerTls {

    private static final String ALIAS = "smtpfeed";
    // The generated file is protected by its permissions; a password kept beside it would add nothing.
    private static final char[] GENERATED_PASSWORD = "smtpfeed".toCharArray();

    private ServerTls() {
    }

    /**
     * The relay's TLS identity as configured (smtpfeed.smtp.tls.keystore and its password), else its self-signed
     * certificate for the host name: what STARTTLS (SMTP) and STLS (POP3) offer.
     */
    public static SSLContext configured(Optional<String> keyStore, Optional<String> keyStorePassword, Path dataDirectory,
                                        String hostName) {
        return keyStore.map(file -> fromKeyStore(Path.of(file), keyStorePassword.orElse("").toCharArray()))
                .orElseGet(() -> selfSigned(dataDirectory, hostName));
    }

    /** The key and certificate of a PKCS12 key store that holds one key entry. */
    public static SSLContext fromKeyStore(Path pkcs12, char[] password) {
        try (InputStream in = Files.newInputStream(pkcs12)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return context(store, password);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the TLS key store " + pkcs12 + ": " + e.getMessage(), e);
        }
    }

    /**
     * A self-signed certificate for the host name, made at the first start and kept in the data directory so that a
     * restart, or another node on the same directory, offers the same one. A new host name gets its own file.
     */
    public static SSLContext selfSigned(Path dataDirectory, String hostName) {
        Path file = dataDirectory.resolve("tls").resolve(hostName + ".p12");
        if (!Files.exists(file)) {
            create(file, hostName);
        }
        return fromKeyStore(file, GENERATED_PASSWORD);
    }

    /** Makes the server side of STARTTLS on an accepted socket, naming the client by address: no reverse lookup. */
    static SSLSocketCreator startTlsSockets(SSLContext context) {
        return socket -> {
            SSLSocket tls = (SSLSocket) context.getSocketFactory()
                    .createSocket(socket, socket.getInetAddress().getHostAddress(), socket.getPort(), true);
            tls.setUseClientMode(false);
            return tls;
        };
    }

    private static void create(Path file, String hostName) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setEntry(ALIAS, SelfSignedCertificate.create(hostName), new KeyStore.PasswordProtection(GENERATED_PASSWORD));
            Files.createDirectories(file.getParent());
            Path partial = Files.createTempFile(file.getParent(), hostName, ".partial");
            restrictToOwner(partial);
            try (OutputStream out = Files.newOutputStream(partial)) {
                store.store(out, GENERATED_PASSWORD);
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep a TLS certificate in " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a TLS certificate for " + hostName, e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    private static SSLContext context(KeyStore store, char[] password) throws GeneralSecurityException {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }
}
