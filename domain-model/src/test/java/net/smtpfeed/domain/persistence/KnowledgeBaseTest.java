package net.smtpfeed.domain.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import net.smtpfeed.domain.kb.ArticleSearch;
import net.smtpfeed.domain.kb.ArticleText;
import net.smtpfeed.domain.kb.KbArticle;
import net.smtpfeed.domain.kb.KbCategory;
import net.smtpfeed.domain.kb.SearchWords;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The knowledge base's translations and search on the real schema and the demo articles (H2; MySQL with -Pmysql). */
class KnowledgeBaseTest {

    private static EntityManagerFactory factory;

    @BeforeAll
    static void migrate() {
        factory = TestDatabase.fromBuild().migratedFresh().entityManagerFactory();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void article67AndItsCategoriesReadInGerman() {
        KbArticle article = inTransaction(em -> {
            KbArticle a = em.find(KbArticle.class, 67L);
            a.languages();
            a.getCategory().path();
            return a;
        });
        assertEquals("So beantragen und verwalten Sie einen SMTP-Feed", article.textIn(Locale.GERMAN).getTitle());
        assertEquals(List.of("Wissensdatenbank", "Hosting"),
                article.getCategory().path().stream().map(c -> c.nameIn(Locale.GERMAN)).toList());
        assertEquals("E-Mail", inTransaction(em -> category(em, "E-mail")).nameIn(Locale.GERMAN));
    }

    @Test
    void searchFindsArticlesByAnyCaseOfAWordInTheirTitleSummaryOrBody() {
        assertEquals(List.of(67L), search("smtp FEED request", Locale.ENGLISH));
        assertTrue(search("QUARANTINE", Locale.ENGLISH).containsAll(List.of(67L, 68L)));
        assertTrue(search("relay", Locale.ENGLISH).contains(67L), "a word of the body only");
    }

    @Test
    void searchLooksAtTheTextInTheReadersLanguage() {
        assertEquals(List.of(67L), search("beantragen", Locale.GERMAN));
        assertEquals(List.of(), search("beantragen", Locale.ENGLISH));
        assertEquals(List.of(), search("stand in front", Locale.GERMAN), "67's English text is not what a German reader reads");
    }

    @Test
    void searchFallsBackToTheEnglishTextOfAnUntranslatedArticle() {
        assertEquals(List.of(69L), search("whitelist", Locale.GERMAN));
    }

    @Test
    void articlesWithTheWordInTheirTitleComeFirst() {
        List<Long> found = search("spam", Locale.ENGLISH);
        assertEquals(68L, found.get(0), found.toString());
        assertTrue(found.contains(67L));
    }

    @Test
    void aWildcardInTheQueryMatchesOnlyItself() {
        assertEquals(List.of(), search("%", Locale.ENGLISH));
        assertEquals(List.of(), search("s_am", Locale.ENGLISH));
    }

    @Test
    void aNewArticleIsFoundAfterItsTranslationIsWritten() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Long id = inTransaction(em -> {
            KbArticle article = new KbArticle(category(em, "Hosting"),
                    new ArticleText("Moving your domain", "Before you move.", "<p>Tell us the <em>date</em>.</p>"), now);
            em.persist(article);
            article.write(Locale.GERMAN, new ArticleText("Umzug Ihrer Domain", "Vor dem Umzug.",
                    "<p>Nennen Sie uns das <em>Datum</em>.</p>"), now);
            return article.getId();
        });
        KbArticle reread = inTransaction(em -> {
            KbArticle a = em.find(KbArticle.class, id);
            a.languages();
            return a;
        });

        assertEquals(List.of(Locale.ENGLISH, Locale.GERMAN), reread.languages());
        assertEquals("Nennen Sie uns das Datum .", reread.textIn(Locale.GERMAN).getBodyText());
        assertEquals(List.of(id), search("datum", Locale.GERMAN));
    }

    private static List<Long> search(String query, Locale language) {
        return inTransaction(em -> new ArticleSearch(em).find(SearchWords.of(query), language, 20))
                .stream().map(KbArticle::getId).toList();
    }

    private static KbCategory category(EntityManager em, String name) {
        return em.createQuery("select c from KbCategory c where c.name = :name", KbCategory.class)
                .setParameter("name", name).getSingleResult();
    }

    private static <T> T inTransaction(Function<EntityManager, T> work) {
        return Transactions.inTransaction(factory, work);
    }
}
