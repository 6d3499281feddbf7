package net.smtpfeed.portal.kb;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import net.smtpfeed.domain.kb.ArticleText;
import net.smtpfeed.domain.kb.KbArticle;
import net.smtpfeed.domain.kb.KbCategory;
import net.smtpfeed.portal.i18n.Language;
import net.smtpfeed.portal.faces.RequestedId;

/** /kb/article.xhtml?id=N, in the visitor's language where the article is translated into it, else in English. */
@Named
@RequestScoped
public class ArticlePage {

    @Inject
    private KnowledgeBase knowledgeBase;

    @Inject
    private OutboundAddresses outboundAddresses;

    @Inject
    private Language language;

    @Inject
    private FacesContext faces;

    private String id;
    private KbArticle article;
    private List<KbCategory> path;

    public void load() throws IOException {
        Optional<KbArticle> found = RequestedId.parse(id).flatMap(knowledgeBase::article);
        if (found.isEmpty()) {
            NotFound.respond(faces);
            return;
        }
        article = found.get();
        path = knowledgeBase.path(article.getCategory().getId());
    }

    public ArticleText getText() {
        return article.textIn(language.getLocale());
    }

    /** Whether the visitor reads the English text because there is no translation into their language. */
    public boolean isUntranslated() {
        return !article.isWrittenIn(language.getLocale());
    }

    /** The language of the text shown, for the article's lang attribute. */
    public String getTextLanguage() {
        return (isUntranslated() ? KbArticle.ORIGINAL_LANGUAGE : language.getLocale()).getLanguage();
    }

    /** The stored body (sanitised when staff saved it) with the relay's outbound addresses filled in. */
    public String getBodyHtml() {
        return outboundAddresses.intoHtml(getText().getBodyHtml());
    }

    /** The absolute address of this article, to be pasted into a mail or a ticket. */
    public String getShareUrl() {
        HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
        return request.getRequestURL() + "?id=" + article.getId();
    }

    /** A new mail in the visitor's mail program, with the article's title as subject and its address as text. */
    public String getMailtoUrl() {
        return MailtoLink.of(getText().getTitle(), getShareUrl());
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public KbArticle getArticle() {
        return article;
    }

    public List<KbCategory> getPath() {
        return path;
    }
}
