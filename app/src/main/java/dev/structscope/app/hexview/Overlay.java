package dev.structscope.app.hexview;

import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.decode.PlanNode;
import dev.structscope.io.decode.RecordNode;
import dev.structscope.model.layout.Padding;
import dev.structscope.model.layout.RecordLayout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A layout laid over the bytes: which member (by colour index, the designer's declaration order)
 * or padding each byte of a record belongs to, for {@code count} records back to back from
 * {@code base} (1 for "the record at the base offset", many for "view as array"). Looking a byte
 * up is a modulo and a binary search over the spans of one record, so an overlay over millions
 * of records costs no more memory than one record. Immutable; any thread.
 *
 * @param name       what the overlay shows, e.g. {@code "struct Tick"}
 * @param base       file offset of the first record
 * @param recordSize bytes per record
 * @param count      records covered
 * @param spans      spans of one record, offsets from its start, sorted by start
 */
public record Overlay(String name, long base, long recordSize, long count, List<Span> spans) {

    /** Bytes {@code [start, start+length)} of a record belonging to member {@code color} or padding. */
    public record Span(long start, long length, int color, boolean padding, String label) {
        public long end() {
            return start + length;
        }
    }

    public Overlay {
        spans = List.copyOf(spans);
    }

    /**
     * The overlay of {@code layout} (compiled as {@code plan}) at {@code base}: one span per
     * visible top-level member, coloured by its index, and one per padding range.
     */
    public static Overlay of(RecordLayout layout, DecoderPlan plan, long base, long count) {
        List<Span> spans = new ArrayList<>();
        List<PlanNode> members = plan.root().members();
        for (int i = 0; i < members.size(); i++) {
            PlanNode m = members.get(i);
            spans.add(new Span(m.offset(), Math.max(1, m.size()), i, false, m.name()));
        }
        for (Padding p : layout.padding()) {
            spans.add(new Span(p.offset(), p.size(), -1, true, p.tail() ? "tail padding" : "padding"));
        }
        spans.sort(Comparator.comparingLong(Span::start));
        String name = plan.root().typeName();
        return new Overlay(name, base, plan.recordSize(), Math.max(1, count), spans);
    }

    /**
     * The overlay of one decoded record as its bytes laid it out ({@code root} is a dynamic
     * record's instance plan, {@code size} its actual size): one span per top-level member at
     * its real offset — placed members wherever they lie, before or after the record — and
     * the gaps inside the record's own bytes as padding. Covers one record.
     */
    public static Overlay ofInstance(RecordNode root, long base, long size) {
        List<Span> abs = new ArrayList<>();
        List<PlanNode> members = root.members();
        long lo = base;
        long hi = base + Math.max(1, size);
        for (int i = 0; i < members.size(); i++) {
            PlanNode m = members.get(i);
            long at = base + m.offset();
            long len = Math.max(1, m.size());
            abs.add(new Span(at, len, i, false, m.name()));
            lo = Math.min(lo, at);
            hi = Math.max(hi, at + len);
        }
        abs.sort(Comparator.comparingLong(Span::start));
        long covered = base;
        List<Span> gaps = new ArrayList<>();
        for (Span s : abs) {
            if (s.start() > covered && covered < base + size) {
                gaps.add(new Span(covered, Math.min(s.start(), base + size) - covered, -1, true, "padding"));
            }
            covered = Math.max(covered, s.end());
        }
        if (covered < base + size) {
            gaps.add(new Span(covered, base + size - covered, -1, true, "tail padding"));
        }
        abs.addAll(gaps);
        List<Span> spans = new ArrayList<>();
        for (Span s : abs) {
            spans.add(new Span(s.start() - lo, s.length(), s.color(), s.padding(), s.label()));
        }
        spans.sort(Comparator.comparingLong(Span::start));
        return new Overlay(root.typeName(), lo, hi - lo, 1, spans);
    }

    /** The end of the covered bytes (exclusive), saturating. */
    public long end() {
        long len = recordSize > 0 && count > Long.MAX_VALUE / recordSize ? Long.MAX_VALUE : recordSize * count;
        return len > Long.MAX_VALUE - base ? Long.MAX_VALUE : base + len;
    }

    /** The span covering file byte {@code offset}, or {@code null}. */
    public Span spanAt(long offset) {
        if (offset < base || offset >= end() || recordSize <= 0) {
            return null;
        }
        long rel = (offset - base) % recordSize;
        // Spans can overlap (union members, bit-fields sharing bytes): take the first that covers.
        int lo = 0;
        int hi = spans.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (spans.get(mid).start() <= rel) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        for (int i = found; i >= 0; i--) {
            Span s = spans.get(i);
            if (rel < s.end()) {
                // Prefer the earliest span that still covers rel (the first declared member).
                int j = i;
                while (j > 0 && spans.get(j - 1).start() == s.start() && rel < spans.get(j - 1).end()) {
                    j--;
                }
                return spans.get(j);
            }
            if (rel - s.start() > recordSize) {
                break;
            }
        }
        return null;
    }
}
