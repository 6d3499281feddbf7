package net.smtpfeed.portal.kb;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import net.smtpfeed.domain.kb.KbCategory;

/** A category named by its path below the root ("Hosting", "E-mail › Spam"), as lists of articles show where one is. */
public final class CategoryLabel {

    private CategoryLabel() {
    }

    /** The root, which every article is under, is named only when it is the category itself. */
    public static String of(KbCategory category, Locale language) {
        List<KbCategory> path = category.path();
        return path.stream().skip(path.size() > 1 ? 1 : 0).map(c -> c.nameIn(language))
                .collect(Collectors.joining(" \u203a "));
    }
}
