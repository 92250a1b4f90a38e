package dev.structscope.app.cli;

import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.decode.JsonText;
import dev.structscope.io.decode.PlanNode;
import dev.structscope.io.decode.RecordNode;
import dev.structscope.io.net.Message;
import dev.structscope.model.InputException;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Prints captured messages decoded as one record each: {@code jsonl} (the record's members plus
 * {@code _seq}, {@code _len} and, for a message longer than the record, {@code _extra}), {@code text}
 * (one readable line each) or {@code none}. A message shorter than the record decodes the members
 * that fit whole; the rest are null. Used on the capture thread only.
 */
final class MessageFormat {
    private final String format;
    private final DecoderPlan plan;
    private final PrintWriter out;
    private final StringBuilder sb = new StringBuilder(256);

    MessageFormat(String format, DecoderPlan plan, PrintWriter out) {
        this.format = switch (format.toLowerCase(Locale.ROOT)) {
            case "jsonl", "text", "none" -> format.toLowerCase(Locale.ROOT);
            default -> throw new InputException("--format", "unknown format '" + format + "'; known: jsonl, text, none");
        };
        this.plan = plan;
        this.out = out;
    }

    boolean prints() {
        return !format.equals("none");
    }

    void print(Message m) {
        if (format.equals("none")) {
            return;
        }
        sb.setLength(0);
        long len = m.bytes().byteSize();
        RecordNode root = plan.root();
        boolean json = format.equals("jsonl");
        if (json) {
            sb.append("{\"_seq\":").append(m.seq()).append(",\"_len\":").append(len);
        } else {
            sb.append('#').append(m.seq()).append(' ').append(len).append(" B from ").append(m.peer()).append(' ');
        }
        for (PlanNode member : root.members()) {
            if (json) {
                sb.append(',');
                JsonText.string(sb, member.name());
                sb.append(':');
            } else {
                sb.append(' ').append(member.name()).append('=');
            }
            if (member.offset() + member.size() <= len) {
                JsonText.append(sb, member.read(m.bytes(), 0));
            } else {
                sb.append("null");
            }
        }
        if (len > plan.recordSize()) {
            if (json) {
                sb.append(",\"_extra\":").append(len - plan.recordSize());
            } else {
                sb.append("  (+").append(len - plan.recordSize()).append(" B)");
            }
        }
        if (json) {
            sb.append('}');
        }
        out.println(sb);
    }
}
