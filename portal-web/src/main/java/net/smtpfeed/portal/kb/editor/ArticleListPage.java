package net.smtpfeed.portal.kb.editor;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Locale;
import net.smtpfeed.domain.kb.KbArticle;
import net.smtpfeed.portal.i18n.Language;
import net.smtpfeed.portal.i18n.Languages;
import net.smtpfeed.portal.kb.CategoryLabel;
import net.smtpfeed.portal.kb.KnowledgeBase;

/** /staff/articles.xhtml: every article, last changed first, with the languages it is written in, for staff to edit. */
@Named
@RequestScoped
public class ArticleListPage {

    @Inject
    private KnowledgeBase knowledgeBase;

    @Inject
    private Language language;

    private List<KbArticle> articles;

    @PostConstruct
    void load() {
        articles = knowledgeBase.allArticles();
    }

    public List<KbArticle> getArticles() {
        return articles;
    }

    public String title(KbArticle article) {
        return article.textIn(language.getLocale()).getTitle();
    }

    public String category(KbArticle article) {
        return CategoryLabel.of(article.getCategory(), language.getLocale());
    }

    public List<Locale> getLanguages() {
        return Languages.SUPPORTED;
    }
}
