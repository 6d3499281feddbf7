package net.smtpfeed.domain.kb;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The knowledge base's search, done by the database: the articles whose text in the reader's language (English where
 * an article is not translated into it) holds every word, in its title, summary or body. Those with the first word in
 * their title come first, then by title. Runs in the caller's transaction; the articles come with their category and
 * translations loaded.
 */
public final class ArticleSearch {

    private final EntityManager em;

    public ArticleSearch(EntityManager em) {
        this.em = em;
    }

    public List<KbArticle> find(SearchWords words, Locale language, int max) {
        if (words.isEmpty()) {
            return List.of();
        }
        List<Long> ids = matchingIds(words, language, max);
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, KbArticle> articles = em.createQuery("""
                        select a from KbArticle a join fetch a.category left join fetch a.translations
                        where a.id in :ids""", KbArticle.class)
                .setParameter("ids", ids)
                .getResultStream()
                .collect(Collectors.toMap(KbArticle::getId, Function.identity(), (a, b) -> a));
        return ids.stream().map(articles::get).toList();
    }

    private List<Long> matchingIds(SearchWords words, Locale language, int max) {
        String title = "lower(coalesce(t.title, a.english.title))";
        String summary = "lower(coalesce(t.summary, a.english.summary))";
        String body = "lower(coalesce(t.bodyText, a.english.bodyText))";
        String escape = " escape '" + SearchWords.escapeCharacter() + "'";
        StringBuilder where = new StringBuilder();
        List<String> patterns = words.likePatterns();
        for (int i = 0; i < patterns.size(); i++) {
            String word = ":word" + i + escape;
            where.append(i == 0 ? "where " : " and ")
                    .append('(').append(title).append(" like ").append(word)
                    .append(" or ").append(summary).append(" like ").append(word)
                    .append(" or ").append(body).append(" like ").append(word).append(')');
        }
        TypedQuery<Long> query = em.createQuery("select a.id from KbArticle a"
                + " left join a.translations t on key(t) = :language "
                + where
                + " order by case when " + title + " like :word0" + escape + " then 0 else 1 end, "
                + "coalesce(t.title, a.english.title), a.id", Long.class);
        query.setParameter("language", language.getLanguage());
        for (int i = 0; i < patterns.size(); i++) {
            query.setParameter("word" + i, patterns.get(i));
        }
        return query.setMaxResults(max).getResultList();
    }
}
