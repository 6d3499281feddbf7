package net.smtpfeed.portal.kb;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import net.smtpfeed.domain.kb.KbArticle;
import net.smtpfeed.domain.kb.KbCategory;
import net.smtpfeed.portal.i18n.Language;
import net.smtpfeed.portal.faces.RequestedId;

/** /kb/category.xhtml?id=N, and /kb/index.xhtml, which is the root category's page. */
@Named
@RequestScoped
public class CategoryPage {

    @Inject
    private KnowledgeBase knowledgeBase;

    @Inject
    private Language language;

    @Inject
    private FacesContext faces;

    private String id;
    private List<KbCategory> path;
    private List<KbArticle> articles;
    private List<CategorySection> sections;

    public void load() throws IOException {
        show(RequestedId.parse(id));
    }

    public void loadRoot() throws IOException {
        show(knowledgeBase.rootId());
    }

    private void show(Optional<Long> categoryId) throws IOException {
        path = categoryId.map(knowledgeBase::path).orElse(List.of());
        if (path.isEmpty()) {
            NotFound.respond(faces);
            return;
        }
        articles = knowledgeBase.articles(categoryId.get(), language.getLocale());
        sections = knowledgeBase.sections(categoryId.get(), language.getLocale());
    }

    public KbCategory getCategory() {
        return path.get(path.size() - 1);
    }

    /** The ancestors, root first: the breadcrumb before this category's own name. */
    public List<KbCategory> getAncestors() {
        return path.subList(0, path.size() - 1);
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public List<KbArticle> getArticles() {
        return articles;
    }

    public List<CategorySection> getSections() {
        return sections;
    }
}
