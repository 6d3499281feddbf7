package net.smtpfeed.portal.kb;

import static java.util.stream.Collectors.groupingBy;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.smtpfeed.domain.kb.KbArticle;
import net.smtpfeed.domain.kb.KbCategory;

/** Reads the public knowledge base; everything returned is loaded far enough to be rendered after the call. */
@Stateless
public class KnowledgeBase {

    @PersistenceContext(unitName = "smtpfeed")
    private EntityManager em;

    public Optional<KbArticle> article(long id) {
        return em.createQuery("select a from KbArticle a join fetch a.category where a.id = :id", KbArticle.class)
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

    public List<KbArticle> articles(long categoryId) {
        return em.createQuery("select a from KbArticle a where a.category.id = :category order by a.title", KbArticle.class)
                .setParameter("category", categoryId)
                .getResultList();
    }

    /** The subcategories of a category, in their order, each with its articles. */
    public List<CategorySection> sections(long parentId) {
        List<KbCategory> children = em.createQuery(
                        "select c from KbCategory c where c.parent.id = :parent order by c.position, c.name", KbCategory.class)
                .setParameter("parent", parentId)
                .getResultList();
        Map<Long, List<KbArticle>> articles = em.createQuery(
                        "select a from KbArticle a where a.category.parent.id = :parent order by a.title", KbArticle.class)
                .setParameter("parent", parentId)
                .getResultStream()
                .collect(groupingBy(a -> a.getCategory().getId()));
        return children.stream()
                .map(c -> new CategorySection(c, articles.getOrDefault(c.getId(), List.of())))
                .toList();
    }
}
