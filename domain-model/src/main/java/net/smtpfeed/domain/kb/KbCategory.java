package net.smtpfeed.domain.kb;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A section of the support knowledge base; categories nest under one root ("Knowledge Base"). */
@Entity
public class KbCategory {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    private KbCategory parent;

    private String name;

    private int position;

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
