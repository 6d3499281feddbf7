package net.smtpfeed.portal.kb;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The addresses our relay delivers from, which articles tell customers to allow on their own mail server. An article
 * says {@value #PLACEHOLDER} where they belong, and gets them from configuration each time it is shown, so that a
 * change of the relay's addresses needs no change of any article.
 */
@ApplicationScoped
public class OutboundAddresses {

    /** Brackets, not braces: the sanitiser breaks up a double brace, which client-side templates would evaluate. */
    public static final String PLACEHOLDER = "[[outbound-addresses]]";

    @Inject
    @ConfigProperty(name = "smtpfeed.relay.outbound-addresses", defaultValue = "127.0.0.1")
    private String configured;

    protected OutboundAddresses() {
    }

    OutboundAddresses(String configured) {
        this.configured = configured;
    }

    /** The configured addresses, in their order. */
    public List<String> list() {
        return Arrays.stream(configured.split(",")).map(String::strip).filter(a -> !a.isEmpty()).toList();
    }

    /** Article HTML with each address, escaped, as code in place of the placeholder. */
    public String intoHtml(String html) {
        String addresses = list().stream()
                .map(address -> "<code>" + escaped(address) + "</code>")
                .collect(Collectors.joining(", "));
        return html.replace(PLACEHOLDER, addresses);
    }

    /** Plain article text with the addresses in place of the placeholder. */
    public String intoText(String text) {
        return text.replace(PLACEHOLDER, String.join(", ", list()));
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
