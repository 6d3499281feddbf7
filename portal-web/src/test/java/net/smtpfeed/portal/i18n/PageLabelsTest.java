package net.smtpfeed.portal.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** In production a missing label renders as ???key??? without any error, so the pages are checked here. */
class PageLabelsTest {

    private static final Pattern LABEL = Pattern.compile("msg\\['([a-zA-Z0-9.]+)'\\]");

    @Test
    void everyLabelAPageNamesIsInTheBundle() throws IOException {
        ResourceBundle bundle = ResourceBundle.getBundle("net.smtpfeed.portal.i18n.messages", Locale.ENGLISH);
        List<String> used;
        try (Stream<Path> files = Files.walk(Path.of("src/main/webapp"))) {
            used = files.filter(f -> f.toString().endsWith(".xhtml"))
                    .flatMap(PageLabelsTest::labels)
                    .distinct()
                    .toList();
        }
        assertFalse(used.isEmpty(), "no page names a label: is the test looking in the right place?");
        assertEquals(List.of(), used.stream().filter(key -> !bundle.containsKey(key)).toList());
    }

    private static Stream<String> labels(Path page) {
        try {
            Matcher m = LABEL.matcher(Files.readString(page));
            return m.results().map(r -> r.group(1));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
