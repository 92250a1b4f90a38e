package dev.structscope.app.cli;

import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.decode.RecordReader;
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
    private final RecordReader reader;
    private final PrintWriter out;
    private final StringBuilder sb = new StringBuilder(256);

    MessageFormat(String format, RecordReader reader, PrintWriter out) {
        this.format = switch (format.toLowerCase(Locale.ROOT)) {
            case "jsonl", "text", "none" -> format.toLowerCase(Locale.ROOT);
            default -> throw new InputException("--format", "unknown format '" + format + "'; known: jsonl, text, none");
        };
        this.reader = reader;
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
        boolean json = format.equals("jsonl");
        RecordNode root;
        long recordSize;
        if (reader instanceof DecoderPlan plan) {
            root = plan.root();
            recordSize = plan.recordSize();
        } else {
            // A dynamic record: decoded whole, as its content says, or not at all.
            try {
                RecordReader.Decoded d = reader.read(m.bytes(), 0, len);
                root = d.value().node();
                recordSize = d.size();
            } catch (InputException e) {
                printError(m, len, json, e);
                return;
            }
        }
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
            if (member.offset() >= 0 && member.offset() + member.size() <= len) {
                JsonText.append(sb, member.read(m.bytes(), 0));
            } else {
                sb.append("null");
            }
        }
        if (len > recordSize) {
            if (json) {
                sb.append(",\"_extra\":").append(len - recordSize);
            } else {
                sb.append("  (+").append(len - recordSize).append(" B)");
            }
        }
        if (json) {
            sb.append('}');
        }
        out.println(sb);
    }

    /** A message its dynamic record cannot describe: its sequence number and length, and why. */
    private void printError(Message m, long len, boolean json, InputException e) {
        if (json) {
            sb.append("{\"_seq\":").append(m.seq()).append(",\"_len\":").append(len).append(",\"_error\":");
            JsonText.string(sb, e.oneLine());
            sb.append('}');
        } else {
            sb.append('#').append(m.seq()).append(' ').append(len).append(" B from ").append(m.peer())
                    .append("  cannot decode: ").append(e.oneLine());
        }
        out.println(sb);
    }
}
