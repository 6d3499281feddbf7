package net.smtpfeed.portal.kb;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import net.smtpfeed.domain.kb.KbArticle;
import net.smtpfeed.domain.kb.KbCategory;
import net.smtpfeed.portal.faces.RequestedId;

/** /kb/article.xhtml?id=N */
@Named
@RequestScoped
public class ArticlePage {

    @Inject
    private KnowledgeBase knowledgeBase;

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

    /** The absolute address of this article, to be pasted into a mail or a ticket. */
    public String getShareUrl() {
        HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
        return request.getRequestURL() + "?id=" + article.getId();
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
