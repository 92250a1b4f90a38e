package dev.structscope.model.c;

/**
 * The macro names a token came from, which must not be expanded again in it: a persistent list,
 * so that the many tokens of one expansion share one set instead of each holding a copy (a
 * macro bomb would otherwise exhaust memory before the step budget ends it). Immutable.
 */
record HideSet(String name, HideSet next) {
    static boolean contains(HideSet s, String name) {
        for (HideSet h = s; h != null; h = h.next) {
            if (h.name.equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** {@code a} ∪ {@code b}; returns {@code b} itself when {@code a} adds nothing. */
    static HideSet union(HideSet a, HideSet b) {
        HideSet out = b;
        int guard = 0;
        for (HideSet h = a; h != null && guard < 10_000; h = h.next, guard++) {
            if (!contains(out, h.name)) {
                out = new HideSet(h.name, out);
            }
        }
        return out;
    }
}
