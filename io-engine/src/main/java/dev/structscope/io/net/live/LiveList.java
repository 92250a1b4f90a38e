package dev.structscope.io.net.live;

import java.util.List;

/**
 * Keeps the monitor's list (the table's items) in step with a {@link MessageStore}, one batch per
 * update: drops from the front what the store evicted, appends what arrived. Two list changes per
 * update, however many messages came, so 100k messages a second cost the table a few calls, not
 * 100k. Owned by the {@link LiveViewModel}; FX thread (plain lists in the unit tests).
 */
public final class LiveList {
    private final List<LiveMessage> items;
    /** Store index of {@code items[0]}. */
    private long first;
    /** Store index after the last item. */
    private long end;

    public LiveList(List<LiveMessage> items) {
        this.items = items;
    }

    /**
     * Brings the list up to date with {@code store}.
     *
     * @return how many messages were appended
     */
    public int catchUp(MessageStore store) {
        MessageStore.Update u = store.since(end);
        long drop = Math.min(items.size(), Math.max(0, u.firstIndex() - first));
        if (drop > 0) {
            items.subList(0, (int) drop).clear();
        }
        if (!u.added().isEmpty()) {
            items.addAll(u.added());
        }
        first = u.firstIndex();
        end = u.endIndex();
        return u.added().size();
    }

    /** Forgets the list and starts following a new store from its beginning. */
    public void reset() {
        items.clear();
        first = 0;
        end = 0;
    }

    public List<LiveMessage> items() {
        return items;
    }
}
