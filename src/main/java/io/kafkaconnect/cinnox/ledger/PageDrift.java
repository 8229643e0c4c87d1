package io.kafkaconnect.cinnox.ledger;

/**
 * Offset paging checks that a window's rows stayed in place between pages: each page after the first is
 * asked from one row earlier, and its first row must be the row that ended the previous page. When it is
 * not, rows moved (a late insert below the offset, ties ordered differently on each request) and the
 * window is read again from offset 0; the ledger drops the rows already emitted. A window that keeps
 * drifting after {@link #MAX_RESTARTS} restarts (ties ordered differently on every request) is split in
 * halves, down to windows whose rows fit in one page, which cannot drift; a window too short to split is
 * read on and left to the re-scans.
 */
public final class PageDrift {

    /** How often one window is read again from 0 before it is split. */
    public static final int MAX_RESTARTS = 2;

    /** The outcome of comparing a page's first row with the previous page's last. */
    public enum Check {
        /** No previous row to compare with: the first page, or the previous last row had no key. */
        UNCHECKED,
        /** The first row is the previous page's last: skip it, the rest is new. */
        IN_PLACE,
        /** Rows moved between the two requests. */
        MOVED
    }

    private PageDrift() {
    }

    /** The page offset to ask for: one row earlier than {@code offset} when there is a row to check. */
    public static long requestOffset(long offset, long previousLastRow) {
        return previousLastRow != 0 && offset > 0 ? offset - 1 : offset;
    }

    /**
     * Compares the hashes of the previous page's last row and this page's first row.
     *
     * @param previousLastRow the key hash of the previous page's last row, 0 = none
     * @param offset the page offset the cursor holds (the request went out from one earlier when checked)
     * @param firstRow the key hash of this page's first row, 0 when the page is empty or its first row has no key
     */
    public static Check check(long previousLastRow, long offset, long firstRow) {
        if (previousLastRow == 0 || offset == 0) {
            return Check.UNCHECKED;
        }
        return firstRow == previousLastRow ? Check.IN_PLACE : Check.MOVED;
    }
}
