package net.smtpfeed.domain.kb;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A section of the support knowledge base; categories nest under one root ("Knowledge Base"). */
@Entity
public class KbCategory {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    private KbCategory parent;

    /** In English, like an article's own text. */
    private String name;

    private int position;

    /** Eager: a breadcrumb names every ancestor, and a knowledge base has few categories. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "kb_category_translation", joinColumns = @JoinColumn(name = "category_id"))
    @MapKeyColumn(name = "language_code")
    @Column(name = "name")
    private Map<String, String> translatedNames = new HashMap<>();

    protected KbCategory() {
    }

    public KbCategory(KbCategory parent, String name, int position) {
        this.parent = parent;
        this.name = name;
        this.position = position;
    }

    /** This category and its ancestors, the root first: what a breadcrumb shows. */
    public List<KbCategory> path() {
        List<KbCategory> path = new ArrayList<>();
        // getParent(), not the field: an ancestor may be a lazy proxy whose fields are not loaded.
        for (KbCategory c = this; c != null; c = c.getParent()) {
            path.add(c);
        }
        Collections.reverse(path);
        return path;
    }

    /** The name in that language, or the English name where it has not been translated. */
    public String nameIn(Locale language) {
        return translatedNames.getOrDefault(language.getLanguage(), name);
    }

    public Long getId() {
        return id;
    }

    public KbCategory getParent() {
        return parent;
    }

    public String getName() {
        return name;
    }

    public int getPosition() {
        return position;
    }
}
