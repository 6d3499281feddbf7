-- The knowledge base in more languages than English. An article's and a category's own columns stay their English
-- text: a reader whose language has no translation gets that.
CREATE TABLE kb_article_translation (
    article_id    BIGINT        NOT NULL,
    language_code VARCHAR(8)    NOT NULL,
    title         VARCHAR(300)  NOT NULL,
    summary       VARCHAR(1000) NOT NULL,
    body_html     LONGTEXT      NOT NULL,
    body_text     LONGTEXT      NULL,
    PRIMARY KEY (article_id, language_code),
    CONSTRAINT fk_kb_article_translation_article FOREIGN KEY (article_id) REFERENCES kb_article (id)
);

CREATE TABLE kb_category_translation (
    category_id   BIGINT       NOT NULL,
    language_code VARCHAR(8)   NOT NULL,
    name          VARCHAR(200) NOT NULL,
    PRIMARY KEY (category_id, language_code),
    CONSTRAINT fk_kb_category_translation_category FOREIGN KEY (category_id) REFERENCES kb_category (id)
);

-- The body's words without markup, which search looks in. The portal writes it with every save; it is NULL only where
-- a seed script inserted a body without it (the demo seed fills those in).
ALTER TABLE kb_article ADD COLUMN body_text LONGTEXT NULL;
UPDATE kb_article SET body_text = REGEXP_REPLACE(body_html, '<[^>]*>', ' ');
