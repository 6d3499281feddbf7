package net.smtpfeed.domain.kb;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A knowledge-base article; its id is the "Article ID" that support staff and customers quote. It is written in
 * English first, and English is what a reader gets in a language the article has not been translated into.
 */
@Entity
public class KbArticle {

    public static final Locale ORIGINAL_LANGUAGE = Locale.ENGLISH;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private KbCategory category;

    @Embedded
    private ArticleText english;

    /** By ISO 639 language code; never English, which is the article's own columns. */
    @ElementCollection
    @CollectionTable(name = "kb_article_translation", joinColumns = @JoinColumn(name = "article_id"))
    @MapKeyColumn(name = "language_code")
    private Map<String, ArticleText> translations = new HashMap<>();

    private Instant createdAt;

    private Instant modifiedAt;

    protected KbArticle() {
    }

    public KbArticle(KbCategory category, ArticleText english, Instant createdAt) {
        this.category = Objects.requireNonNull(category, "category");
        this.english = Objects.requireNonNull(english, "english");
        this.createdAt = createdAt;
        this.modifiedAt = createdAt;
    }

    /** What a reader of that language gets: the translation, or the English text where there is none. */
    public ArticleText textIn(Locale language) {
        return textWrittenIn(language).orElse(english);
    }

    /** The text written in exactly that language, with no fallback: what an editor of that language changes. */
    public Optional<ArticleText> textWrittenIn(Locale language) {
        String code = code(language);
        return code.equals(ORIGINAL_LANGUAGE.getLanguage()) ? Optional.of(english)
                : Optional.ofNullable(translations.get(code));
    }

    public boolean isWrittenIn(Locale language) {
        return textWrittenIn(language).isPresent();
    }

    /** English first, then the translations by language code. */
    public List<Locale> languages() {
        return Stream.concat(Stream.of(ORIGINAL_LANGUAGE.getLanguage()), translations.keySet().stream().sorted())
                .map(Locale::forLanguageTag)
                .toList();
    }

    /**
     * Replaces the text in one language (English, or a translation, added if new).
     *
     * @return whether anything changed; only then is the article's modification time moved
     */
    public boolean write(Locale language, ArticleText text, Instant now) {
        Objects.requireNonNull(text, "text");
        if (text.equals(textWrittenIn(language).orElse(null))) {
            return false;
        }
        String code = code(language);
        if (code.equals(ORIGINAL_LANGUAGE.getLanguage())) {
            english = text;
        } else {
            translations.put(code, text);
        }
        modifiedAt = now;
        return true;
    }

    /** @return whether the article changed category; only then is its modification time moved */
    public boolean moveTo(KbCategory newCategory, Instant now) {
        Objects.requireNonNull(newCategory, "newCategory");
        boolean same = newCategory.getId() == null ? newCategory == category : newCategory.getId().equals(category.getId());
        if (same) {
            return false;
        }
        category = newCategory;
        modifiedAt = now;
        return true;
    }

    private static String code(Locale language) {
        String code = language.getLanguage();
        if (code.isEmpty()) {
            throw new IllegalArgumentException("no language: " + language);
        }
        return code;
    }

    public Long getId() {
        return id;
    }

    public KbCategory getCategory() {
        return category;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getModifiedAt() {
        return modifiedAt;
    }
}
