package net.smtpfeed.domain.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class KbCategoryTest {

    @Test
    void theBreadcrumbPathStartsAtTheRoot() {
        KbCategory root = new KbCategory(null, "Knowledge Base", 0);
        KbCategory hosting = new KbCategory(root, "Hosting", 1);
        assertEquals(List.of("Knowledge Base", "Hosting"), hosting.path().stream().map(KbCategory::getName).toList());
    }
}
