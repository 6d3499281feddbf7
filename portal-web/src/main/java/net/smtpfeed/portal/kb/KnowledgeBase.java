package net.smtpfeed.portal.kb;

import static java.util.stream.Collectors.groupingBy;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.smtpfeed.domain.kb.ArticleSearch;
import net.smtpfeed.domain.kb.KbArticle;
import net.smtpfeed.domain.kb.KbCategory;
import net.smtpfeed.domain.kb.SearchWords;

/**
 * Reads the public knowledge base; everything returned is loaded far enough to be rendered after the call, in any
 * language (articles come with their translations, categories with their names and ancestors).
 */
@Stateless
public class KnowledgeBase {

    /** The most articles a search lists. */
    static final int SEARCH_RESULTS = 50;

    @PersistenceContext(unitName = "smtpfeed")
    private EntityManager em;

    public Optional<KbArticle> article(long id) {
        return em.createQuery("""
                        select a from KbArticle a join fetch a.category left join fetch a.translations
                        where a.id = :id""", KbArticle.class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst();
    }

    public Optional<Long> rootId() {
        return em.createQuery("select c.id from KbCategory c where c.parent is null order by c.position, c.id", Long.class)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /** The category and its ancestors, the root first; empty if there is no such category. */
    public List<KbCategory> path(long categoryId) {
        KbCategory category = em.find(KbCategory.class, categoryId);
        return category == null ? List.of() : category.path();
    }

    /** Every category, each with its ancestors loaded: what an article can be filed under. */
    public List<KbCategory> categories() {
        List<KbCategory> categories = em.createQuery("select c from KbCategory c order by c.position, c.id", KbCategory.class)
                .getResultList();
        categories.forEach(KbCategory::path); // loads the ancestors while the transaction lasts
        return categories;
    }

    /** The articles of a category, by their title in the language. */
    public List<KbArticle> articles(long categoryId, Locale language) {
        return em.createQuery("""
                        select a from KbArticle a left join fetch a.translations
                        where a.category.id = :category""", KbArticle.class)
                .setParameter("category", categoryId)
                .getResultStream()
                .sorted(byTitle(language))
                .toList();
    }

    /** The subcategories of a category, in their order, each with its articles by their title in the language. */
    public List<CategorySection> sections(long parentId, Locale language) {
        List<KbCategory> children = em.createQuery(
                        "select c from KbCategory c where c.parent.id = :parent order by c.position, c.id", KbCategory.class)
                .setParameter("parent", parentId)
                .getResultList();
        Map<Long, List<KbArticle>> articles = em.createQuery("""
                        select a from KbArticle a left join fetch a.translations
                        where a.category.parent.id = :parent""", KbArticle.class)
                .setParameter("parent", parentId)
                .getResultStream()
                .sorted(byTitle(language))
                .collect(groupingBy(a -> a.getCategory().getId()));
        return children.stream()
                .map(c -> new CategorySection(c, articles.getOrDefault(c.getId(), List.of())))
                .toList();
    }

    /** Every article with its category path, newest change first: staff's list. */
    public List<KbArticle> allArticles() {
        List<KbArticle> articles = em.createQuery("""
                        select a from KbArticle a join fetch a.category left join fetch a.translations
                        order by a.modifiedAt desc, a.id desc""", KbArticle.class)
                .getResultList();
        articles.forEach(a -> a.getCategory().path()); // loads the ancestors while the transaction lasts
        return articles;
    }

    /** See {@link ArticleSearch}: the database searches the text in the reader's language, English where untranslated. */
    public List<KbArticle> search(SearchWords words, Locale language) {
        List<KbArticle> found = new ArticleSearch(em).find(words, language, SEARCH_RESULTS);
        found.forEach(a -> a.getCategory().path()); // loads the ancestors while the transaction lasts
        return found;
    }

    private static Comparator<KbArticle> byTitle(Locale language) {
        return Comparator.comparing(a -> a.textIn(language).getTitle(), Collator.getInstance(language));
    }
}
