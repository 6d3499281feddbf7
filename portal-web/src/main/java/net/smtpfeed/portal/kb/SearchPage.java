package net.smtpfeed.portal.kb;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Locale;
import net.smtpfeed.domain.kb.KbCategory;
import net.smtpfeed.domain.kb.SearchWords;
import net.smtpfeed.portal.i18n.Language;

/** /kb/search.xhtml?q=WORDS: the articles that contain every word, in the visitor's language (English where untranslated). */
@Named
@RequestScoped
public class SearchPage {

    @Inject
    private KnowledgeBase knowledgeBase;

    @Inject
    private OutboundAddresses outboundAddresses;

    @Inject
    private Language language;

    private String q;
    private SearchWords words = SearchWords.of(null);
    private List<SearchHit> hits = List.of();
    private List<KbCategory> trail = List.of();

    public void search() {
        trail = knowledgeBase.rootId().map(knowledgeBase::path).orElse(List.of());
        words = SearchWords.of(q);
        if (words.isEmpty()) {
            return;
        }
        Locale locale = language.getLocale();
        Highlighter highlighter = new Highlighter(words.words());
        hits = knowledgeBase.search(words, locale).stream()
                .map(article -> new SearchHit(article, locale, highlighter, outboundAddresses))
                .toList();
    }

    /** Whether there was anything to search for. */
    public boolean isSearched() {
        return !words.isEmpty();
    }

    /** The breadcrumb before "Search": the knowledge base's home. */
    public List<KbCategory> getTrail() {
        return trail;
    }

    public List<SearchHit> getHits() {
        return hits;
    }

    /** Whether the list may have been cut short. */
    public boolean isCut() {
        return hits.size() >= KnowledgeBase.SEARCH_RESULTS;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }
}
