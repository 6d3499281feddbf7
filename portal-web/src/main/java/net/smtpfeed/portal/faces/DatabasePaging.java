package net.smtpfeed.portal.faces;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * A table's rows paged by the database as the table asks for them: the count and each page come from the same query,
 * so the pager and the rows agree. The order is the query's own; the table's sorting and filtering are not used.
 */
public final class DatabasePaging<T> extends LazyDataModel<T> {

    private static final long serialVersionUID = 1L;

    /** How many rows the query has in all. */
    @FunctionalInterface
    public interface Count extends Serializable {
        long rows();
    }

    /** One page of the query's rows. */
    @FunctionalInterface
    public interface Page<T> extends Serializable {
        List<T> rows(int first, int size);
    }

    /** What tells a row from the others, for the table's row keys. */
    @FunctionalInterface
    public interface Key<T> extends Serializable {
        Object of(T row);
    }

    private final Count count;
    private final Page<T> page;
    private final Key<T> key;

    public DatabasePaging(Count count, Page<T> page, Key<T> key) {
        this.count = count;
        this.page = page;
        this.key = key;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return Math.toIntExact(count.rows());
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        return page.rows(first, pageSize);
    }

    @Override
    public String getRowKey(T row) {
        return String.valueOf(key.of(row));
    }
}
