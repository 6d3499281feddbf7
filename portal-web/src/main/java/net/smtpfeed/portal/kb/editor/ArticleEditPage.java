package net.smtpfeed.portal.kb.editor;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ComponentSystemEvent;
import jakarta.faces.model.SelectItem;
import jakarta.faces.validator.ValidatorException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.smtpfeed.domain.kb.ArticleText;
import net.smtpfeed.domain.kb.KbArticle;
import net.smtpfeed.portal.i18n.Language;
import net.smtpfeed.portal.i18n.Languages;
import net.smtpfeed.portal.kb.CategoryLabel;
import net.smtpfeed.portal.kb.KnowledgeBase;
import net.smtpfeed.portal.kb.NotFound;
import net.smtpfeed.portal.kb.OutboundAddresses;
import net.smtpfeed.portal.faces.RequestedId;

/**
 * /staff/article-edit.xhtml?id=N&language=de edits article N in one language; without an id it writes a new article,
 * in English (translations follow once it exists). A language the article is not yet translated into starts from the
 * English text. Saving redirects to the article's editor in the same language, with what happened said above it.
 */
@Named
@ViewScoped
public class ArticleEditPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private KnowledgeBase knowledgeBase;

    @Inject
    private ArticleEditor editor;

    @Inject
    private Language language;

    private String id;
    private String requestedLanguage;

    private Long articleId;
    private Locale editedLanguage = KbArticle.ORIGINAL_LANGUAGE;
    private boolean untranslated;
    private List<Locale> writtenIn = List.of();
    private List<SelectItem> categories;

    private Long categoryId;
    private String title;
    private String summary;
    private String body;

    public void load() throws IOException {
        categories = categoryChoices();
        if (id == null) {
            return;
        }
        Optional<KbArticle> found = RequestedId.parse(id).flatMap(knowledgeBase::article);
        if (found.isEmpty()) {
            NotFound.respond(FacesContext.getCurrentInstance());
            return;
        }
        KbArticle article = found.get();
        articleId = article.getId();
        editedLanguage = Languages.named(requestedLanguage).orElse(KbArticle.ORIGINAL_LANGUAGE);
        writtenIn = article.languages();
        untranslated = !article.isWrittenIn(editedLanguage);
        ArticleText text = article.textIn(editedLanguage);
        categoryId = article.getCategory().getId();
        title = text.getTitle();
        summary = text.getSummary();
        body = text.getBodyHtml();
    }

    public String save() {
        ArticleEditor.Draft draft = new ArticleEditor.Draft(title, summary, body);
        String said;
        if (articleId == null) {
            articleId = editor.create(categoryId, draft);
            said = "articleEdit.created";
        } else {
            editor.save(articleId, categoryId, editedLanguage, draft);
            said = "articleEdit.saved";
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        String text = faces.getApplication().getResourceBundle(faces, "msg").getString(said);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
        faces.getExternalContext().getFlash().setKeepMessages(true);
        return "/staff/article-edit?faces-redirect=true&id=" + articleId + "&language=" + editedLanguage.getLanguage();
    }

    /**
     * Cleans the submitted body before it is validated. A form shown again after a validation error writes the submitted
     * value back into the editor as HTML: uncleaned, a script that was sent would run in staff's own browser.
     */
    public void cleanBody(ComponentSystemEvent event) {
        UIInput body = (UIInput) event.getComponent();
        if (body.getSubmittedValue() instanceof String html) {
            body.setSubmittedValue(ArticleHtmlPolicy.sanitize(html));
        }
    }

    /** A body that is only markup, or nothing once cleaned, is no article. */
    public void validateBody(FacesContext faces, UIComponent component, Object value) {
        if (value == null || !ArticleText.hasWords(value.toString())) {
            String text = faces.getApplication().getResourceBundle(faces, "msg").getString("articleEdit.body.required");
            throw new ValidatorException(new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        }
    }

    /** Each category under its full path, in the staff member's language. */
    private List<SelectItem> categoryChoices() {
        Locale locale = language.getLocale();
        return knowledgeBase.categories().stream()
                .map(c -> new SelectItem(c.getId(), CategoryLabel.of(c, locale)))
                .toList();
    }

    public boolean isNewArticle() {
        return articleId == null;
    }

    /** What an article says where the relay's outbound addresses belong. */
    public String getPlaceholder() {
        return OutboundAddresses.PLACEHOLDER;
    }

    public Long getArticleId() {
        return articleId;
    }

    public Locale getEditedLanguage() {
        return editedLanguage;
    }

    /** Whether the form shows the English text as the start of a translation not yet written. */
    public boolean isUntranslated() {
        return untranslated;
    }

    /** The languages to switch the editor to, each with whether the article is written in it yet. */
    public List<Locale> getLanguages() {
        return Languages.SUPPORTED;
    }

    public boolean isWrittenIn(Locale other) {
        return writtenIn.contains(other);
    }

    public int getMaxTitle() {
        return ArticleText.MAX_TITLE;
    }

    public int getMaxSummary() {
        return ArticleText.MAX_SUMMARY;
    }

    public List<SelectItem> getCategories() {
        return categories;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    /** The language parameter's code, as the address gives it. */
    public String getRequestedLanguage() {
        return requestedLanguage;
    }

    public void setRequestedLanguage(String requestedLanguage) {
        this.requestedLanguage = requestedLanguage;
    }

    public Long getCategoryId() {
        return categoryId;
    }

    public void setCategoryId(Long categoryId) {
        this.categoryId = categoryId;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }
}
