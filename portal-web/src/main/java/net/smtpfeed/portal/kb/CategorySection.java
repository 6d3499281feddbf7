package net.smtpfeed.portal.kb;

import java.util.List;
import net.smtpfeed.domain.kb.KbArticle;
import net.smtpfeed.domain.kb.KbCategory;

/** A subcategory as a listing shows it: its heading and its articles. A class, not a record: EL 5 reads getters. */
public final class CategorySection {

    private final KbCategory category;
    private final List<KbArticle> articles;

    CategorySection(KbCategory category, List<KbArticle> articles) {
        this.category = category;
        this.articles = articles;
    }

    public KbCategory getCategory() {
        return category;
    }

    public List<KbArticle> getArticles() {
        return articles;
    }
}
