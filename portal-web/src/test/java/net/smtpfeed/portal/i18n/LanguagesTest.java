package net.smtpfeed.portal.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LanguagesTest {

    @Test
    void aVisitorWhoChoseNothingGetsTheFirstOfTheirBrowsersLanguagesThePortalSpeaks() {
        assertEquals(Locale.GERMAN, Languages.preferred(List.of(Locale.FRENCH, Locale.GERMANY, Locale.ENGLISH)));
        assertEquals(Locale.ENGLISH, Languages.preferred(List.of(Locale.US, Locale.GERMAN)));
    }

    @Test
    void aBrowserWithNoLanguageThePortalSpeaksGetsEnglish() {
        assertEquals(Locale.ENGLISH, Languages.preferred(List.of(Locale.JAPANESE)));
        assertEquals(Locale.ENGLISH, Languages.preferred(List.of()));
    }

    @Test
    void theSwitchAsksForALanguageItSpeaksAndNoOther() {
        assertEquals(Optional.of(Locale.GERMAN), Languages.requestedIn("id=67&lang=de"));
        assertEquals(Optional.empty(), Languages.requestedIn("id=67&lang=xx"));
        assertEquals(Optional.empty(), Languages.requestedIn("id=67&language=de"));
        assertEquals(Optional.empty(), Languages.requestedIn(null));
    }

    @Test
    void theSwitchKeepsThePagesOwnParameters() {
        assertEquals("/kb/article.xhtml?id=67&lang=de", Languages.addressWith("/kb/article.xhtml", "id=67&lang=en", Locale.GERMAN));
        assertEquals("/index.xhtml?lang=en", Languages.addressWith("/index.xhtml", null, Locale.ENGLISH));
    }

    @Test
    void afterSwitchingThePageIsShownAtItsOwnAddress() {
        assertEquals("/kb/search.xhtml?id=67&q=smtp", Languages.addressWithout("/kb/search.xhtml", "id=67&lang=de&q=smtp"));
        assertEquals("/", Languages.addressWithout("/", "lang=de"));
    }

    @Test
    void theSwitchNeverLeadsToAnotherSite() {
        assertEquals("/evil.example/page", Languages.addressWithout("//evil.example/page", "lang=de"));
        assertEquals("/evil.example/?lang=de", Languages.addressWith("///evil.example/", null, Locale.GERMAN));
    }
}
