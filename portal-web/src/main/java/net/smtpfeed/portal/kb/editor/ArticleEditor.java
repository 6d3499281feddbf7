package net.smtpfeed.portal.kb.editor;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.smtpfeed.domain.audit.AuditTrail;
import net.smtpfeed.domain.kb.ArticleText;
import net.smtpfeed.domain.kb.KbArticle;
import net.smtpfeed.domain.kb.KbCategory;
import net.smtpfeed.portal.i18n.Languages;
import net.smtpfeed.portal.security.Caller;

/**
 * Staff's changes to the knowledge base: the only way an article is written. The body is cleaned with
 * {@link ArticleHtmlPolicy} here, whatever the page sent, and every change goes into the audit log in the same
 * transaction. Staff only, asked here again and not only of web.xml's constraint on the editor's pages.
 */
@Stateless
public class ArticleEditor {

    /** An article's text in one language as the editor's form sends it: the body not yet cleaned. */
    public record Draft(String title, String summary, String bodyHtml) {
    }

    /** The audit log's name of each field of an article's text, in the form's order. */
    private static final Map<String, Function<ArticleText, String>> FIELDS = orderedFields();

    @PersistenceContext(unitName = "smtpfeed")
    private EntityManager em;

    @Inject
    private Caller caller;

    /** A new article, written in English; @return its id */
    public long create(long categoryId, Draft english) {
        String actor = staff();
        Instant now = Instant.now();
        ArticleText text = cleaned(english);
        KbArticle article = new KbArticle(category(categoryId), text, now);
        em.persist(article);
        em.flush();
        new AuditTrail(em).record(actor, null, subject(article), "created", null, text.getTitle(), now);
        return article.getId();
    }

    /** Files the article under the category and writes its text in the language (English or a translation). */
    public void save(long articleId, long categoryId, Locale language, Draft draft) {
        String actor = staff();
        if (!Languages.SUPPORTED.contains(language)) {
            throw new IllegalArgumentException("the portal does not speak " + language);
        }
        Instant now = Instant.now();
        KbArticle article = em.find(KbArticle.class, articleId);
        if (article == null) {
            throw new IllegalArgumentException("no article " + articleId);
        }
        AuditTrail audit = new AuditTrail(em);
        String subject = subject(article);
        String categoryBefore = pathOf(article.getCategory());
        if (article.moveTo(category(categoryId), now)) {
            audit.record(actor, null, subject, "category", categoryBefore, pathOf(article.getCategory()), now);
        }
        ArticleText before = article.textWrittenIn(language).orElse(null);
        ArticleText after = cleaned(draft);
        if (article.write(language, after, now)) {
            FIELDS.forEach((field, value) -> audit.record(actor, null, subject, field + " (" + language.getLanguage() + ")",
                    before == null ? null : value.apply(before), value.apply(after), now));
        }
    }

    private static Map<String, Function<ArticleText, String>> orderedFields() {
        Map<String, Function<ArticleText, String>> fields = new LinkedHashMap<>();
        fields.put("title", ArticleText::getTitle);
        fields.put("summary", ArticleText::getSummary);
        fields.put("body", ArticleText::getBodyHtml);
        return fields;
    }

    private String staff() {
        if (!caller.isStaff()) {
            throw new EJBAccessException("only staff write knowledge-base articles");
        }
        return caller.getName();
    }

    private KbCategory category(long categoryId) {
        KbCategory category = em.find(KbCategory.class, categoryId);
        if (category == null) {
            throw new IllegalArgumentException("no category " + categoryId);
        }
        return category;
    }

    private static ArticleText cleaned(Draft draft) {
        return new ArticleText(draft.title(), draft.summary(), ArticleHtmlPolicy.sanitize(draft.bodyHtml()));
    }

    private static String subject(KbArticle article) {
        return "article " + article.getId();
    }

    private static String pathOf(KbCategory category) {
        return category.path().stream().map(KbCategory::getName).collect(Collectors.joining(" > "));
    }
}
