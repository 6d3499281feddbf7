package db.migration;

import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On H2, the chunks of queued and stored messages become VARBINARY, kept in the table's own pages, instead of BLOBs in
 * H2's separate LOB store: each BLOB written there was first copied from a temporary LOB, and the store's clean-up
 * of those temporaries ran at every commit, together 5 % of the relay's CPU under load (BENCHMARK.md, session 7).
 * A chunk is at most 256 KB, within VARBINARY's reach. MySQL has no VARBINARY that large and keeps LONGBLOB, which
 * is why this is Java and not SQL: one script cannot name a type both databases accept.
 */
public class V12__Message_chunks_in_table_pages_on_h2 extends BaseJavaMigration {

    private static final int CHUNK_BYTES = 256 * 1024;

    @Override
    public void migrate(Context context) throws SQLException {
        if (!"H2".equals(context.getConnection().getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement alter = context.getConnection().createStatement()) {
            for (String table : new String[] {"message_chunk", "stored_message_chunk"}) {
                alter.execute("ALTER TABLE " + table + " ALTER COLUMN bytes SET DATA TYPE VARBINARY(" + CHUNK_BYTES + ")");
            }
        }
    }
}
