package net.smtpfeed.portal.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** The German labels against the English ones: every label has its translation, with the same placeholders. */
class TranslationsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\s*([^,}\\s]+)");

    private static final String BUNDLE = "net.smtpfeed.portal.i18n.messages";

    @Test
    void everyGermanLabelTranslatesAnEnglishOne() throws IOException {
        Properties english = file("messages.properties");
        Set<String> stale = new TreeSet<>(file("messages_de.properties").stringPropertyNames());
        stale.removeAll(english.stringPropertyNames());
        assertEquals(Set.of(), stale);
    }

    @Test
    void everyEnglishLabelHasAGermanOne() throws IOException {
        Set<String> untranslated = new TreeSet<>(file("messages.properties").stringPropertyNames());
        untranslated.removeAll(file("messages_de.properties").stringPropertyNames());
        assertEquals(Set.of(), untranslated);
    }

    @Test
    void aGermanPatternTakesTheSameArgumentsAsTheEnglishOne() throws IOException {
        Properties english = file("messages.properties");
        Properties german = file("messages_de.properties");
        List<String> differing = german.stringPropertyNames().stream()
                .filter(key -> !placeholders(english.getProperty(key)).equals(placeholders(german.getProperty(key))))
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
    /** What a value fills in: MessageFormat's {0} or {1,number}, or a PrimeFaces template's {startRecord}. */
    private static Set<String> placeholders(String value) {
        Matcher matcher = PLACEHOLDER.matcher(value);
        Set<String> names = new TreeSet<>();
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static Properties file(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = TranslationsTest.class.getResourceAsStream("/net/smtpfeed/portal/i18n/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
