package dev.structscope.io.series;

import dev.structscope.io.decode.JsonText;
import dev.structscope.io.decode.ScalarKind;

import java.util.List;

/**
 * A decimated series: the member, the record range it covers and its buckets, in order. What
 * {@code structscope series --json} prints and what the plot draws. Immutable.
 *
 * @param records  how many records the range holds (all of them for a whole-file series)
 * @param from     the first record of the range
 * @param total    how many records the source holds from the start offset (the zoom's limit); -1 when not
 *                 known (dynamic records decimated up to a given end are not counted past it)
 * @param kind     what the member holds (integers, floats, enums...)
 * @param typeName the member's declared type, for labels
 */
public record SeriesResult(String member, ScalarKind kind, String typeName, long from, long records, long total,
                           List<Bucket> buckets) {
    public SeriesResult {
        buckets = List.copyOf(buckets);
    }

    /** One past the last record of the range. */
    public long to() {
        return from + records;
    }

    /** {@code {"records": R, "member": "price", "buckets": [{"first": 0, "count": 4096, "min": .., "max": .., "mean": ..}, ...]}} */
    public String toJson() {
        StringBuilder sb = new StringBuilder(64 + buckets.size() * 96);
        sb.append("{\"records\": ").append(records).append(", \"member\": ");
        JsonText.string(sb, member);
        sb.append(", \"buckets\": [");
        for (int i = 0; i < buckets.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            buckets.get(i).appendJson(sb);
        }
        return sb.append("]}").toString();
    }
}
