package io.dbchat.schemapublisher.catalog;

/**
 * Row estimates rounded to two significant figures, so that the drift of the planner's statistics
 * after each ANALYZE does not change the snapshot's content hash. Unknown (-1) is published as 0.
 */
final class RowEstimates {

    private RowEstimates() {
    }

    static long round(long reltuples) {
        if (reltuples <= 0) {
            return 0;
        }
        long scale = 1;
        while (reltuples >= 100 * scale) {
            scale *= 10;
        }
        return Math.round((double) reltuples / scale) * scale;
    }
}
