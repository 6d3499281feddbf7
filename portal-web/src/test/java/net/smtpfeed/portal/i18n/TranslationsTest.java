package net.smtpfeed.portal.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The German labels against the English ones. Not that every English label is translated: other work adds English
 * labels that show in English until someone translates them.
 */
class TranslationsTest {

    private static final String BUNDLE = "net.smtpfeed.portal.i18n.messages";

    @Test
    void everyGermanLabelTranslatesAnEnglishOne() throws IOException {
        Properties english = file("messages.properties");
        Set<String> stale = new TreeSet<>(file("messages_de.properties").stringPropertyNames());
        stale.removeAll(english.stringPropertyNames());
        assertEquals(Set.of(), stale);
    }

    @Test
    void aGermanPatternTakesTheSameArgumentsAsTheEnglishOne() throws IOException {
        Properties english = file("messages.properties");
        Properties german = file("messages_de.properties");
        List<String> differing = german.stringPropertyNames().stream()
                .filter(key -> arguments(english.getProperty(key)) != arguments(german.getProperty(key)))
                .sorted()
                .toList();
        assertEquals(List.of(), differing);
    }

    @Test
    void aGermanReaderGetsGermanLabelsAndEnglishWhereAKeyHasNoTranslation() {
        ResourceBundle german = ResourceBundle.getBundle(BUNDLE, Locale.GERMAN);
        assertEquals("Wissensdatenbank", german.getString("nav.kb"));
        assertEquals(ResourceBundle.getBundle(BUNDLE, Locale.ROOT).getString("product.name"), german.getString("product.name"));
    }

    @Test
    void anEnglishReaderGetsEnglishWhateverTheServersOwnLocale() {
        Locale serverLocale = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            ResourceBundle.clearCache();
            assertEquals("Knowledge Base", ResourceBundle.getBundle(BUNDLE, Locale.ENGLISH).getString("nav.kb"));
        } finally {
            Locale.setDefault(serverLocale);
            ResourceBundle.clearCache();
        }
    }

    /** How many arguments a MessageFormat pattern takes (0 for a plain label). */
    private static int arguments(String pattern) {
        return new MessageFormat(pattern).getFormatsByArgumentIndex().length;
    }

    private static Properties file(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = TranslationsTest.class.getResourceAsStream("/net/smtpfeed/portal/i18n/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
