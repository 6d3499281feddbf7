package net.smtpfeed.portal.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HighlighterTest {

    private final Highlighter highlighter = new Highlighter(List.of("smtp", "feed"));

    @Test
    void everyMatchOfAnyWordIsMarkedInWhateverCase() {
        assertEquals("How to request an [SMTP] [feed]: [smtp] [Feed]s",
                shown(highlighter.marked("How to request an SMTP feed: smtp Feeds")));
    }

    @Test
    void aTextWithoutTheWordsIsOnePlainPiece() {
        assertEquals(List.of("Nothing here"), highlighter.marked("Nothing here").stream().map(Highlighter.Segment::getText).toList());
    }

    @Test
    void anExcerptStartsShortlyBeforeTheFirstMatchAtAWordAndSaysWhereItWasCut() {
        String text = "One two three four five six seven eight nine ten eleven twelve with an SMTP feed in it and "
                + "more words after it that go on and on";
        assertEquals("\u2026 twelve with an [SMTP] [feed] in it and more words \u2026",
                shown(highlighter.excerpt(text, 50)));
    }

    @Test
    void thereIsNoExcerptWhenTheTextHasNoneOfTheWords() {
        assertEquals(List.of(), highlighter.excerpt("Greylisting explained", 50));
    }

    private static String shown(List<Highlighter.Segment> segments) {
        return segments.stream().map(Highlighter.Segment::toString).collect(Collectors.joining());
    }
}
