package net.smtpfeed.domain.kb;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.Instant;

/** A knowledge-base article; its id is the "Article ID" that support staff and customers quote. */
@Entity
public class KbArticle {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private KbCategory category;

    private String title;

    private String summary;

    private String bodyHtml;

    private Instant createdAt;

    private Instant modifiedAt;

    protected KbArticle() {
    }

    public KbArticle(KbCategory category, String title, String summary, String bodyHtml, Instant createdAt) {
        this.category = category;
        this.title = title;
        this.summary = summary;
        this.bodyHtml = bodyHtml;
        this.createdAt = createdAt;
        this.modifiedAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public KbCategory getCategory() {
        return category;
    }

    public String getTitle() {
        return title;
    }

    public String getSummary() {
        return summary;
    }

    public String getBodyHtml() {
        return bodyHtml;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getModifiedAt() {
        return modifiedAt;
    }
}
